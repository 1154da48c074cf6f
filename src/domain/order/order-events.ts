import type { OrderStatus } from './order.js';

/**
 * What a lifecycle step asks the rest of the system to do, as plain values:
 * storage writes the pending deliveries in the same transaction as the order,
 * the outbox sends them, and the distributor side tells the customer.
 */

/** A delivery record to create: one order revision on its way to one channel. */
export interface PendingDelivery {
  readonly tenantId: string;
  readonly orderId: string;
  readonly revision: number;
  /** A channel name, as configured. */
  readonly channel: string;
  readonly createdAt: Date;
  /**
   * Sweeps leave the record alone until then: the process that stores the
   * order delivers it right away without a separate claim (see OutboxWorker).
   */
  readonly firstAttemptAt: Date;
}

/** The customer's admins are to hear that the distributor changed the order's status. */
export interface CustomerNotice {
  readonly tenantId: string;
  readonly orderId: string;
  readonly revision: number;
  readonly status: OrderStatus;
  readonly comment?: string;
}
