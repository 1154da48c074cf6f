import type { StoredOrder } from '../../src/domain/order/order.js';
import type { DeliveryRecord } from '../storage/delivery-entity.js';

/** The names of the channels an order can be forwarded to (docs/architecture.md, 'The outbox'). */
export type DeliveryChannelName = 'teams' | 'webhook' | 'email';

/** The outbox channels: the distributor's, and the customer notices (`customerNotice`, one per status change). */
export type OutboxChannelName = DeliveryChannelName | 'customerNotice';

/**
 * One way of forwarding an order to the distributor. Implementations send the
 * order once per call and throw on failure; retries, backoff and
 * deduplication belong to the outbox, not to the channel.
 */
export interface DeliveryChannel<Name extends OutboxChannelName = DeliveryChannelName> {
  readonly name: Name;
  /**
   * Sends the order. When `signal` aborts (the outbox's time for the attempt
   * ran out), the channel stops: it aborts its request, closes its
   * connection and rejects; it starts nothing new after the abort.
   * `record` is the outbox record being delivered (the customer notice
   * channel reads which status change it announces).
   */
  deliver(order: StoredOrder, signal: AbortSignal, record?: DeliveryRecord): Promise<void>;
}

/**
 * Thrown by a channel when retrying cannot help (e.g. a 400 from a webhook
 * that rejects the payload): the outbox marks the delivery failed at once.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}
