import type { Catalog } from '../catalog/catalog.js';
import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { StoredOrder } from '../order/order.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, CardElement, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { escapeCardText } from './card-text.js';
import { formatCardDate } from './card-format.js';
import { customerStatusTexts, orderFactTexts, orderStatusLabels } from './card-texts.js';
import { orderTermsFacts, subscriptionLineFacts } from './order-facts.js';
import { statusColor } from './status-color.js';

export interface CustomerStatusCardInput {
  readonly locale: Locale;
  readonly order: StoredOrder;
  readonly catalog: Catalog;
  readonly distributorName: string;
}

/** What the customer admin sees in the 1:1 chat after submitting and on each status change. */
export function buildCustomerStatusCard({ locale, order, catalog, distributorName }: CustomerStatusCardInput): AdaptiveCard {
  const t = (text: LocalizedText): string => pick(text, locale);
  const distributor = escapeCardText(distributorName);
  const text = (value: string, extra: Partial<TextBlock> = {}): TextBlock => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

  const body: CardElement[] = [
    text(t(customerStatusTexts.title(escapeCardText(order.id))), { size: 'medium', weight: 'bolder', style: 'heading' }),
    text(t(orderStatusLabels[order.status]), { color: statusColor(order.status), weight: 'bolder', spacing: 'none' }),
    text(t(statusSentence(order, distributor, locale))),
  ];

  const comment = order.status === 'changesRequested' ? latestChangeRequestComment(order) : undefined;
  if (comment !== undefined) {
    body.push(text(t(customerStatusTexts.comment(escapeCardText(comment))), { weight: 'bolder' }));
  }

  body.push(
    {
      type: 'FactSet',
      separator: true,
      spacing: 'medium',
      facts: [
        { title: t(orderFactTexts.orderNumber), value: escapeCardText(order.id) },
        { title: t(orderFactTexts.status), value: t(orderStatusLabels[order.status]) },
        { title: t(orderFactTexts.organizationName), value: escapeCardText(order.organization.name) },
        ...orderTermsFacts(order, catalog, locale),
      ],
    },
    text(t(orderFactTexts.subscriptions), { weight: 'bolder', spacing: 'medium' }),
    { type: 'FactSet', spacing: 'small', facts: subscriptionLineFacts(order.lines, catalog, locale, { showSku: false }) },
  );

  return adaptiveCard({
    fallbackText: `${t(customerStatusTexts.title(order.id))}: ${t(orderStatusLabels[order.status])}`,
    body,
    ...(order.status === 'changesRequested'
      ? {
          actions: [
            executeAction({
              title: t(customerStatusTexts.revise),
              verb: CardVerb.reviseOrder,
              data: { orderId: order.id },
              style: 'positive',
            }),
          ],
        }
      : {}),
  });
}

function statusSentence(order: StoredOrder, distributor: string, locale: Locale): LocalizedText {
  switch (order.status) {
    case 'submitted':
      return customerStatusTexts.submitted(distributor);
    case 'accepted':
      return customerStatusTexts.accepted(distributor);
    case 'changesRequested':
      return customerStatusTexts.changesRequested(distributor);
    case 'completed':
      return customerStatusTexts.completed(formatCardDate(order.activationDate, locale));
  }
}

/** The distributor's comment that put the order into its current state. */
function latestChangeRequestComment(order: StoredOrder): string | undefined {
  const change = order.history.findLast((entry) => entry.status === 'changesRequested');
  return change?.comment?.trim() ? change.comment : undefined;
}
