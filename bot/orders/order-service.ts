import { todayInTimeZone } from '../../src/domain/calendar.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import type { FieldError, OrderStatus, StoredOrder } from '../../src/domain/order/order.js';
import { validateOrder } from '../../src/domain/order/order-validation.js';
import { VALIDATION_MESSAGES } from '../../src/domain/order/validation-messages.js';
import type { DeliveryChannelName } from '../delivery/delivery-channel.js';
import type { DeliveryRecord } from '../storage/delivery-entity.js';
import {
  InvalidStatusTransitionError,
  OrderConflictError,
  OrderNotFoundError,
  OrderTooLargeError,
} from '../storage/order-errors.js';
import type { OrderRepository, OrderWithDeliveries } from '../storage/order-repository.js';


export interface OrderServiceDependencies {
  readonly repository: OrderRepository;
  readonly catalog: Catalog;
  /** The distributor's IANA time zone: "today" for activation dates is theirs. */
  readonly timeZone: string;
  /** The configured delivery channels; each new revision gets one outbox record per channel. */
  readonly channels: readonly DeliveryChannelName[];
  /** Takes the records a commit stored for an immediate attempt (OutboxWorker). */
  readonly outbox: { dispatch(order: StoredOrder, records: readonly DeliveryRecord[]): void };
}

export interface CallContext {
  readonly now: Date;
  /** Display name of the person acting, for the history. */
  readonly actor?: string;
}

export type SubmitResult =
  | { readonly kind: 'created'; readonly order: OrderWithDeliveries }
  | { readonly kind: 'existing'; readonly order: OrderWithDeliveries }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] };

export type ResubmitResult =
  | { readonly kind: 'resubmitted'; readonly order: OrderWithDeliveries }
  /** The same resubmission (submission id) was stored before. */
  | { readonly kind: 'existing'; readonly order: OrderWithDeliveries }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] }
  | NotChanged;

export type StatusChangeResult =
  | { readonly kind: 'changed'; readonly order: OrderWithDeliveries }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] }
  | NotChanged;

/** Why an existing order was left as it is. */
export type NotChanged =
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalidTransition'; readonly from: OrderStatus; readonly to: OrderStatus }
  /** The order moved on since the caller looked (e.g. a stale card); show it afresh. */
  | { readonly kind: 'conflict'; readonly message: string };

export interface StatusChangeInput {
  readonly status: OrderStatus;
  readonly comment?: string;
  /** The revision the actor saw, e.g. the one on the card they clicked. */
  readonly expectedRevision?: number;
}

export const MAX_COMMENT_LENGTH = 1_000;
const MAX_ACTOR_LENGTH = 200;

/**
 * The single path for orders, shared by `POST /api/orders`, the bot's order
 * card and the distributor's card actions: validate, store in one
 * transaction, hand the new delivery records to the outbox. Storage outages
 * surface as `StorageUnavailableError` (answer 503 / "try again").
 */
export class OrderService {
  constructor(private readonly deps: OrderServiceDependencies) {
    // An unknown zone is a configuration error: fail at start, not per order.
    todayInTimeZone(new Date(), deps.timeZone);
  }

  async submit(tenantId: string, input: unknown, context: CallContext): Promise<SubmitResult> {
    const validation = this.validate(input, context.now);
    if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
    let stored;
    try {
      stored = await this.deps.repository.create(tenantId, validation.order, this.storeOptions(context));
    } catch (error) {
      const tooLarge = asTooLarge(error);
      if (tooLarge) return tooLarge;
      throw error;
    }
    if (!stored.created) return { kind: 'existing', order: stored.order };
    this.deps.outbox.dispatch(stored.order, stored.newDeliveries);
    return { kind: 'created', order: stored.order };
  }

  /** A new revision after the distributor asked for changes (same validation as `submit`). */
  async resubmit(tenantId: string, orderId: string, input: unknown, context: CallContext): Promise<ResubmitResult> {
    const validation = this.validate(input, context.now);
    if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
    try {
      const stored = await this.deps.repository.resubmit(tenantId, orderId, validation.order, this.storeOptions(context));
      if (!stored.created) return { kind: 'existing', order: stored.order };
      this.deps.outbox.dispatch(stored.order, stored.newDeliveries);
      return { kind: 'resubmitted', order: stored.order };
    } catch (error) {
      const outcome = asNotChanged(error) ?? asTooLarge(error);
      if (outcome) return outcome;
      throw error;
    }
  }

  get(tenantId: string, orderId: string): Promise<OrderWithDeliveries | undefined> {
    return this.deps.repository.get(tenantId, orderId);
  }

  /** The tenant's orders, newest first. */
  list(tenantId: string): Promise<OrderWithDeliveries[]> {
    return this.deps.repository.list(tenantId);
  }

  /** The newest order, to prefill the next form. */
  findLatest(tenantId: string): Promise<OrderWithDeliveries | undefined> {
    return this.deps.repository.findLatest(tenantId);
  }

  /**
   * A distributor action. The caller tells the customer about the change;
   * "request changes" needs a comment saying what to change.
   */
  async changeStatus(
    tenantId: string,
    orderId: string,
    change: StatusChangeInput,
    context: CallContext,
  ): Promise<StatusChangeResult> {
    const comment = change.comment?.trim() || undefined;
    if (change.status === 'changesRequested' && comment === undefined) {
      return invalidComment('required');
    }
    if (comment !== undefined && comment.length > MAX_COMMENT_LENGTH) return invalidComment('too_long');
    try {
      const order = await this.deps.repository.changeStatus(tenantId, orderId, {
        status: change.status,
        now: context.now,
        ...(comment !== undefined && { comment }),
        ...(context.actor !== undefined && { by: context.actor.slice(0, MAX_ACTOR_LENGTH) }),
        ...(change.expectedRevision !== undefined && { expectedRevision: change.expectedRevision }),
      });
      return { kind: 'changed', order };
    } catch (error) {
      const outcome = asNotChanged(error) ?? asTooLarge(error);
      if (outcome) return outcome;
      throw error;
    }
  }

  private validate(input: unknown, now: Date) {
    return validateOrder(input, { catalog: this.deps.catalog, today: todayInTimeZone(now, this.deps.timeZone) });
  }

  private storeOptions(context: CallContext) {
    return {
      channels: this.deps.channels,
      now: context.now,
      ...(context.actor !== undefined && { actor: context.actor.slice(0, MAX_ACTOR_LENGTH) }),
    };
  }
}

function asNotChanged(error: unknown): NotChanged | undefined {
  if (error instanceof OrderNotFoundError) return { kind: 'notFound' };
  if (error instanceof InvalidStatusTransitionError) {
    return { kind: 'invalidTransition', from: error.from, to: error.to };
  }
  if (error instanceof OrderConflictError) return { kind: 'conflict', message: error.message };
  return undefined;
}

function asTooLarge(error: unknown): { readonly kind: 'invalid'; readonly errors: readonly FieldError[] } | undefined {
  if (!(error instanceof OrderTooLargeError)) return undefined;
  return { kind: 'invalid', errors: [{ field: '', code: 'too_long', message: VALIDATION_MESSAGES.too_long }] };
}

function invalidComment(code: 'required' | 'too_long'): StatusChangeResult {
  return { kind: 'invalid', errors: [{ field: 'comment', code, message: VALIDATION_MESSAGES[code] }] };
}
