import type { OrderStatus, StoredOrder } from './order.js';

/**
 * What a lifecycle step asks the rest of the system to do, as plain values:
 * storage writes the pending deliveries in the same transaction as the order,
 * the outbox sends them, and the distributor side tells the customer.
 */

/**
 * Who submitted an order, as Teams or the SSO token named them, so the
 * customer's notices reach that person first. Either id may be missing: the
 * tab knows only the Entra object id, an old order neither.
 */
export interface OrderSubmitter {
  /** Entra object id (the token's `oid`, the activity's `from.aadObjectId`). */
  readonly userId?: string;
  /** Teams user id (`from.id`, `29:…`), when the order came from the chat. */
  readonly teamsUserId?: string;
}

/** What a customer-notice record says beyond an ordinary delivery: which status change, and to whom first. */
export interface NoticeTarget {
  /** The status change announced: its index in the order's `history`. */
  readonly step: number;
  readonly submitter?: OrderSubmitter;
}

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
  /** Only on customer-notice records (`CUSTOMER_NOTICE_CHANNEL`). */
  readonly notice?: NoticeTarget;
}

/** The customer's admins are to hear that the distributor changed the order's status. */
export interface CustomerNotice {
  readonly tenantId: string;
  readonly orderId: string;
  readonly revision: number;
  /** The change's index in the order's `history`: several changes of one revision stay apart. */
  readonly step: number;
  readonly status: OrderStatus;
  readonly comment?: string;
}

/** The outbox channel that tells the customer's admins about a status change. */
export const CUSTOMER_NOTICE_CHANNEL = 'customerNotice';

/**
 * The outbox record of a notice: written in the same transaction as the
 * status change it announces, so the change is never stored without it.
 */
export function customerNoticeDelivery(
  notice: CustomerNotice,
  input: { readonly submitter?: OrderSubmitter; readonly createdAt: Date; readonly firstAttemptAt: Date },
): PendingDelivery {
  const submitter = input.submitter && (input.submitter.userId !== undefined || input.submitter.teamsUserId !== undefined)
    ? input.submitter
    : undefined;
  return {
    tenantId: notice.tenantId,
    orderId: notice.orderId,
    revision: notice.revision,
    channel: CUSTOMER_NOTICE_CHANNEL,
    createdAt: input.createdAt,
    firstAttemptAt: input.firstAttemptAt,
    notice: { step: notice.step, ...(submitter !== undefined && { submitter }) },
  };
}

/**
 * The order as it was right after status change `step`, so a notice sent
 * late still announces its own change and not a later one. Undefined when
 * the history has no such step, or the step is not the current revision's.
 */
export function orderAsNoticed(order: StoredOrder, step: number): StoredOrder | undefined {
  const change = order.history[step];
  if (!change || change.revision !== order.revision) return undefined;
  return { ...order, status: change.status, history: order.history.slice(0, step + 1) };
}
