import { odata } from '@azure/data-tables';
import type { TableClient, TableEntity, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import type { OrderStatus, OrderSubmission, StoredOrder } from '../../src/domain/order/order.js';
import { canChangeStatus } from '../../src/domain/order/status-transitions.js';
import {
  isDeliveryEntity,
  newDeliveryEntity,
  parseDeliveryEntity,
  summarizeDelivery,
} from './delivery-entity.js';
import type { DeliveryRecord, DeliverySummary } from './delivery-entity.js';
import {
  InvalidStatusTransitionError,
  OrderConflictError,
  OrderNotFoundError,
} from './order-errors.js';
import {
  ALL_ORDER_ROWS,
  ORDER_KIND,
  orderEntity,
  orderRowRange,
  parseOrderEntity,
  parseSubmissionEntity,
  submissionEntity,
  submissionRowKey,
} from './order-entity.js';
import { isOrderId, newOrderId } from './order-id.js';
import { storageStatusCode, toStorageError } from './storage-errors.js';
import { assertKeyPart } from './table-keys.js';

export const ORDERS_TABLE = 'orders';

/** An order as the API and cards show it: with where it has been delivered. */
export interface OrderWithDeliveries extends StoredOrder {
  readonly deliveries: readonly DeliverySummary[];
}

export interface StoreOrderOptions {
  /** Channel names; each gets a pending delivery record in the same transaction. */
  readonly channels: readonly string[];
  readonly now: Date;
  /** Display name of the customer admin, for the history. */
  readonly actor?: string;
}

export interface StoreOrderResult {
  readonly order: OrderWithDeliveries;
  /** False when the submission id was seen before: `order` is the earlier one. */
  readonly created: boolean;
  /**
   * The delivery records this call stored, with their ETags, for the outbox's
   * immediate attempt (`OutboxWorker.dispatch`); empty when nothing was stored.
   */
  readonly newDeliveries: readonly DeliveryRecord[];
}

export interface StatusChangeRequest {
  readonly status: OrderStatus;
  readonly by?: string;
  readonly comment?: string;
  readonly now: Date;
  /** The revision the caller looked at; a different stored revision is a conflict. */
  readonly expectedRevision?: number;
}

export interface OrderRepositoryOptions {
  /**
   * How long the process that stores an order owns its first delivery
   * attempt before sweeps may take over; at least the outbox lease.
   */
  readonly firstAttemptGraceMs?: number;
  /** The most orders `list` returns. */
  readonly listLimit?: number;
}

const ID_ATTEMPTS = 5;
const CONCURRENT_UPDATE_ATTEMPTS = 5;

interface LoadedOrder {
  readonly order: StoredOrder;
  readonly etag: string;
  readonly deliveries: readonly DeliveryRecord[];
}

/**
 * Orders in Azure Table Storage, one partition per tenant. Every write of a
 * submission is a single entity-group transaction (the order, its
 * idempotency row and one outbox record per channel), which is both the
 * atomicity guarantee and the whole storage cost of a submit.
 */
export class OrderRepository {
  private readonly firstAttemptGraceMs: number;
  private readonly listLimit: number;

  constructor(
    private readonly table: TableClient,
    options: OrderRepositoryOptions = {},
  ) {
    this.firstAttemptGraceMs = options.firstAttemptGraceMs ?? 60_000;
    this.listLimit = options.listLimit ?? 100;
  }

  /**
   * Stores a new order, or returns the existing one when `submission.submissionId`
   * was stored before for this tenant (also under concurrent repeats: the
   * idempotency row makes all but one transaction fail).
   */
  async create(tenantId: string, submission: OrderSubmission, options: StoreOrderOptions): Promise<StoreOrderResult> {
    assertKeyPart(tenantId, 'tenant id');
    assertKeyPart(submission.submissionId, 'submission id');
    const at = options.now.toISOString();

    for (let attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
      const order: StoredOrder = {
        ...submission,
        id: newOrderId(),
        tenantId,
        status: 'submitted',
        revision: 1,
        createdAt: at,
        updatedAt: at,
        history: [{ status: 'submitted', at, revision: 1, ...(options.actor !== undefined && { by: options.actor }) }],
      };
      const deliveries = this.newDeliveries(order, options);
      try {
        const response = await this.table.submitTransaction([
          ['create', orderEntity(order)],
          ['create', submissionEntity(tenantId, submission.submissionId, order.id, options.now)],
          ...deliveries.map((entity): TransactionAction => ['create', entity]),
        ]);
        const newDeliveries = withEtags(deliveries, response);
        return { order: withDeliveries(order, newDeliveries), created: true, newDeliveries };
      } catch (error) {
        if (storageStatusCode(error) !== 409) throw toStorageError(error, 'storing an order');
      }
      // 409: either the submission id is taken (a repeat) or, astronomically
      // rarely, the random order id is; only the first is worth a read.
      const existing = await this.findBySubmission(tenantId, submission.submissionId);
      if (existing) return { order: existing, created: false, newDeliveries: [] };
    }
    throw new Error(`no unique order id after ${ID_ATTEMPTS} attempts`);
  }

  async get(tenantId: string, orderId: string): Promise<OrderWithDeliveries | undefined> {
    const loaded = await this.load(tenantId, orderId);
    return loaded && withDeliveries(loaded.order, loaded.deliveries);
  }

  /** The tenant's orders, newest first, at most `listLimit`. */
  async list(tenantId: string): Promise<OrderWithDeliveries[]> {
    assertKeyPart(tenantId, 'tenant id');
    // Per-tenant volumes are small (a customer orders a few times a year), so
    // reading the partition's order rows and sorting here beats an index row.
    const rows = await this.query(
      odata`PartitionKey eq ${tenantId} and RowKey ge ${ALL_ORDER_ROWS.from} and RowKey le ${ALL_ORDER_ROWS.to}`,
      'listing orders',
    );
    const orders = new Map<string, { order?: StoredOrder; deliveries: DeliveryRecord[] }>();
    for (const row of rows) {
      if (row['kind'] === ORDER_KIND) {
        const { order } = parseOrderEntity(row);
        orders.set(order.id, { order, deliveries: orders.get(order.id)?.deliveries ?? [] });
      } else if (isDeliveryEntity(row)) {
        const delivery = parseDeliveryEntity(row);
        const entry = orders.get(delivery.orderId) ?? { deliveries: [] };
        entry.deliveries.push(delivery);
        orders.set(delivery.orderId, entry);
      }
    }
    return [...orders.values()]
      .flatMap(({ order, deliveries }) => (order ? [withDeliveries(order, deliveries)] : []))
      .sort((a, b) => compareDescending(a.createdAt, b.createdAt) || compareDescending(a.id, b.id))
      .slice(0, this.listLimit);
  }

  /** The tenant's newest order, e.g. to prefill the next order form. */
  async findLatest(tenantId: string): Promise<OrderWithDeliveries | undefined> {
    return (await this.list(tenantId))[0];
  }

  /**
   * Moves the order to `status` if the transition is allowed. The write is
   * conditional on the ETag read; on a concurrent change it re-reads and
   * re-checks, so two staff members cannot both "accept".
   */
  async changeStatus(tenantId: string, orderId: string, change: StatusChangeRequest): Promise<OrderWithDeliveries> {
    for (let attempt = 1; attempt <= CONCURRENT_UPDATE_ATTEMPTS; attempt++) {
      const loaded = await this.load(tenantId, orderId);
      if (!loaded) throw new OrderNotFoundError(tenantId, orderId);
      const { order, etag } = loaded;
      if (change.expectedRevision !== undefined && change.expectedRevision !== order.revision) {
        throw new OrderConflictError(
          `order ${orderId} is at revision ${order.revision}, not ${change.expectedRevision}`,
        );
      }
      if (!canChangeStatus(order.status, change.status)) {
        throw new InvalidStatusTransitionError(orderId, order.status, change.status);
      }
      const at = change.now.toISOString();
      const updated: StoredOrder = {
        ...order,
        status: change.status,
        updatedAt: at,
        history: [
          ...order.history,
          {
            status: change.status,
            at,
            revision: order.revision,
            ...(change.by !== undefined && { by: change.by }),
            ...(change.comment !== undefined && { comment: change.comment }),
          },
        ],
      };
      try {
        await this.table.updateEntity(orderEntity(updated), 'Replace', { etag });
        return withDeliveries(updated, loaded.deliveries);
      } catch (error) {
        if (storageStatusCode(error) !== 412) throw toStorageError(error, 'changing an order status');
      }
    }
    throw new OrderConflictError(`order ${orderId} kept changing concurrently`);
  }

  /**
   * Replaces the order's content after the distributor asked for changes:
   * same id, next revision, back to `submitted`, and pending delivery
   * records for the new revision, all in one transaction conditional on the
   * ETag. Repeating a resubmission (same submission id) returns the order as
   * stored with `created: false`.
   */
  async resubmit(
    tenantId: string,
    orderId: string,
    submission: OrderSubmission,
    options: StoreOrderOptions,
  ): Promise<StoreOrderResult> {
    assertKeyPart(submission.submissionId, 'submission id');
    for (let attempt = 1; attempt <= CONCURRENT_UPDATE_ATTEMPTS; attempt++) {
      const loaded = await this.load(tenantId, orderId);
      if (!loaded) throw new OrderNotFoundError(tenantId, orderId);
      const { order, etag } = loaded;
      if (order.submissionId === submission.submissionId) {
        return { order: withDeliveries(order, loaded.deliveries), created: false, newDeliveries: [] };
      }
      if (order.status !== 'changesRequested') {
        throw new InvalidStatusTransitionError(orderId, order.status, 'submitted');
      }
      const at = options.now.toISOString();
      const revision = order.revision + 1;
      const updated: StoredOrder = {
        ...submission,
        id: order.id,
        tenantId,
        status: 'submitted',
        revision,
        createdAt: order.createdAt,
        updatedAt: at,
        history: [
          ...order.history,
          { status: 'submitted', at, revision, ...(options.actor !== undefined && { by: options.actor }) },
        ],
      };
      const deliveries = this.newDeliveries(updated, options);
      try {
        const response = await this.table.submitTransaction([
          ['update', orderEntity(updated), 'Replace', { etag }],
          ['create', submissionEntity(tenantId, submission.submissionId, orderId, options.now)],
          ...deliveries.map((entity): TransactionAction => ['create', entity]),
        ]);
        const newDeliveries = withEtags(deliveries, response);
        return {
          order: withDeliveries(updated, [...loaded.deliveries, ...newDeliveries]),
          created: true,
          newDeliveries,
        };
      } catch (error) {
        const status = storageStatusCode(error);
        if (status === 409) {
          // The submission id is taken: by this order (a repeat that won a
          // race, or an earlier revision's id), or by another order.
          const owner = await this.submissionOwner(tenantId, submission.submissionId);
          if (owner !== orderId) {
            throw new OrderConflictError(`submission id ${submission.submissionId} belongs to order ${owner}`);
          }
          const current = await this.get(tenantId, orderId);
          if (!current) throw new OrderNotFoundError(tenantId, orderId);
          return { order: current, created: false, newDeliveries: [] };
        }
        if (status !== 412) throw toStorageError(error, 'resubmitting an order');
      }
      // Changed under us (412): re-read and re-check.
    }
    throw new OrderConflictError(`order ${orderId} kept changing concurrently`);
  }

  private newDeliveries(order: StoredOrder, options: StoreOrderOptions): TableEntity[] {
    const firstAttemptAt = new Date(options.now.getTime() + this.firstAttemptGraceMs);
    return options.channels.map((channel) =>
      newDeliveryEntity({
        tenantId: order.tenantId,
        orderId: order.id,
        revision: order.revision,
        channel,
        now: options.now,
        firstAttemptAt,
      }),
    );
  }

  private async findBySubmission(tenantId: string, submissionId: string): Promise<OrderWithDeliveries | undefined> {
    const orderId = await this.submissionOwner(tenantId, submissionId);
    if (orderId === undefined) return undefined;
    const order = await this.get(tenantId, orderId);
    // The idempotency row and the order are written in one transaction.
    if (!order) throw new Error(`submission ${submissionId} points at missing order ${orderId}`);
    return order;
  }

  private async submissionOwner(tenantId: string, submissionId: string): Promise<string | undefined> {
    try {
      const entity = await this.table.getEntity(tenantId, submissionRowKey(submissionId));
      return parseSubmissionEntity(entity);
    } catch (error) {
      if (storageStatusCode(error) === 404) return undefined;
      throw toStorageError(error, 'reading a submission');
    }
  }

  /** The order row and its delivery rows, in one range query. */
  private async load(tenantId: string, orderId: string): Promise<LoadedOrder | undefined> {
    assertKeyPart(tenantId, 'tenant id');
    if (!isOrderId(orderId)) return undefined;
    const range = orderRowRange(orderId);
    const rows = await this.query(
      odata`PartitionKey eq ${tenantId} and RowKey ge ${range.from} and RowKey le ${range.to}`,
      'reading an order',
    );
    let orderRow: ReturnType<typeof parseOrderEntity> | undefined;
    const deliveries: DeliveryRecord[] = [];
    for (const row of rows) {
      if (row['kind'] === ORDER_KIND) orderRow = parseOrderEntity(row);
      else if (isDeliveryEntity(row)) deliveries.push(parseDeliveryEntity(row));
    }
    return orderRow && { ...orderRow, deliveries };
  }

  private async query(filter: string, operation: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    try {
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) rows.push(row);
    } catch (error) {
      throw toStorageError(error, operation);
    }
    return rows;
  }
}

function compareDescending(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function withDeliveries(order: StoredOrder, deliveries: readonly DeliveryRecord[]): OrderWithDeliveries {
  return { ...order, deliveries: deliveries.map(summarizeDelivery) };
}

/** Pairs the delivery rows just created with the ETags the transaction answered. */
function withEtags(entities: readonly TableEntity[], response: TableTransactionResponse): DeliveryRecord[] {
  const etags = new Map(
    response.subResponses.map((sub) => [sub.rowKey === undefined ? '' : decodeURIComponent(sub.rowKey), sub.etag]),
  );
  return entities.map((entity) => {
    const etag = etags.get(entity.rowKey);
    if (etag === undefined) throw new Error(`transaction answered no ETag for ${entity.rowKey}`);
    return parseDeliveryEntity({ ...entity, etag });
  });
}
