import { todayInTimeZone } from '../../src/domain/calendar.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import { customerNoticeDelivery } from '../../src/domain/order/order-events.js';
import type { CustomerNotice, OrderSubmitter } from '../../src/domain/order/order-events.js';
import { changeOrderStatus, checkStatusChange, resubmitOrder, submitOrder } from '../../src/domain/order/order-lifecycle.js';
import type { DeliveryPlan, EvidenceAtSubmission, StatusChangeInput } from '../../src/domain/order/order-lifecycle.js';
import type { FieldError, OrderStatus, OrderSubmission, StoredOrder } from '../../src/domain/order/order.js';
import { validateOrder } from '../../src/domain/order/order-validation.js';
import { VALIDATION_MESSAGES } from '../../src/domain/order/validation-messages.js';
import type { CustomerAgreementLookup } from '../customer-agreement/customer-agreement-lookup.js';
import type { DeliveryChannelName } from '../delivery/delivery-channel.js';
import type { DeliveryRecord } from '../storage/delivery-entity.js';
import { OrderTooLargeError } from '../storage/order-errors.js';
import { newOrderId } from '../storage/order-id.js';
import type { SubmissionRateLimiter } from './submission-rate-limiter.js';
import type { Busy, OrderWriteAdmission } from './order-write-admission.js';
import { shownOrder } from '../storage/order-repository.js';
import type { LoadedOrder, OrderRepository, OrderWithDeliveries } from '../storage/order-repository.js';

export interface OrderServiceDependencies {
  readonly repository: OrderRepository;
  readonly catalog: Catalog;
  /** The distributor's IANA time zone: "today" for activation dates is theirs. */
  readonly timeZone: string;
  /** The configured delivery channels; each new revision gets one outbox record per channel. */
  readonly channels: readonly DeliveryChannelName[];
  /** Takes the records a commit stored for an immediate attempt (OutboxWorker). */
  readonly outbox: { dispatch(order: StoredOrder, records: readonly DeliveryRecord[]): void };
  /**
   * How long the process that stores an order owns its first delivery
   * attempt before sweeps may take over; at least the outbox lease (default 60 s).
   */
  readonly firstAttemptGraceMs?: number;
  /** Submissions per tenant and minute, shared by the API and the bot (one instance in bot/app.ts). */
  readonly rateLimiter?: SubmissionRateLimiter;
  /** The most order writes this process runs at once (`ORDER_SUBMISSIONS_IN_FLIGHT_MAX`); absent: no cap. */
  readonly writeAdmission?: OrderWriteAdmission;
  /** The most orders a tenant may have not yet completed; 0 or absent: no cap. */
  readonly openOrdersMax?: number;
  /**
   * The relationship evidence level already read for this user of the tenant
   * (the tab's or the sign-in's facts), recorded on the order; null when none
   * was read. Synchronous and local: a submission never waits for Graph.
   */
  readonly evidenceAtSubmission?: (tenantId: string, userId: string | undefined) => EvidenceAtSubmission;
  /** Each tenant's MCA acceptance: completing an order needs one (CustomerAgreementStore). */
  readonly customerAgreements: CustomerAgreementLookup;
}


export interface CallContext {
  readonly now: Date;
  /** Display name of the person acting, for the history. */
  readonly actor?: string;
  /** Who submits (submit, resubmit), so status notices reach them first. */
  readonly submitter?: OrderSubmitter;
}

/** The tenant sent too many submissions this minute; nothing was read or stored. */
export type RateLimited = { readonly kind: 'rateLimited'; readonly retryAt: Date };

export type SubmitResult =
  | { readonly kind: 'created'; readonly order: OrderWithDeliveries }
  | { readonly kind: 'existing'; readonly order: OrderWithDeliveries }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] }
  | RateLimited
  | Busy
  /** The tenant has `limit` orders not yet completed; a new one waits until one is. */
  | { readonly kind: 'tooManyOpenOrders'; readonly limit: number };

export type ResubmitResult =
  | { readonly kind: 'resubmitted'; readonly order: OrderWithDeliveries }
  /** The same resubmission (submission id) was stored before. */
  | { readonly kind: 'existing'; readonly order: OrderWithDeliveries }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] }
  | RateLimited
  | Busy
  | NotChanged;

export type StatusChangeResult =
  /** `notice`: what the customer is told (its outbox record was stored with the change). */
  | { readonly kind: 'changed'; readonly order: OrderWithDeliveries; readonly notice: CustomerNotice }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] }
  /** The tenant has not accepted the Microsoft Customer Agreement: the order cannot be completed yet (API: 422). */
  | { readonly kind: 'customerAgreementMissing' }
  | Busy
  | NotChanged;

/** Why an existing order was left as it is. */
export type NotChanged =
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalidTransition'; readonly from: OrderStatus; readonly to: OrderStatus }
  /** The order moved on since the caller looked (e.g. a stale card); show it afresh. */
  | { readonly kind: 'conflict'; readonly message: string };

const ID_ATTEMPTS = 5;
const CONCURRENT_UPDATE_ATTEMPTS = 5;

/**
 * The single path for orders, shared by `POST /api/orders`, the bot's order
 * card and the distributor's card actions: validate, let the order lifecycle
 * (src/domain/order/order-lifecycle.ts) decide, store in one transaction,
 * hand the new delivery records to the outbox. Storage outages surface as
 * `StorageUnavailableError` (answer 503 / "try again"); a write past this
 * process's cap answers `busy` before anything is read (same answer).
 */
export class OrderService {
  constructor(private readonly deps: OrderServiceDependencies) {
    // An unknown zone is a configuration error: fail at start, not per order.
    todayInTimeZone(new Date(), deps.timeZone);
  }

  submit(tenantId: string, input: unknown, context: CallContext): Promise<SubmitResult> {
    return this.inWriteSlot(() => this.submitNow(tenantId, input, context));
  }

  private async submitNow(tenantId: string, input: unknown, context: CallContext): Promise<SubmitResult> {
    // Counted before validation: invalid submissions cost too.
    const admission = this.admit(tenantId, context.now);
    if (admission) return admission;
    const validation = this.validate(input, context.now);
    if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
    const cap = this.deps.openOrdersMax ?? 0;
    if (cap > 0 && (await this.deps.repository.countOpen(tenantId, cap)) >= cap) {
      // A repeat of an order already stored still gets that order, whatever the count.
      const earlier = await this.deps.repository.findBySubmission(tenantId, validation.order.submissionId);
      return earlier ? { kind: 'existing', order: earlier } : { kind: 'tooManyOpenOrders', limit: cap };
    }
    for (let attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
      const next = submitOrder(
        {
          tenantId,
          id: newOrderId(),
          submission: validation.order,
          delivery: this.deliveryPlan(context.now),
          evidence: this.evidence(tenantId, context),
        },
        context,
      );
      const stored = await this.tooLargeAsInvalid(() => this.deps.repository.insert(next.order, next.deliveries, context.submitter));
      if (stored.kind === 'invalid') return stored;
      if (stored.kind === 'duplicate') return { kind: 'existing', order: stored.order };
      if (stored.kind === 'stored') {
        this.deps.outbox.dispatch(stored.order, stored.newDeliveries);
        return { kind: 'created', order: stored.order };
      }
    }
    throw new Error(`no unique order id after ${ID_ATTEMPTS} attempts`);
  }

  /** A new revision after the distributor asked for changes (same validation as `submit`). */
  resubmit(tenantId: string, orderId: string, input: unknown, context: CallContext): Promise<ResubmitResult> {
    return this.inWriteSlot(() => this.resubmitNow(tenantId, orderId, input, context));
  }

  private async resubmitNow(tenantId: string, orderId: string, input: unknown, context: CallContext): Promise<ResubmitResult> {
    const admission = this.admit(tenantId, context.now);
    if (admission) return admission;
    const validation = this.validate(input, context.now);
    if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
    const submission: OrderSubmission = validation.order;
    return this.update(tenantId, orderId, async (loaded) => {
      const next = resubmitOrder(loaded.order, submission, this.deliveryPlan(context.now), context, {
        catalog: this.deps.catalog,
        evidence: this.evidence(tenantId, context),
      });
      if (next.kind === 'repeated') return { kind: 'existing', order: shownOrder(loaded) };
      if (next.kind === 'invalidTransition') return next;
      const stored = await this.tooLargeAsInvalid(() =>
        this.deps.repository.replace(loaded, next.order, next.deliveries, context.submitter ?? loaded.submitter),
      );
      if (stored.kind === 'stale' || stored.kind === 'invalid') return stored;
      if (stored.kind === 'submissionTaken') {
        // Taken by this order (a repeat that won a race) or by another order.
        if (stored.owner !== orderId) {
          return { kind: 'conflict', message: `submission id ${submission.submissionId} belongs to order ${stored.owner}` };
        }
        const current = await this.deps.repository.get(tenantId, orderId);
        return current ? { kind: 'existing', order: current } : { kind: 'notFound' };
      }
      this.deps.outbox.dispatch(stored.order, stored.newDeliveries);
      return { kind: 'resubmitted', order: stored.order };
    });
  }

  get(tenantId: string, orderId: string): Promise<OrderWithDeliveries | undefined> {
    return this.deps.repository.get(tenantId, orderId);
  }

  /** The tenant's newest orders, newest first: at most `limit` (the repository's page by default). */
  list(tenantId: string, limit?: number): Promise<OrderWithDeliveries[]> {
    return this.deps.repository.list(tenantId, limit);
  }

  /** The newest order, to prefill the next form. */
  findLatest(tenantId: string): Promise<OrderWithDeliveries | undefined> {
    return this.deps.repository.findLatest(tenantId);
  }

  /**
   * A distributor action; "request changes" needs a comment saying what to
   * change. The customer's notice is an outbox record stored in the same
   * transaction as the new status, so the change is never stored without
   * it; the outbox delivers it (bot/delivery/customer-notice-channel.ts).
   */
  changeStatus(tenantId: string, orderId: string, change: StatusChangeInput, context: CallContext): Promise<StatusChangeResult> {
    return this.inWriteSlot(() => this.changeStatusNow(tenantId, orderId, change, context));
  }

  private async changeStatusNow(
    tenantId: string,
    orderId: string,
    change: StatusChangeInput,
    context: CallContext,
  ): Promise<StatusChangeResult> {
    const checked = checkStatusChange(change);
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
    // Read once, before the order: only completing needs it, and an acceptance is never withdrawn.
    const customerAgreementAccepted =
      checked.change.status === 'completed' ? (await this.deps.customerAgreements.get(tenantId)) !== undefined : undefined;
    return this.update(tenantId, orderId, async (loaded) => {
      const next = changeOrderStatus(loaded.order, checked.change, { ...context, customerAgreementAccepted });
      if (next.kind !== 'changed') return next;
      const notice = customerNoticeDelivery(next.notice, {
        createdAt: context.now,
        firstAttemptAt: this.deliveryPlan(context.now).firstAttemptAt,
        ...(loaded.submitter !== undefined && { submitter: loaded.submitter }),
      });
      const stored = await this.tooLargeAsInvalid(() => this.deps.repository.replace(loaded, next.order, [notice]));
      if (stored.kind === 'stale' || stored.kind === 'invalid') return stored;
      if (stored.kind === 'submissionTaken') throw new Error('a status change never stores a submission');
      this.deps.outbox.dispatch(next.order, stored.newDeliveries);
      return { kind: 'changed', order: stored.order, notice: next.notice };
    });
  }

  /**
   * Read, decide, write conditionally on the ETag; when the order changed
   * in between (`stale`), read again and decide afresh, so two staff
   * members cannot both "accept".
   */
  private async update<T>(
    tenantId: string,
    orderId: string,
    step: (loaded: LoadedOrder) => Promise<T | { readonly kind: 'stale' }>,
  ): Promise<T | NotChanged> {
    for (let attempt = 1; attempt <= CONCURRENT_UPDATE_ATTEMPTS; attempt++) {
      const loaded = await this.deps.repository.load(tenantId, orderId);
      if (!loaded) return { kind: 'notFound' };
      const outcome = await step(loaded);
      if (!isStale(outcome)) return outcome;
    }
    return { kind: 'conflict', message: `order ${orderId} kept changing concurrently` };
  }

  /** Every write runs in one of this process's slots; at the cap it is refused before anything is read (README, "More than one instance"). */
  private inWriteSlot<T>(write: () => Promise<T>): Promise<T | Busy> {
    return this.deps.writeAdmission === undefined ? write() : this.deps.writeAdmission.run(write);
  }

  private admit(tenantId: string, now: Date): RateLimited | undefined {
    const admission = this.deps.rateLimiter?.admit(tenantId, now);
    return admission === undefined || admission.admitted ? undefined : { kind: 'rateLimited', retryAt: admission.retryAt };
  }

  /** Evidence is a note on the order: a failure to read it records "unknown" and never fails the submission. */
  private evidence(tenantId: string, context: CallContext): EvidenceAtSubmission | undefined {
    const read = this.deps.evidenceAtSubmission;
    if (read === undefined) return undefined;
    try {
      return read(tenantId, context.submitter?.userId);
    } catch {
      return null;
    }
  }

  private deliveryPlan(now: Date): DeliveryPlan {
    return { channels: this.deps.channels, firstAttemptAt: new Date(now.getTime() + (this.deps.firstAttemptGraceMs ?? 60_000)) };
  }

  /** An order too large for a storage row is the customer's input to shorten, not a failure. */
  private async tooLargeAsInvalid<T>(write: () => Promise<T>): Promise<T | InvalidResult> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof OrderTooLargeError)) throw error;
      return { kind: 'invalid', errors: [{ field: '', code: 'too_long', message: VALIDATION_MESSAGES.too_long }] };
    }
  }

  private validate(input: unknown, now: Date) {
    return validateOrder(input, { catalog: this.deps.catalog, today: todayInTimeZone(now, this.deps.timeZone) });
  }
}

type InvalidResult = { readonly kind: 'invalid'; readonly errors: readonly FieldError[] };

function isStale(outcome: unknown): outcome is { readonly kind: 'stale' } {
  return typeof outcome === 'object' && outcome !== null && (outcome as { kind?: unknown }).kind === 'stale';
}
