import { odata } from '@azure/data-tables';
import { LRUCache } from 'lru-cache';
import type { TableClient, TableEntity, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import type { OrderSubmitter, PendingDelivery } from '../../src/domain/order/order-events.js';
import { journeyOrderOf } from '../../src/domain/journey/journey.js';
import type { JourneyOrder } from '../../src/domain/journey/journey.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import { isOpenStatus } from '../../src/domain/order/status-transitions.js';
import { changedByStaff } from '../../src/domain/distributor/order-summary.js';
import {
  isDeliveryEntity,
  isDistributorDelivery,
  newDeliveryEntity,
  parseDeliveryEntity,
  summarizeDelivery,
} from './delivery-entity.js';
import type { DeliveryRecord, DeliverySummary } from './delivery-entity.js';
import {
  ALL_ORDER_ROWS,
  INDEX_MARKER_ROW_KEY,
  indexedOrderId,
  OPEN_ROWS,
  openEntity,
  openRowKey,
  ORDER_KIND,
  orderEntity,
  orderRowRange,
  parseOrderEntity,
  parseRecentEntity,
  parseSubmissionEntity,
  RECENT_ROWS,
  recentEntity,
  submissionEntity,
  submissionRowKey,
} from './order-entity.js';
import { isOrderId } from './order-id.js';
import { BoardIndex } from './board-index.js';
import { OutboxDueIndex, dueEntriesOf } from './outbox-due-index.js';
import { storageStatusCode, toStorageError } from './storage-errors.js';
import { assertKeyPart } from './table-keys.js';

export const ORDERS_TABLE = 'orders';

/** An order as the API and cards show it: with where it has been delivered. */
export interface OrderWithDeliveries extends StoredOrder {
  readonly deliveries: readonly DeliverySummary[];
}

/** An order as read, with the ETag a conditional write needs. */
export interface LoadedOrder {
  readonly order: StoredOrder;
  readonly etag: string;
  /** Who submitted the current revision, when known (orders stored before it was recorded have none). */
  readonly submitter?: OrderSubmitter;
  /** Every outbox record of the order: its deliveries and its customer notices. */
  readonly deliveries: readonly DeliveryRecord[];
}

/** What a write stored: the order as shown, and the new delivery records with their ETags for the outbox. */
export interface WrittenOrder {
  readonly order: OrderWithDeliveries;
  /** For the outbox's immediate attempt (`OutboxWorker.dispatch`). */
  readonly newDeliveries: readonly DeliveryRecord[];
}

export type InsertOutcome =
  | ({ readonly kind: 'stored' } & WrittenOrder)
  /** The submission id was stored before for this tenant: `order` is the earlier order. */
  | { readonly kind: 'duplicate'; readonly order: OrderWithDeliveries }
  /** The (random) order id is taken; astronomically rare, try another. */
  | { readonly kind: 'idTaken' };

export type ReplaceOutcome =
  | ({ readonly kind: 'stored' } & WrittenOrder)
  /** The row changed since it was read (ETag): read it again and re-decide. */
  | { readonly kind: 'stale' }
  /** A new revision's submission id is already stored, pointing at `owner`. */
  | { readonly kind: 'submissionTaken'; readonly owner: string | undefined };

export interface OrderRepositoryOptions {
  /** The most orders `list` returns. */
  readonly listLimit?: number;
}

/** Tenants known to be indexed, remembered per process; bounded for many tenants. */
const INDEXED_TENANTS_REMEMBERED = 10_000;
/** An entity-group transaction holds at most 100 entities. */
const TRANSACTION_MAX_ENTITIES = 100;

/**
 * Orders in Azure Table Storage, one partition per tenant. It reads, and
 * writes what the order lifecycle (src/domain/order/order-lifecycle.ts)
 * decided: every write of a submission is a single entity-group transaction
 * (the order, its idempotency row and one outbox record per channel), which
 * is the atomicity guarantee; the outbox's due rows go just before it, in
 * one more request (bot/storage/outbox-due-index.ts), and so does the
 * board's index row, `pending` until the write is confirmed
 * (bot/storage/board-index.ts).
 * Every other write is conditional on the ETag read.
 */
export class OrderRepository {
  private readonly listLimit: number;
  private readonly indexed = new LRUCache<string, Promise<void>>({ max: INDEXED_TENANTS_REMEMBERED });
  private readonly dueIndex: OutboxDueIndex;
  private readonly board: BoardIndex;

  constructor(
    private readonly table: TableClient,
    options: OrderRepositoryOptions = {},
  ) {
    this.listLimit = options.listLimit ?? 100;
    this.dueIndex = new OutboxDueIndex(table);
    this.board = new BoardIndex(table);
  }

  /**
   * Stores a new order with its idempotency row and pending deliveries in one
   * transaction. Concurrent repeats of a submission id: all but one
   * transaction fail, and those answer `duplicate` with the stored order.
   */
  async insert(order: StoredOrder, deliveries: readonly PendingDelivery[], submitter?: OrderSubmitter): Promise<InsertOutcome> {
    assertKeyPart(order.tenantId, 'tenant id');
    assertKeyPart(order.submissionId, 'submission id');
    const entities = deliveries.map(newDeliveryEntity);
    // Before the records: the outbox's sweeps find them by their due rows (docs/architecture.md, "The outbox"),
    // and the board's row is pending until the order is stored (bot/storage/board-index.ts).
    const [, boardEtag] = await Promise.all([this.dueIndex.scheduleFirstAttempts(dueEntriesOf(deliveries)), this.board.prepare(order)]);
    try {
      const response = await this.table.submitTransaction([
        ['create', orderEntity(order, submitter)],
        ['create', submissionEntity(order.tenantId, order.submissionId, order.id, new Date(order.createdAt))],
        ['create', recentEntity(order)],
        ...(isOpenStatus(order.status) ? [['create', openEntity(order)] as TransactionAction] : []),
        ...entities.map((entity): TransactionAction => ['create', entity]),
      ]);
      const newDeliveries = withEtags(entities, response);
      await this.board.confirm(order, boardEtag);
      return { kind: 'stored', order: withDeliveries(order, newDeliveries), newDeliveries };
    } catch (error) {
      if (storageStatusCode(error) !== 409) throw toStorageError(error, 'storing an order');
    }
    await this.board.forget(order);
    // 409: either the submission id is taken (a repeat) or, astronomically
    // rarely, the random order id is; only the first is worth a read.
    const existing = await this.findBySubmission(order.tenantId, order.submissionId);
    return existing ? { kind: 'duplicate', order: existing } : { kind: 'idTaken' };
  }

  async get(tenantId: string, orderId: string): Promise<OrderWithDeliveries | undefined> {
    const loaded = await this.load(tenantId, orderId);
    return loaded && shownOrder(loaded);
  }

  /**
   * The tenant's orders, newest first, at most `limit` (default `listLimit`):
   * reads `limit` index rows and then only those orders, so the cost does
   * not grow with the tenant's history.
   */
  async list(tenantId: string, limit = this.listLimit): Promise<OrderWithDeliveries[]> {
    const rows = await this.recentRows(tenantId, limit);
    const orders = await Promise.all(rows.map((row) => this.get(tenantId, indexedOrderId(row))));
    return orders.filter((order): order is OrderWithDeliveries => order !== undefined);
  }

  /**
   * What the customer's journey reads of the tenant's newest orders, newest
   * first, at most `limit`: one query of the index rows, which carry it.
   * Rows written before they did cost one read of their order each.
   */
  async recentJourneyOrders(tenantId: string, limit: number): Promise<JourneyOrder[]> {
    const rows = await this.recentRows(tenantId, limit);
    const orders = await Promise.all(
      rows.map(async (row) => {
        const { orderId, journey } = parseRecentEntity(row);
        if (journey !== undefined) return journey;
        const order = await this.get(tenantId, orderId);
        return order && journeyOrderOf(order);
      }),
    );
    return orders.filter((order): order is JourneyOrder => order !== undefined);
  }

  /** The tenant's newest order, e.g. to prefill the next order form. */
  async findLatest(tenantId: string): Promise<OrderWithDeliveries | undefined> {
    return (await this.list(tenantId, 1))[0];
  }

  /** How many of the tenant's orders are not completed, counted up to `atMost` (reads at most that many rows). */
  async countOpen(tenantId: string, atMost: number): Promise<number> {
    assertKeyPart(tenantId, 'tenant id');
    await this.ensureIndexed(tenantId);
    const rows = await this.firstPage(
      odata`PartitionKey eq ${tenantId} and RowKey ge ${OPEN_ROWS.from} and RowKey le ${OPEN_ROWS.to}`,
      atMost,
      'counting open orders',
      ['RowKey'],
    );
    return rows.length;
  }

  /** The order a submission id was stored for, if any. */
  async findBySubmission(tenantId: string, submissionId: string): Promise<OrderWithDeliveries | undefined> {
    assertKeyPart(tenantId, 'tenant id');
    if (!isKeySafe(submissionId)) return undefined;
    const orderId = await this.submissionOwner(tenantId, submissionId);
    if (orderId === undefined) return undefined;
    const order = await this.get(tenantId, orderId);
    // The idempotency row and the order are written in one transaction.
    if (!order) throw new Error(`submission ${submissionId} points at missing order ${orderId}`);
    return order;
  }

  /** The order row and its delivery rows, in one range query; undefined for an unknown or malformed id. */
  async load(tenantId: string, orderId: string): Promise<LoadedOrder | undefined> {
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

  /**
   * Replaces the order row with `next` if nobody changed it since `loaded`
   * was read. With `submissionId` changed (a new revision), the new
   * idempotency row is written in the same transaction, and so are
   * `deliveries` (a new revision's, or a status change's customer notice):
   * either all of it is stored or none. `submitter` is who submitted `next`
   * (by default the one `loaded` has).
   */
  async replace(
    loaded: LoadedOrder,
    next: StoredOrder,
    deliveries: readonly PendingDelivery[] = [],
    submitter: OrderSubmitter | undefined = loaded.submitter,
  ): Promise<ReplaceOutcome> {
    const newSubmission = next.submissionId !== loaded.order.submissionId;
    if (newSubmission) assertKeyPart(next.submissionId, 'submission id');
    const entities = deliveries.map(newDeliveryEntity);
    const closes = isOpenStatus(loaded.order.status) && !isOpenStatus(next.status);
    // The open row to delete exists only once the partition is indexed.
    if (closes) await this.ensureIndexed(next.tenantId);
    const [, boardEtag] = await Promise.all([this.dueIndex.scheduleFirstAttempts(dueEntriesOf(deliveries)), this.board.prepare(next)]);
    try {
      const response = await this.table.submitTransaction([
        ['update', orderEntity(next, submitter), 'Replace', { etag: loaded.etag }],
        // The index row carries the journey's facts of the order (order-entity.ts): rewritten with it.
        ['upsert', recentEntity(next), 'Replace'],
        ...(closes ? [['delete', { partitionKey: next.tenantId, rowKey: openRowKey(next.id) }] as TransactionAction] : []),
        ...(newSubmission
          ? [['create', submissionEntity(next.tenantId, next.submissionId, next.id, new Date(next.updatedAt))] as TransactionAction]
          : []),
        ...entities.map((entity): TransactionAction => ['create', entity]),
      ]);
      const newDeliveries = withEtags(entities, response);
      await this.board.confirm(next, boardEtag, { seen: changedByStaff(next) });
      return { kind: 'stored', order: withDeliveries(next, [...loaded.deliveries, ...newDeliveries]), newDeliveries };
    } catch (error) {
      const status = storageStatusCode(error);
      if (status === 412) return { kind: 'stale' };
      if (status === 409 && newSubmission) {
        return { kind: 'submissionTaken', owner: await this.submissionOwner(next.tenantId, next.submissionId) };
      }
      throw toStorageError(error, 'updating an order');
    }
  }

  /**
   * Orders stored before the index rows existed get them once per tenant,
   * on the first read that needs them: one pass over the partition's order
   * rows, upserts in transactions of 100, then the marker row. Later calls
   * cost one point read per tenant and process (remembered).
   */
  private ensureIndexed(tenantId: string): Promise<void> {
    let indexing = this.indexed.get(tenantId);
    if (indexing === undefined) {
      indexing = this.indexOnce(tenantId);
      // A failure is not remembered: the next read tries again.
      indexing.catch(() => this.indexed.delete(tenantId));
      this.indexed.set(tenantId, indexing);
    }
    return indexing;
  }

  private async indexOnce(tenantId: string): Promise<void> {
    try {
      await this.table.getEntity(tenantId, INDEX_MARKER_ROW_KEY);
      return;
    } catch (error) {
      if (storageStatusCode(error) !== 404) throw toStorageError(error, 'reading the order index marker');
    }
    const rows = await this.query(
      odata`PartitionKey eq ${tenantId} and RowKey ge ${ALL_ORDER_ROWS.from} and RowKey le ${ALL_ORDER_ROWS.to} and kind eq ${ORDER_KIND}`,
      'indexing orders',
    );
    const actions: TransactionAction[] = rows.flatMap((row) => {
      const { order } = parseOrderEntity(row);
      return [
        ['upsert', recentEntity(order), 'Replace'] as TransactionAction,
        ...(isOpenStatus(order.status) ? [['upsert', openEntity(order), 'Replace'] as TransactionAction] : []),
      ];
    });
    try {
      for (let start = 0; start < actions.length; start += TRANSACTION_MAX_ENTITIES) {
        await this.table.submitTransaction(actions.slice(start, start + TRANSACTION_MAX_ENTITIES));
      }
      await this.table.upsertEntity({ partitionKey: tenantId, rowKey: INDEX_MARKER_ROW_KEY, kind: 'indexMarker', indexedAt: new Date() }, 'Replace');
    } catch (error) {
      throw toStorageError(error, 'indexing orders');
    }
  }

  /** The tenant's newest-first index rows, at most `limit` (and `listLimit`). */
  private async recentRows(tenantId: string, limit: number): Promise<Record<string, unknown>[]> {
    assertKeyPart(tenantId, 'tenant id');
    await this.ensureIndexed(tenantId);
    return this.firstPage(
      odata`PartitionKey eq ${tenantId} and RowKey ge ${RECENT_ROWS.from} and RowKey le ${RECENT_ROWS.to}`,
      Math.min(limit, this.listLimit),
      'listing orders',
    );
  }

  /** At most `size` rows of one query: one page, never the rest. */
  private async firstPage(filter: string, size: number, operation: string, select?: string[]): Promise<Record<string, unknown>[]> {
    if (size <= 0) return [];
    try {
      const pages = this.table
        .listEntities({ queryOptions: { filter, ...(select === undefined ? {} : { select }) } })
        .byPage({ maxPageSize: size });
      const first = await pages.next();
      return first.done === true ? [] : first.value.slice(0, size);
    } catch (error) {
      throw toStorageError(error, operation);
    }
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

function isKeySafe(value: string): boolean {
  try {
    assertKeyPart(value, 'submission id');
    return true;
  } catch {
    return false;
  }
}

/** A loaded order as the API and cards show it. */
export function shownOrder(loaded: LoadedOrder): OrderWithDeliveries {
  return withDeliveries(loaded.order, loaded.deliveries);
}

/** Customer notices are the customer's own news, not a way the order went to the distributor: not shown. */
function withDeliveries(order: StoredOrder, deliveries: readonly DeliveryRecord[]): OrderWithDeliveries {
  return { ...order, deliveries: deliveries.filter(isDistributorDelivery).map(summarizeDelivery) };
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
