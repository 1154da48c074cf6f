import type { TableClient } from '@azure/data-tables';
import { changeOrderStatus, resubmitOrder, submitOrder } from '../../../src/domain/order/order-lifecycle.js';
import type { DeliveryPlan, LifecycleContext } from '../../../src/domain/order/order-lifecycle.js';
import type { OrderStatus, OrderSubmission } from '../../../src/domain/order/order.js';
import { newOrderId } from '../../../bot/storage/order-id.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import type { LoadedOrder, OrderRepositoryOptions, OrderWithDeliveries, WrittenOrder } from '../../../bot/storage/order-repository.js';

interface StoreOptions {
  readonly channels: readonly string[];
  readonly now: Date;
  readonly actor?: string;
}

/**
 * The repository plus verbs that put orders into a given state the way
 * OrderService does (lifecycle step, then write), minus input validation and
 * retries: for tests that need stored orders, not the order path itself.
 */
export class StoredOrders extends OrderRepository {
  private readonly firstAttemptGraceMs: number;

  constructor(table: TableClient, options: OrderRepositoryOptions & { readonly firstAttemptGraceMs?: number } = {}) {
    super(table, options);
    this.firstAttemptGraceMs = options.firstAttemptGraceMs ?? 60_000;
  }

  async create(tenantId: string, submission: OrderSubmission, options: StoreOptions): Promise<WrittenOrder> {
    const next = submitOrder({ tenantId, id: newOrderId(), submission, delivery: this.plan(options) }, context(options));
    const stored = await this.insert(next.order, next.deliveries);
    if (stored.kind !== 'stored') throw new Error(`expected a stored order, got ${stored.kind}`);
    return stored;
  }

  async changeStatus(
    tenantId: string,
    orderId: string,
    change: { readonly status: OrderStatus; readonly comment?: string; readonly by?: string; readonly now: Date },
  ): Promise<OrderWithDeliveries> {
    const loaded = await this.loaded(tenantId, orderId);
    const next = changeOrderStatus(
      loaded.order,
      { status: change.status, ...(change.comment !== undefined && { comment: change.comment }) },
      { now: change.now, customerAgreementAccepted: true, ...(change.by !== undefined && { actor: change.by }) },
    );
    if (next.kind !== 'changed') throw new Error(`expected a status change, got ${next.kind}`);
    return (await this.written(this.replace(loaded, next.order))).order;
  }

  async resubmit(tenantId: string, orderId: string, submission: OrderSubmission, options: StoreOptions): Promise<WrittenOrder> {
    const loaded = await this.loaded(tenantId, orderId);
    const next = resubmitOrder(loaded.order, submission, this.plan(options), context(options), { catalog: [] });
    if (next.kind !== 'resubmitted') throw new Error(`expected a resubmission, got ${next.kind}`);
    return this.written(this.replace(loaded, next.order, next.deliveries));
  }

  private async loaded(tenantId: string, orderId: string): Promise<LoadedOrder> {
    const loaded = await this.load(tenantId, orderId);
    if (!loaded) throw new Error(`no order ${orderId} in tenant ${tenantId}`);
    return loaded;
  }

  private async written(write: ReturnType<OrderRepository['replace']>): Promise<WrittenOrder> {
    const stored = await write;
    if (stored.kind !== 'stored') throw new Error(`expected the order written, got ${stored.kind}`);
    return stored;
  }

  private plan(options: StoreOptions): DeliveryPlan {
    return { channels: options.channels, firstAttemptAt: new Date(options.now.getTime() + this.firstAttemptGraceMs) };
  }
}

function context(options: StoreOptions): LifecycleContext {
  return { now: options.now, ...(options.actor !== undefined && { actor: options.actor }) };
}
