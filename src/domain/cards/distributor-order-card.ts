import type { Catalog } from '../catalog/catalog.js';
import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { OrderStatus, StatusChange, StoredOrder } from '../order/order.js';
import { currentRevisionChanges } from '../order/revision-changes.js';
import { MAX_COMMENT_LENGTH } from '../order/order-lifecycle.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, CardAction, CardElement, JsonObject, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { cardJsonBytes, WEBHOOK_CARD_MAX_BYTES } from './card-size.js';
import { escapeCardText } from './card-text.js';
import { formatCardTimestamp } from './card-format.js';
import { distributorOrderTexts, orderFactTexts, orderStatusLabels } from './card-texts.js';
import { customerFacts, evidenceAtSubmissionText, orderHeadline, orderTermsFacts, subscriptionLineFacts } from './order-facts.js';
import { describeFieldChange, revisionChangeTexts } from './revision-change-texts.js';
import { statusColor } from './status-color.js';
import { customerAgreementFact } from '../customer-agreement/customer-agreement-fact.js';
import type { CustomerAgreementFact } from '../customer-agreement/customer-agreement-fact.js';

/** Id of the comment input of "request changes"; the bot reads the comment under this key. */
export const CHANGES_COMMENT_INPUT_ID = 'changesComment';

/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USER_IDS = 60;

export interface DistributorOrderCardInput {
  readonly locale: Locale;
  readonly order: StoredOrder;
  readonly catalog: Catalog;
  /**
   * `universal`: Universal Actions for the bot's channel message.
   * `none`: a read-only card for a Workflows webhook (no Submit/Execute, no refresh).
   */
  readonly actions: 'universal' | 'none';
  /** MRIs of users whose Teams refreshes the card automatically; at most 60 are kept. */
  readonly refreshUserIds?: readonly string[];
  /** `DISTRIBUTOR_TIME_ZONE`: every time on the card is shown there, the zone named. */
  readonly timeZone: string;
  /** The Teams deep link to this order on the board (src/domain/distributor/board-deep-link.ts); absent: no button. */
  readonly boardLink?: string | undefined;
  /** The tenant's MCA (null: not accepted); absent: not known here, no line. */
  readonly customerAgreement?: CustomerAgreementFact | undefined;
}

/**
 * The order as the distributor's staff see it: a title that says whose order
 * and what (organization, INN, first line), what this revision changed, every
 * field, the evidence of the relationship at submission, the status and
 * its history, and the actions the current status allows. The history is
 * cut from its oldest end when needed to keep the card within the 28 KB that
 * a webhook accepts (which also keeps it under the bot's 40 KB); if that is
 * not enough, the list of changes is cut from its end, saying how many more
 * the board and the e-mail show.
 */
export function buildDistributorOrderCard(input: DistributorOrderCardInput): AdaptiveCard {
  let shownHistory = input.order.history.length;
  let shownChanges = currentRevisionChanges(input.order)?.length ?? 0;
  let card = buildCard(input, shownHistory, shownChanges);
  while (cardJsonBytes(card) >= WEBHOOK_CARD_MAX_BYTES && shownHistory > 0) {
    shownHistory -= 1;
    card = buildCard(input, shownHistory, shownChanges);
  }
  while (cardJsonBytes(card) >= WEBHOOK_CARD_MAX_BYTES && shownChanges > 0) {
    shownChanges -= 1;
    card = buildCard(input, shownHistory, shownChanges);
  }
  return card;
}

function buildCard(input: DistributorOrderCardInput, shownHistory: number, shownChanges: number): AdaptiveCard {
  const { locale, order, catalog, timeZone } = input;
  const t = (text: LocalizedText): string => pick(text, locale);
  const heading = (text: LocalizedText): TextBlock => ({
    type: 'TextBlock',
    text: t(text),
    weight: 'bolder',
    wrap: true,
    separator: true,
    spacing: 'medium',
  });
  const status = orderStatusLabels[order.status];
  const headline = t(orderHeadline(order, catalog));
  const evidence = evidenceAtSubmissionText(order);

  const body: CardElement[] = [
    { type: 'TextBlock', text: escapeCardText(headline), size: 'medium', weight: 'bolder', style: 'heading', wrap: true },
    {
      type: 'TextBlock',
      text: t(status),
      color: statusColor(order.status),
      weight: 'bolder',
      wrap: true,
      spacing: 'none',
    },
    ...changeElements(order, shownChanges, locale),
    {
      type: 'FactSet',
      facts: [
        { title: t(orderFactTexts.orderNumber), value: escapeCardText(order.id) },
        { title: t(orderFactTexts.status), value: t(status) },
        { title: t(orderFactTexts.revision), value: String(order.revision) },
        { title: t(orderFactTexts.createdAt), value: formatCardTimestamp(order.createdAt, locale, timeZone) },
        { title: t(orderFactTexts.updatedAt), value: formatCardTimestamp(order.updatedAt, locale, timeZone) },
        { title: t(orderFactTexts.tenantId), value: escapeCardText(order.tenantId) },
        ...(evidence === undefined ? [] : [{ title: t(orderFactTexts.evidenceAtSubmission), value: t(evidence) }]),
        ...(input.customerAgreement === undefined ? [] : [mcaFact(input.customerAgreement, locale)]),
      ],
    },
    heading(orderFactTexts.subscriptions),
    { type: 'FactSet', facts: subscriptionLineFacts(order.lines, catalog, locale, { showSku: true }) },
    heading(distributorOrderTexts.termsSection),
    { type: 'FactSet', facts: orderTermsFacts(order, catalog, locale) },
    heading(distributorOrderTexts.customerSection),
    { type: 'FactSet', facts: customerFacts(order, locale) },
    ...historyElements(order.history, shownHistory, locale, timeZone),
  ];
  const openInBoard: CardAction[] =
    input.boardLink === undefined ? [] : [{ type: 'Action.OpenUrl', title: t(distributorOrderTexts.openInBoard), url: input.boardLink }];

  if (input.actions === 'none') {
    return adaptiveCard({
      fallbackText: headline,
      msteams: { width: 'Full' },
      body,
      ...(openInBoard.length > 0 ? { actions: openInBoard } : {}),
    });
  }

  const actionData: JsonObject = { orderId: order.id, tenantId: order.tenantId, revision: order.revision };
  if (order.status === 'changesRequested') {
    body.push({ type: 'TextBlock', text: t(distributorOrderTexts.waitingForCustomer), isSubtle: true, wrap: true });
  }
  const userIds = input.refreshUserIds?.slice(0, MAX_REFRESH_USER_IDS);
  const actions = [...statusActions(order.status, actionData, locale), ...openInBoard];
  return adaptiveCard({
    fallbackText: headline,
    msteams: { width: 'Full' },
    body,
    ...(actions.length > 0 ? { actions } : {}),
    refresh: {
      action: { type: 'Action.Execute', verb: CardVerb.refreshOrder, data: actionData },
      ...(userIds && userIds.length > 0 ? { userIds } : {}),
    },
  });
}

function mcaFact(acceptedAt: CustomerAgreementFact, locale: Locale): { title: string; value: string } {
  const { label, value } = customerAgreementFact(acceptedAt, locale);
  return { title: label, value };
}

/** Only the transitions the current status allows; the server checks them again. */
function statusActions(status: OrderStatus, data: JsonObject, locale: Locale): CardAction[] {
  const t = (text: LocalizedText): string => pick(text, locale);
  const accept = executeAction({
    title: t(distributorOrderTexts.accept),
    verb: CardVerb.acceptOrder,
    data,
    style: 'positive',
    associatedInputs: 'none',
  });
  const complete = executeAction({
    title: t(distributorOrderTexts.complete),
    verb: CardVerb.completeOrder,
    data,
    style: 'positive',
    associatedInputs: 'none',
  });
  const requestChanges: CardAction = {
    type: 'Action.ShowCard',
    title: t(distributorOrderTexts.requestChanges),
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: CHANGES_COMMENT_INPUT_ID,
          label: t(distributorOrderTexts.changesComment),
          placeholder: t(distributorOrderTexts.changesCommentPlaceholder),
          isMultiline: true,
          isRequired: true,
          maxLength: MAX_COMMENT_LENGTH,
          errorMessage: t(distributorOrderTexts.changesCommentError),
        },
      ],
      actions: [
        executeAction({
          title: t(distributorOrderTexts.sendChangesRequest),
          verb: CardVerb.requestChanges,
          data,
          style: 'destructive',
        }),
      ],
    },
  };
  switch (status) {
    case 'submitted':
      return [accept, requestChanges];
    case 'accepted':
      return [complete, requestChanges];
    case 'changesRequested':
    case 'completed':
      return [];
  }
}

function changeElements(order: StoredOrder, shown: number, locale: Locale): CardElement[] {
  const changes = currentRevisionChanges(order);
  if (changes === undefined) return [];
  const t = (text: LocalizedText): string => pick(text, locale);
  const omitted = changes.length - shown;
  const lines =
    changes.length === 0
      ? [t(revisionChangeTexts.none)]
      : [
          ...changes.slice(0, shown).map((change) => `• ${escapeCardText(t(describeFieldChange(change)))}`),
          ...(omitted > 0 ? [t(revisionChangeTexts.moreNotShown(omitted))] : []),
        ];
  return [
    {
      type: 'TextBlock',
      text: t(revisionChangeTexts.titleSince(order.revision - 1)),
      weight: 'bolder',
      wrap: true,
      separator: true,
      spacing: 'medium',
    },
    ...lines.map((text): TextBlock => ({ type: 'TextBlock', text, wrap: true, spacing: 'none' })),
  ];
}

function historyElements(history: readonly StatusChange[], shown: number, locale: Locale, timeZone: string): CardElement[] {
  if (history.length === 0) return [];
  const t = (text: LocalizedText): string => pick(text, locale);
  const omitted = history.length - shown;
  const entries = history.slice(omitted).flatMap((change): CardElement[] => {
    const parts = [
      formatCardTimestamp(change.at, locale, timeZone),
      t(orderStatusLabels[change.status]),
      ...(change.by ? [escapeCardText(change.by)] : []),
      t(distributorOrderTexts.historyRevision(change.revision)),
    ];
    const line: TextBlock = { type: 'TextBlock', text: parts.join(' · '), wrap: true, spacing: 'small' };
    if (!change.comment) return [line];
    return [
      line,
      {
        type: 'TextBlock',
        text: t(distributorOrderTexts.historyComment(escapeCardText(change.comment))),
        wrap: true,
        isSubtle: true,
        spacing: 'none',
      },
    ];
  });
  return [
    {
      type: 'TextBlock',
      text: t(distributorOrderTexts.historyTitle),
      weight: 'bolder',
      wrap: true,
      separator: true,
      spacing: 'medium',
    },
    ...(omitted > 0
      ? [{ type: 'TextBlock', text: t(distributorOrderTexts.earlierHistoryOmitted(omitted)), isSubtle: true, wrap: true } as const]
      : []),
    ...entries,
  ];
}
