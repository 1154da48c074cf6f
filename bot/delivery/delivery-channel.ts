import type { StoredOrder } from '../../src/domain/order/order.js';

/** The names of the channels an order can be forwarded to (docs/architecture.md, 'The outbox'). */
export type DeliveryChannelName = 'teams' | 'webhook' | 'email';

/**
 * One way of forwarding an order to the distributor. Implementations send the
 * order once per call and throw on failure; retries, backoff and
 * deduplication belong to the outbox, not to the channel.
 */
export interface DeliveryChannel {
  readonly name: DeliveryChannelName;
  /**
   * Sends the order. When `signal` aborts (the outbox's time for the attempt
   * ran out), the channel stops: it aborts its request, closes its
   * connection and rejects; it starts nothing new after the abort.
   */
  deliver(order: StoredOrder, signal: AbortSignal): Promise<void>;
}

/**
 * Thrown by a channel when retrying cannot help (e.g. a 400 from a webhook
 * that rejects the payload): the outbox marks the delivery failed at once.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}
