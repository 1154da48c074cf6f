import type { Catalog } from '../catalog/catalog.js';
import type { RelationshipLevel } from '../tenant/tenant-response.js';
import type { CustomerNotice, PendingDelivery } from './order-events.js';
import type { FieldError, OrderStatus, OrderSubmission, StatusChange, StoredOrder } from './order.js';
import { revisionChanges } from './revision-changes.js';
import { canChangeStatus } from './status-transitions.js';
import { VALIDATION_MESSAGES } from './validation-messages.js';

/**
 * The order's life as pure functions: each takes the order as it is and
 * returns the next one plus what it asks for (deliveries, a customer notice).
 * No clock, no storage: the caller passes `now` and writes the result.
 */

/** The longest comment staff may give with a status change. */
export const MAX_COMMENT_LENGTH = 1_000;
/** The longest name kept in the history; a longer display name is cut. */
export const MAX_ACTOR_LENGTH = 200;

export interface LifecycleContext {
  readonly now: Date;
  /** Display name of whoever acts (customer admin or distributor staff), for the history. */
  readonly actor?: string;
  /**
   * Whether the order's tenant has accepted the Microsoft Customer Agreement.
   * Only completing reads it, and absent counts as not accepted: Microsoft
   * lets a partner order for a customer only after the MCA is accepted
   * (README, 'Microsoft Customer Agreement').
   */
  readonly customerAgreementAccepted?: boolean | undefined;
}

/** Where each new revision goes: one pending delivery per channel. */
export interface DeliveryPlan {
  readonly channels: readonly string[];
  readonly firstAttemptAt: Date;
}

/** A new or resubmitted order with the deliveries its revision needs. */
export interface SubmittedOrder {
  readonly order: StoredOrder;
  readonly deliveries: readonly PendingDelivery[];
}

/** The relationship evidence level read for the submitter, or null when none had been read (it never holds a submission up). */
export type EvidenceAtSubmission = RelationshipLevel | null;

/** A new order, revision 1, `submitted`. `id` is made by the caller (it must be unique in storage). */
export function submitOrder(
  input: {
    readonly tenantId: string;
    readonly id: string;
    readonly submission: OrderSubmission;
    readonly delivery: DeliveryPlan;
    readonly evidence?: EvidenceAtSubmission | undefined;
  },
  context: LifecycleContext,
): SubmittedOrder {
  const at = context.now.toISOString();
  const order: StoredOrder = {
    ...input.submission,
    id: input.id,
    tenantId: input.tenantId,
    status: 'submitted',
    revision: 1,
    createdAt: at,
    updatedAt: at,
    history: [historyEntry('submitted', 1, context)],
    ...(input.evidence !== undefined && { evidenceAtSubmission: input.evidence }),
  };
  return { order, deliveries: pendingDeliveries(order, input.delivery, context.now) };
}

export type ResubmitOutcome =
  | ({ readonly kind: 'resubmitted' } & SubmittedOrder)
  /** The order already holds this submission (same submission id): a repeat. */
  | { readonly kind: 'repeated' }
  | { readonly kind: 'invalidTransition'; readonly from: OrderStatus; readonly to: OrderStatus };

/**
 * The customer's new content after the distributor asked for changes: same
 * id and creation time, next revision, back to `submitted`, new deliveries.
 * Its history entry records what changed since the previous revision (the
 * catalog names the products), so nobody needs the old revision to see it.
 * Evidence read now replaces what was recorded; none read keeps it.
 */
export function resubmitOrder(
  order: StoredOrder,
  submission: OrderSubmission,
  delivery: DeliveryPlan,
  context: LifecycleContext,
  facts: { readonly catalog: Catalog; readonly evidence?: EvidenceAtSubmission | undefined },
): ResubmitOutcome {
  if (order.submissionId === submission.submissionId) return { kind: 'repeated' };
  if (order.status !== 'changesRequested') return { kind: 'invalidTransition', from: order.status, to: 'submitted' };
  const revision = order.revision + 1;
  const next: StoredOrder = {
    ...submission,
    id: order.id,
    tenantId: order.tenantId,
    status: 'submitted',
    revision,
    createdAt: order.createdAt,
    updatedAt: context.now.toISOString(),
    history: [...order.history, { ...historyEntry('submitted', revision, context), changes: revisionChanges(order, submission, facts.catalog) }],
    ...evidenceAfterResubmission(order.evidenceAtSubmission, facts.evidence),
  };
  return { kind: 'resubmitted', order: next, deliveries: pendingDeliveries(next, delivery, context.now) };
}

export interface StatusChangeInput {
  readonly status: OrderStatus;
  readonly comment?: string;
  /** The revision the actor saw, e.g. the one on the card they clicked. */
  readonly expectedRevision?: number;
}

/** A status change whose comment passed `checkStatusChange` (trimmed, blank dropped). */
export interface CheckedStatusChange {
  readonly status: OrderStatus;
  readonly comment?: string;
  readonly expectedRevision?: number;
}

/**
 * The comment rules, checkable before the order is read: "request changes"
 * needs a comment saying what to change, and no comment may exceed
 * `MAX_COMMENT_LENGTH`.
 */
export function checkStatusChange(
  input: StatusChangeInput,
): { readonly ok: true; readonly change: CheckedStatusChange } | { readonly ok: false; readonly errors: readonly FieldError[] } {
  const comment = input.comment?.trim() || undefined;
  if (input.status === 'changesRequested' && comment === undefined) return invalidComment('required');
  if (comment !== undefined && comment.length > MAX_COMMENT_LENGTH) return invalidComment('too_long');
  return {
    ok: true,
    change: {
      status: input.status,
      ...(comment !== undefined && { comment }),
      ...(input.expectedRevision !== undefined && { expectedRevision: input.expectedRevision }),
    },
  };
}

export type StatusChangeOutcome =
  | { readonly kind: 'changed'; readonly order: StoredOrder; readonly notice: CustomerNotice }
  | { readonly kind: 'invalidTransition'; readonly from: OrderStatus; readonly to: OrderStatus }
  /** The order moved on since the actor looked (another revision). */
  | { readonly kind: 'conflict'; readonly message: string }
  /** Completing waits until the tenant has accepted the Microsoft Customer Agreement. */
  | { readonly kind: 'customerAgreementMissing' };

/** A distributor's move, if the order is still the revision they saw and the transition is allowed. */
export function changeOrderStatus(
  order: StoredOrder,
  change: CheckedStatusChange,
  context: LifecycleContext,
): StatusChangeOutcome {
  if (change.expectedRevision !== undefined && change.expectedRevision !== order.revision) {
    return { kind: 'conflict', message: `order ${order.id} is at revision ${order.revision}, not ${change.expectedRevision}` };
  }
  if (!canChangeStatus(order.status, change.status)) {
    return { kind: 'invalidTransition', from: order.status, to: change.status };
  }
  if (change.status === 'completed' && context.customerAgreementAccepted !== true) return { kind: 'customerAgreementMissing' };
  const next: StoredOrder = {
    ...order,
    status: change.status,
    updatedAt: context.now.toISOString(),
    history: [...order.history, historyEntry(change.status, order.revision, context, change.comment)],
  };
  const notice: CustomerNotice = {
    tenantId: order.tenantId,
    orderId: order.id,
    revision: order.revision,
    step: order.history.length,
    status: change.status,
    ...(change.comment !== undefined && { comment: change.comment }),
  };
  return { kind: 'changed', order: next, notice };
}

function historyEntry(status: OrderStatus, revision: number, context: LifecycleContext, comment?: string): StatusChange {
  return {
    status,
    at: context.now.toISOString(),
    revision,
    ...(context.actor !== undefined && { by: context.actor.slice(0, MAX_ACTOR_LENGTH) }),
    ...(comment !== undefined && { comment }),
  };
}

function evidenceAfterResubmission(
  recorded: EvidenceAtSubmission | undefined,
  now: EvidenceAtSubmission | undefined,
): { readonly evidenceAtSubmission?: EvidenceAtSubmission } {
  // Unknown now (null) keeps an earlier level; null only when nothing was ever known.
  const level = now ?? recorded ?? now;
  return level === undefined ? {} : { evidenceAtSubmission: level };
}

function pendingDeliveries(order: StoredOrder, delivery: DeliveryPlan, now: Date): PendingDelivery[] {
  return delivery.channels.map((channel) => ({
    tenantId: order.tenantId,
    orderId: order.id,
    revision: order.revision,
    channel,
    createdAt: now,
    firstAttemptAt: delivery.firstAttemptAt,
  }));
}

function invalidComment(code: 'required' | 'too_long'): { readonly ok: false; readonly errors: readonly FieldError[] } {
  return { ok: false, errors: [{ field: 'comment', code, message: VALIDATION_MESSAGES[code] }] };
}
