import { buildCustomerStatusCard } from '../../src/domain/cards/customer-status-card.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import { CUSTOMER_NOTICE_CHANNEL, orderAsNoticed } from '../../src/domain/order/order-events.js';
import type { OrderSubmitter } from '../../src/domain/order/order-events.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import type { DeliveryRecord } from '../storage/delivery-entity.js';
import type { ConversationStore, PersonalConversation } from '../storage/conversation-store.js';
import { ConversationGoneError } from './card-messenger.js';
import type { CardMessenger } from './card-messenger.js';
import { PermanentDeliveryError } from './delivery-channel.js';
import type { DeliveryChannel } from './delivery-channel.js';
import type { Logger } from '../logger.js';

/**
 * The most admins one status change is sent to: the submitter first, then
 * the tenant's other admins who chatted with the bot, most recently seen
 * first. It bounds what one click in the inbox can make the bot send.
 */
export const MAX_NOTICE_RECIPIENTS = 20;

/** Personal conversations of a tenant read to pick the recipients from (one bounded query). */
const CONVERSATIONS_READ = 200;

export interface CustomerNoticeChannelOptions {
  readonly store: ConversationStore;
  readonly messenger: CardMessenger;
  readonly catalog: Catalog;
  readonly distributorName: string;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/**
 * Tells the customer's admins that the distributor changed an order's
 * status: the status card as of that change, in each admin's language, into
 * their 1:1 chats with the bot. The record (`customerNotice`) is written in
 * the status change's transaction, so the outbox retries it like any other.
 *
 * Once per recipient: each send is followed by a receipt row
 * (`notice|{orderId}|{step}|{teams user id}`), and a retried notice skips
 * whoever has one; an admin whose chat is gone (403/404) gets a `gone`
 * receipt and is not tried again. The Connector's Send to Conversation
 * takes no idempotency key ("API reference for the Bot Framework Connector
 * service", https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference),
 * so a crash between a send and its receipt sends that one card again (at
 * least once at the edge, the outbox's own guarantee).
 */
export function createCustomerNoticeChannel(options: CustomerNoticeChannelOptions): DeliveryChannel<typeof CUSTOMER_NOTICE_CHANNEL> {
  const clock = options.clock ?? (() => new Date());
  return {
    name: CUSTOMER_NOTICE_CHANNEL,
    async deliver(order: StoredOrder, signal: AbortSignal, record?: DeliveryRecord): Promise<void> {
      const notice = record?.notice;
      if (notice === undefined) throw new PermanentDeliveryError('a customer notice record names no status change');
      const noticed = orderAsNoticed(order, notice.step);
      if (!noticed) throw new PermanentDeliveryError(`order ${order.id} has no status change ${notice.step} in revision ${order.revision}`);
      const context = { tenantId: order.tenantId, orderId: order.id, step: notice.step, status: noticed.status };

      const [conversations, receipts] = await Promise.all([
        recipients(options.store, order.tenantId, notice.submitter),
        // Receipts never outnumber the bound (see `room` below), so one page of it reads them all.
        options.store.listNoticeReceipts(order.tenantId, order.id, notice.step, MAX_NOTICE_RECIPIENTS),
      ]);
      if (conversations.length === 0) {
        options.logger.warn(context, 'no 1:1 chat of the customer is known; the status change is shown in the tab only');
        return;
      }
      const done = new Set(receipts.map((receipt) => receipt.teamsUserId));
      // Across retries too: whoever got it counts against the bound.
      const room = Math.max(0, MAX_NOTICE_RECIPIENTS - done.size);
      const due = conversations.filter((conversation) => !done.has(conversation.teamsUserId)).slice(0, room);

      const failures: unknown[] = [];
      for (const recipient of due) {
        signal.throwIfAborted();
        const card = buildCustomerStatusCard({
          locale: recipient.locale,
          order: noticed,
          catalog: options.catalog,
          distributorName: options.distributorName,
        });
        const receipt = { tenantId: order.tenantId, orderId: order.id, step: notice.step, teamsUserId: recipient.teamsUserId };
        let activityId: string;
        try {
          activityId = await options.messenger.sendCard(recipient.conversation, card, signal);
        } catch (error) {
          if (signal.aborted) throw error;
          if (error instanceof ConversationGoneError) {
            options.logger.warn({ ...context, teamsUserId: recipient.teamsUserId, err: error }, 'a customer chat is gone; not told');
            await options.store.saveNoticeReceipt({ ...receipt, outcome: 'gone', at: clock() });
          } else {
            options.logger.warn({ ...context, teamsUserId: recipient.teamsUserId, err: error }, 'could not send the status card to a customer chat');
            failures.push(error);
          }
          continue;
        }
        // Written even when the attempt was aborted meanwhile: the card was sent, and a retry must skip this admin.
        await options.store.saveNoticeReceipt({ ...receipt, outcome: 'sent', activityId, at: clock() });
      }
      if (failures.length > 0) {
        const first = failures[0] instanceof Error ? failures[0].message : String(failures[0]);
        throw new Error(`${failures.length} of ${due.length} customer chats did not take the status card: ${first}`, {
          cause: failures[0],
        });
      }
    },
  };
}

/**
 * The submitter's chat first (by Teams user id, else by Entra object id),
 * then the tenant's other admins, most recently seen first; at most
 * MAX_NOTICE_RECIPIENTS. An order without a known submitter goes to the admins.
 */
async function recipients(
  store: ConversationStore,
  tenantId: string,
  submitter: OrderSubmitter | undefined,
): Promise<PersonalConversation[]> {
  const [known, byTeamsId] = await Promise.all([
    store.listPersonal(tenantId, CONVERSATIONS_READ),
    submitter?.teamsUserId === undefined ? undefined : store.getPersonal(tenantId, submitter.teamsUserId),
  ]);
  const first =
    byTeamsId ?? (submitter?.userId === undefined ? undefined : known.find((conversation) => conversation.userId === submitter.userId));
  const others = known.filter((conversation) => conversation.teamsUserId !== first?.teamsUserId);
  return [...(first ? [first] : []), ...others].slice(0, MAX_NOTICE_RECIPIENTS);
}
