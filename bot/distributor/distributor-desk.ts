import { z } from 'zod';
import { buildActionErrorCard } from '../../src/domain/cards/action-error-card.js';
import type { OrderCardReference } from '../../src/domain/cards/action-error-card.js';
import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import { escapeCardText } from '../../src/domain/cards/card-text.js';
import { chatErrorTexts } from '../../src/domain/cards/chat-card-texts.js';
import { actionErrorTexts } from '../../src/domain/cards/distributor-card-texts.js';
import { buildDistributorOrderCard, CHANGES_COMMENT_INPUT_ID } from '../../src/domain/cards/distributor-order-card.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import { customerAgreementTexts } from '../../src/domain/customer-agreement/customer-agreement-texts.js';
import { parseChatCommand } from '../../src/domain/chat/chat-command.js';
import { pick } from '../../src/domain/i18n/locale.js';
import type { Locale, LocalizedText } from '../../src/domain/i18n/locale.js';
import type { FieldError, OrderStatus, StoredOrder } from '../../src/domain/order/order.js';
import type {
  ChatReply,
  ChatTurn,
  DistributorCardAction,
  DistributorDesk,
  InboxClaim,
  TeamsActor,
} from '../conversation/chat-ports.js';
import { StorageUnavailableError } from '../storage/storage-errors.js';
import type { OrderService } from '../orders/order-service.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import { isOrderId } from '../storage/order-id.js';
import type { CardMessenger, PostedMessage } from '../delivery/card-messenger.js';
import { channelDisplayName, isSameChannel } from './channel-reference.js';
import { inboxTexts } from './distributor-chat-texts.js';
import { StaffMembership } from './staff-membership.js';
import type { StaffVerdict } from './staff-membership.js';
import type { Logger } from '../logger.js';
import type { BoardLinks } from '../delivery/distributor-reading.js';
import { readCustomerAgreementFact } from '../customer-agreement/customer-agreement-lookup.js';
import type { CustomerAgreementLookup } from '../customer-agreement/customer-agreement-lookup.js';

export interface TeamsDistributorDeskOptions {
  readonly distributorTenantId: string;
  readonly distributorName: string;
  /** Entra object ids of the users who may choose the inbox channel (`DISTRIBUTOR_ADMINS`). */
  readonly admins: readonly string[];
  /** Who counts as staff; by default Teams' answers cached for MEMBERSHIP_CACHE_TTL_MS. */
  readonly staff?: StaffMembership;
  /** Language of the distributor's staff: the inbox cards and messages use it. */
  readonly locale: Locale;
  readonly catalog: Catalog;
  /** `DISTRIBUTOR_TIME_ZONE`, for the times on the order cards. */
  readonly timeZone: string;
  /** The order card's "Open in board" link; none without it. */
  readonly boardLinks?: BoardLinks;
  readonly orders: Pick<OrderService, 'get' | 'changeStatus'>;
  readonly store: ConversationStore;
  readonly messenger: CardMessenger;
  readonly logger: Logger;
  /** The tenants' MCA, shown as a fact on the order card; absent: no such line. */
  readonly customerAgreements?: CustomerAgreementLookup;
  readonly clock?: () => Date;
  /** Called after a new inbox was claimed, e.g. to retry the deliveries that waited for it. */
  readonly onInboxClaimed?: () => void;
}

const STATUS_OF_VERB: Readonly<Record<Exclude<DistributorCardAction['verb'], 'refreshOrder'>, OrderStatus>> = {
  acceptOrder: 'accepted',
  requestChanges: 'changesRequested',
  completeOrder: 'completed',
};

/**
 * The card's action data (`{orderId, tenantId, revision}`) merged with its
 * inputs. Only the shape is checked here; the comment rules belong to
 * OrderService.changeStatus.
 */
const actionDataSchema = z.object({
  orderId: z.string().refine(isOrderId, 'not an order id'),
  // The customer's tenant: a GUID, or the Playground's longer demo id; never a storage key hazard.
  tenantId: z.string().regex(/^[0-9A-Za-z-]{1,100}$/),
  revision: z.coerce.number().int().min(1),
  [CHANGES_COMMENT_INPUT_ID]: z.string().max(100_000).optional(),
});

/**
 * The distributor's side of the bot (DistributorDesk): which channel is the
 * inbox, and what the order cards' buttons do. Only `DISTRIBUTOR_ADMINS` may
 * choose the inbox; only non-guest members of the distributor's tenant may
 * act, and only in the inbox channel. Each status change is stored by
 * OrderService (with the customer's notice, which the outbox delivers) and
 * shown to everyone by updating the channel message (Universal Actions
 * clients then refresh).
 *
 * Cards carry `refresh` without `userIds`: Teams then refreshes them for
 * every viewer in channels of up to 60 members. In bigger channels nobody
 * misses a change either, because the message itself is updated; `userIds`
 * would only matter for per-user views, which these cards do not have.
 */
export class TeamsDistributorDesk implements DistributorDesk {
  private readonly clock: () => Date;
  private readonly distributorTenantId: string;
  private readonly admins: ReadonlySet<string>;
  private readonly staff: StaffMembership;

  constructor(private readonly options: TeamsDistributorDeskOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.distributorTenantId = options.distributorTenantId.toLowerCase();
    this.admins = new Set(options.admins.map((id) => id.toLowerCase()));
    this.staff = options.staff ?? new StaffMembership({ distributorTenantId: this.distributorTenantId, clock: this.clock });
  }

  async channelMessage(turn: ChatTurn, text: string): Promise<ChatReply> {
    if (parseChatCommand(text) === 'inbox') return this.claimInbox({ actor: turn.actor, channel: turn.conversation, reason: 'command' });
    // In the writer's language: the command may come from anyone in any team the bot is in.
    return { text: pick(chatErrorTexts.channelHelp, turn.actor.locale) };
  }

  async claimInbox(request: InboxClaim): Promise<ChatReply> {
    const { actor, channel, reason } = request;
    if (!this.isDistributor(actor)) {
      this.options.logger.info({ tenantId: actor.tenantId, reason }, 'a team outside the distributor tenant cannot be the inbox');
      // Said in both languages: an install has no reliable locale, and the whole team reads it.
      const text = inboxTexts.notDistributorTeam(escapeCardText(this.options.distributorName));
      return { text: `${text.ru}\n\n${text.en}` };
    }

    if (actor.userId === undefined || !this.admins.has(actor.userId.toLowerCase())) {
      this.options.logger.warn({ userId: actor.userId, reason }, 'inbox claim refused: not in DISTRIBUTOR_ADMINS');
      // An install has no reliable locale: the distributor's language, as on the inbox cards.
      const locale = reason === 'install' ? this.options.locale : actor.locale;
      return { card: buildActionErrorCard({ locale, message: inboxTexts.onlyAdmins }) };
    }

    const t = (text: LocalizedText): string => pick(text, this.options.locale);
    const previous = await this.options.store.getInbox(this.distributorTenantId);
    const previousName = previous && escapedName(channelDisplayName(previous.conversation) ?? previous.channelName);
    if (previous && !isSameChannel(previous.conversation, channel) && reason === 'install') {
      // Only the first install picks the inbox; moving it takes a deliberate command.
      return { text: t(inboxTexts.elsewhere(previousName)) };
    }

    const channelName = channelDisplayName(channel);
    await this.options.store.saveInbox({
      tenantId: this.distributorTenantId,
      conversation: channel,
      claimedAt: this.clock(),
      ...(channelName !== undefined && { channelName }),
      ...(actor.name !== undefined && { claimedBy: actor.name }),
    });
    if (previous && isSameChannel(previous.conversation, channel)) {
      // Saved anyway: Teams may have moved the conversation to another service URL.
      return { text: t(inboxTexts.alreadyClaimed) };
    }

    this.options.logger.info({ reason, claimedBy: actor.name, moved: previous !== undefined }, 'inbox channel claimed');
    this.options.onInboxClaimed?.();
    const lines = [inboxTexts.claimed(escapedName(channelName))];
    if (previous) lines.push(inboxTexts.moved(previousName));
    lines.push(inboxTexts.howToMove);
    return { text: lines.map(t).join('\n\n') };
  }

  async handleCardAction(action: DistributorCardAction): Promise<AdaptiveCard> {
    const { actor, verb } = action;
    if (!this.isDistributor(actor)) {
      this.options.logger.warn({ tenantId: actor.tenantId, verb }, 'card action from outside the distributor tenant refused');
      return buildActionErrorCard({ locale: actor.locale, message: actionErrorTexts.notDistributor });
    }
    const parsed = actionDataSchema.safeParse(action.data);
    if (!parsed.success) {
      this.options.logger.warn({ verb, problem: z.prettifyError(parsed.error) }, 'card action with unreadable data');
      return this.errorCard(actionErrorTexts.unreadableCard);
    }
    const data = parsed.data;
    const target: OrderCardReference = { orderId: data.orderId, tenantId: data.tenantId, revision: data.revision };

    try {
      const refusal = await this.refusal(action);
      if (refusal) return refusal;
      if (verb === 'refreshOrder') return await this.currentCard(target);
      const comment = data[CHANGES_COMMENT_INPUT_ID];
      const result = await this.options.orders.changeStatus(
        target.tenantId,
        target.orderId,
        {
          status: STATUS_OF_VERB[verb],
          expectedRevision: target.revision,
          // Only "request changes" has a comment; a stray one elsewhere is ignored.
          ...(verb === 'requestChanges' && comment !== undefined && { comment }),
        },
        { now: this.clock(), ...(actor.name !== undefined && { actor: actor.name }) },
      );
      switch (result.kind) {
        case 'changed':
          return await this.afterChange(result.order, action);
        case 'invalidTransition':
        case 'conflict':
          // Someone acted first or the customer resubmitted: show what is true now.
          return await this.currentCard(target);
        case 'notFound':
          return this.errorCard(actionErrorTexts.orderNotFound(escapeCardText(target.orderId)));
        case 'invalid':
          return this.errorCard(invalidMessage(result.errors), target);
        case 'customerAgreementMissing':
          return this.errorCard(customerAgreementTexts.completionRefused, target);
        case 'busy':
          // Refused before anything was read: the same answer as a storage outage.
          return this.errorCard(actionErrorTexts.tryAgain, target);
      }
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      this.options.logger.error({ ...target, verb, err: error }, 'card action failed: storage unavailable');
      return this.errorCard(actionErrorTexts.tryAgain, target);
    }
  }

  /**
   * Why the actor may not act here, as the card they get instead: the card
   * was pressed outside the inbox channel (a personal chat, another team, an
   * inbox since moved), or Teams does not know the actor as a non-guest
   * member of the distributor's tenant.
   */
  private async refusal(action: DistributorCardAction): Promise<AdaptiveCard | undefined> {
    const { actor, verb } = action;
    const refuse = (message: LocalizedText, why: string): AdaptiveCard => {
      this.options.logger.warn({ verb, userId: actor.userId, why }, 'card action refused');
      return buildActionErrorCard({ locale: actor.locale, message });
    };
    const inbox = await this.options.store.getInbox(this.distributorTenantId);
    if (!inbox || !isSameChannel(inbox.conversation, action.conversation)) return refuse(actionErrorTexts.notInbox, 'not the inbox channel');
    if (!action.lookUpMember) return refuse(actionErrorTexts.notDistributor, 'membership unknown');
    let verdict: StaffVerdict;
    try {
      verdict = await this.staff.verdict(actor, action.lookUpMember);
    } catch (error) {
      this.options.logger.error({ verb, userId: actor.userId, err: error }, 'card action refused: Teams did not say who the actor is');
      return buildActionErrorCard({ locale: actor.locale, message: actionErrorTexts.tryAgain });
    }
    if (verdict === 'guest') return refuse(actionErrorTexts.guest, 'guest');
    if (verdict === 'notMember') return refuse(actionErrorTexts.notDistributor, 'not a member of the distributor tenant');
    return undefined;
  }

  private isDistributor(actor: TeamsActor): boolean {
    return actor.tenantId.toLowerCase() === this.distributorTenantId;
  }

  private async afterChange(order: StoredOrder, action: DistributorCardAction): Promise<AdaptiveCard> {
    const card = await this.orderCard(order);
    this.options.logger.info(
      { tenantId: order.tenantId, orderId: order.id, revision: order.revision, status: order.status, by: action.actor.name },
      'order status changed from the inbox',
    );
    await this.updateInboxMessage(order, card, action);
    return card;
  }

  /**
   * A status changed elsewhere (the board): the order's card in the inbox
   * shows it, as after a click on the card itself.
   */
  async refreshInboxCard(order: StoredOrder): Promise<void> {
    await this.updateInboxMessage(order, await this.orderCard(order));
  }

  /** Shows the new state to everyone in the channel; failures leave only that message stale. */
  private async updateInboxMessage(order: StoredOrder, card: AdaptiveCard, action?: DistributorCardAction): Promise<void> {
    const context = { tenantId: order.tenantId, orderId: order.id, revision: order.revision };
    try {
      const posted = await this.options.store.getPostedCard(order.tenantId, order.id);
      const message: PostedMessage | undefined =
        posted ?? (action?.messageId === undefined ? undefined : { conversation: action.conversation, activityId: action.messageId });
      if (!message) {
        this.options.logger.warn(context, 'no inbox message is known for the order; only the actor sees the new card');
        return;
      }
      await this.options.messenger.updateCard(message, card);
    } catch (error) {
      this.options.logger.warn({ ...context, err: error }, 'could not update the order card in the inbox');
    }
  }

  private async currentCard(target: OrderCardReference): Promise<AdaptiveCard> {
    const order = await this.options.orders.get(target.tenantId, target.orderId);
    if (!order) return this.errorCard(actionErrorTexts.orderNotFound(escapeCardText(target.orderId)));
    return this.orderCard(order);
  }

  private async orderCard(order: StoredOrder): Promise<AdaptiveCard> {
    return buildDistributorOrderCard({
      locale: this.options.locale,
      order,
      catalog: this.options.catalog,
      timeZone: this.options.timeZone,
      actions: 'universal',
      boardLink: await this.boardLink(order),
      customerAgreement: await readCustomerAgreementFact(this.options.customerAgreements, order.tenantId),
    });
  }

  /** The answer to an action that was done must not fail for want of a link: the card's next refresh brings it. */
  private async boardLink(order: StoredOrder): Promise<string | undefined> {
    try {
      return await this.options.boardLinks?.(order);
    } catch (error) {
      this.options.logger.warn({ tenantId: order.tenantId, orderId: order.id, err: error }, 'order card without its board link');
      return undefined;
    }
  }

  private errorCard(message: LocalizedText, order?: OrderCardReference): AdaptiveCard {
    return buildActionErrorCard({ locale: this.options.locale, message, ...(order && { order }) });
  }
}

function escapedName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : escapeCardText(name);
}

/** The comment problems get texts that say what to do; anything else shows its own message. */
function invalidMessage(errors: readonly FieldError[]): LocalizedText {
  const comment = errors.find((error) => error.field === 'comment');
  if (comment?.code === 'required') return actionErrorTexts.commentRequired;
  if (comment?.code === 'too_long') return actionErrorTexts.commentTooLong;
  return errors[0]?.message ?? actionErrorTexts.unreadableCard;
}
