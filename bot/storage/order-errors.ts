import type { OrderStatus } from '../../src/domain/order/order.js';

export class OrderNotFoundError extends Error {
  override readonly name = 'OrderNotFoundError';
  constructor(
    readonly tenantId: string,
    readonly orderId: string,
  ) {
    super(`order ${orderId} not found in tenant ${tenantId}`);
  }
}

/** The requested status change is not allowed from the order's current status. */
export class InvalidStatusTransitionError extends Error {
  override readonly name = 'InvalidStatusTransitionError';
  constructor(
    readonly orderId: string,
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`order ${orderId}: status ${from} cannot change to ${to}`);
  }
}

/**
 * The order is not in the state the caller acted on: its revision moved on
 * (`expectedRevision`), it kept changing under us, or a submission id is
 * already taken by another order.
 */
export class OrderConflictError extends Error {
  override readonly name = 'OrderConflictError';
}

/** The order would exceed Table Storage's entity limits (64 KiB per string property). */
export class OrderTooLargeError extends Error {
  override readonly name = 'OrderTooLargeError';
}
