import type { OrderStatus } from './order.js';

/**
 * What distributor staff may do with an order in each status. Leaving
 * `changesRequested` is the customer's move (a resubmission), and
 * `completed` is final.
 */
const NEXT_STATUSES: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  submitted: ['accepted', 'changesRequested'],
  accepted: ['completed', 'changesRequested'],
  changesRequested: [],
  completed: [],
};

export function allowedNextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return NEXT_STATUSES[from];
}

export function canChangeStatus(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** An order still needs the distributor: everything but `completed`, which is final. */
export function isOpenStatus(status: OrderStatus): boolean {
  return status !== 'completed';
}
