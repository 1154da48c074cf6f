import { readRow } from './table-reads.js';
import { odata } from '@azure/data-tables';
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { StoredOrder } from '../../src/domain/order/order.js';
import { orderStatusSchema } from '../../src/domain/order/order-shape.js';
import { indexedOrder } from '../../src/domain/distributor/order-summary.js';
import type { IndexedOrder } from '../../src/domain/distributor/order-summary.js';
import { ORDER_KIND, parseOrderEntity } from './order-entity.js';
import { GroupCommit } from './group-commit.js';
import { storageStatusCode, toStorageError } from './storage-errors.js';

/**
 * The distributor board's time index (docs/architecture.md, "Storage layout"):
 * one row per order, in the orders table, under a month partition
 * `board|YYYY-MM` (the UTC month of the order's creation) with the row key
 * `{inverted creation time}|{tenantId}|{orderId}`, so one key-range query per
 * month reads a date range newest first, whatever the tenants.
 *
 * The row lives in another partition than the order, so no transaction spans
 * both. The writers keep one invariant instead: the state about to be stored
 * is written to the row as `pending` before the order, and `confirmed` after
 * it. A crash in between leaves a row with `pending` set, which the board
 * settles against the order itself when it reads the row; a row is never
 * missing for a stored order.
 */

export const BOARD_KIND = 'board';
const BOARD_PREFIX = 'board|';
/** Larger than any millisecond timestamp until the year 2286, so 13 digits always sort. */
const TIME_CEILING_MS = 9_999_999_999_999;

/** The month partition of an order created at `createdAt`. */
export function boardPartition(createdAt: string | Date): string {
  return `${BOARD_PREFIX}${new Date(createdAt).toISOString().slice(0, 7)}`;
}

function invertedTime(ms: number): string {
  return String(TIME_CEILING_MS - ms).padStart(13, '0');
}

export function boardRowKey(createdAtMs: number, tenantId: string, orderId: string): string {
  return `${invertedTime(createdAtMs)}|${tenantId}|${orderId}`;
}

/** A row as read. */
export interface BoardRow {
  readonly partition: string;
  readonly rowKey: string;
  readonly etag: string;
  /** The state last confirmed stored; absent on a row whose first write has not been confirmed. */
  readonly confirmed?: IndexedOrder | undefined;
  /** A state written before its order write and not confirmed since. */
  readonly pending?: IndexedOrder | undefined;
  /** The `updatedAt` staff last saw (opened the order, or changed its status). */
  readonly seenAt?: string | undefined;
}

const indexedOrderSchema = z.object({
  tenantId: z.string(),
  id: z.string(),
  status: orderStatusSchema,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  organizationName: z.string(),
  inn: z.string(),
  technicalDomain: z.string(),
  contactEmail: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
});

const boardRowSchema = z.object({
  partitionKey: z.string().startsWith(BOARD_PREFIX),
  rowKey: z.string(),
  etag: z.string(),
  confirmed: z.string().optional(),
  pending: z.string().optional(),
  seenAt: z.string().optional(),
});

/** The range was larger than a request may read. */
export class BoardRangeTooLargeError extends Error {
  override readonly name = 'BoardRangeTooLargeError';
  constructor(readonly limit: number) {
    super(`the range holds more than ${limit} orders`);
  }
}

/** Marks a table whose orders all have board rows (written after the one-time backfill). */
const MARKER = { partitionKey: `${BOARD_PREFIX}index`, rowKey: 'backfilled' } as const;
/** Rows the backfill creates at once. */
const BACKFILL_CONCURRENCY = 16;

export class BoardIndex {
  private backfilled: Promise<void> | undefined;
  /** Every order of a month shares its partition: concurrent orders' row writes share requests. */
  private readonly group: GroupCommit;

  constructor(private readonly table: TableClient) {
    this.group = new GroupCommit(table);
  }

  /**
   * Orders stored before the board index existed get their rows once, before
   * the first board read: one pass over the table's order rows (every tenant:
   * the only read that does, once per deployment), a row created for each
   * order that has none, then the marker. Later calls cost nothing in this
   * process and one point read in a new one. A failure is retried on the next read.
   */
  ensureBackfilled(): Promise<void> {
    this.backfilled ??= this.backfill().catch((error: unknown) => {
      this.backfilled = undefined;
      throw error;
    });
    return this.backfilled;
  }

  private async backfill(): Promise<void> {
    try {
      await this.table.getEntity(MARKER.partitionKey, MARKER.rowKey);
      return;
    } catch (error) {
      if (storageStatusCode(error) !== 404) throw toStorageError(error, 'reading the board index marker');
    }
    const orders: StoredOrder[] = [];
    try {
      for await (const row of this.table.listEntities({ queryOptions: { filter: odata`kind eq ${ORDER_KIND}` } })) {
        orders.push(parseOrderEntity(row).order);
      }
      for (let start = 0; start < orders.length; start += BACKFILL_CONCURRENCY) {
        await Promise.all(orders.slice(start, start + BACKFILL_CONCURRENCY).map((order) => this.createIfMissing(order)));
      }
      await this.table.upsertEntity({ ...MARKER, kind: 'boardMarker', backfilledAt: new Date() }, 'Replace');
    } catch (error) {
      throw toStorageError(error, 'backfilling the board index');
    }
  }

  /** A row for an order that has none; an existing row (written by a submission or status change) stays. */
  private async createIfMissing(order: StoredOrder): Promise<void> {
    try {
      await this.table.createEntity({ ...this.key(order), kind: BOARD_KIND, confirmed: JSON.stringify(indexedOrder(order)) });
    } catch (error) {
      if (storageStatusCode(error) !== 409) throw error;
    }
  }

  /** Before an order write: the state about to be stored, as `pending`. Throws when storage fails (write nothing then). */
  async prepare(order: StoredOrder): Promise<string> {
    try {
      const etag = await this.group.write({
        kind: 'upsert',
        entity: { ...this.key(order), kind: BOARD_KIND, pending: JSON.stringify(indexedOrder(order)) },
        mode: 'Merge',
      });
      return etag ?? '';
    } catch (error) {
      throw toStorageError(error, 'indexing an order for the board');
    }
  }

  /**
   * After the order write: the stored state, confirmed (`seen` when staff made
   * the change). Never throws: the order is stored whatever happens here, and a
   * row left `pending` is settled when the board reads it.
   */
  async confirm(order: StoredOrder, preparedEtag: string, options: { readonly seen?: boolean } = {}): Promise<void> {
    const state = indexedOrder(order);
    const seen = options.seen === true ? { seenAt: order.updatedAt } : {};
    try {
      await this.group.write({
        kind: 'update',
        entity: { ...this.key(order), confirmed: JSON.stringify(state), pending: '', ...seen },
        mode: 'Merge',
        etag: preparedEtag,
      });
      return;
    } catch (error) {
      if (storageStatusCode(error) !== 412) return;
    }
    // Another write touched the row since `prepare`: keep whichever state is newer.
    try {
      const row = parseBoardRow(await this.table.getEntity(this.key(order).partitionKey, this.key(order).rowKey));
      await this.settle(row, order, options.seen === true);
    } catch {
      // Left for the reader to settle.
    }
  }

  /**
   * Makes a row agree with its order as just read (`undefined`: there is no such
   * order, e.g. a first write that failed). Conditional on the row's ETag:
   * a concurrent writer wins. Answers the state to show, if any.
   */
  async settle(row: BoardRow, order: StoredOrder | undefined, seen = false): Promise<IndexedOrder | undefined> {
    try {
      if (order === undefined) {
        if (row.confirmed === undefined) await this.table.deleteEntity(row.partition, row.rowKey, { etag: row.etag });
        return row.confirmed;
      }
      // The order as read is the truth: a pending state it does not show was a write that failed, or one
      // still in flight, whose own confirmation then finds this row changed and settles it again.
      const truth = indexedOrder(order);
      const newest = row.confirmed !== undefined && row.confirmed.updatedAt > truth.updatedAt ? row.confirmed : truth;
      await this.table.updateEntity(
        {
          partitionKey: row.partition,
          rowKey: row.rowKey,
          confirmed: JSON.stringify(newest),
          pending: '',
          ...(seen ? { seenAt: order.updatedAt } : {}),
        },
        'Merge',
        { etag: row.etag },
      );
      return newest;
    } catch (error) {
      const status = storageStatusCode(error);
      if (status === 404 || status === 412) return order === undefined ? row.confirmed : indexedOrder(order);
      throw toStorageError(error, 'settling a board row');
    }
  }

  /** The `updatedAt` staff last saw of the order; `undefined` when never, or when it has no row. */
  async seenAt(order: Pick<StoredOrder, 'tenantId' | 'id' | 'createdAt'>): Promise<string | undefined> {
    const key = this.key(order);
    const row = await readRow(this.table, key.partitionKey, key.rowKey, 'reading a board row');
    return row && parseBoardRow(row).seenAt;
  }

  /** Staff opened the order: everything up to `updatedAt` is seen. A missing row is left alone. */
  async markSeen(order: Pick<StoredOrder, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'>): Promise<void> {
    try {
      await this.table.updateEntity({ ...this.key(order), seenAt: order.updatedAt }, 'Merge');
    } catch (error) {
      if (storageStatusCode(error) === 404) return;
      throw toStorageError(error, 'marking an order seen');
    }
  }

  /** Best effort: drops the row `prepare` wrote for an order that was not stored (e.g. a repeated submission). */
  async forget(order: Pick<StoredOrder, 'tenantId' | 'id' | 'createdAt'>): Promise<void> {
    const key = this.key(order);
    try {
      const row = parseBoardRow(await this.table.getEntity(key.partitionKey, key.rowKey));
      if (row.confirmed === undefined) await this.table.deleteEntity(key.partitionKey, key.rowKey, { etag: row.etag });
    } catch {
      // A leftover is settled (deleted) when the board reads it.
    }
  }

  /**
   * The rows of orders created in [start, end), newest first: one key-range
   * query per month partition the range touches, nothing else. More than
   * `maxRows` rows throws `BoardRangeTooLargeError`.
   */
  async read(start: Date, end: Date, maxRows: number): Promise<BoardRow[]> {
    const rows: BoardRow[] = [];
    const lastMs = end.getTime() - 1;
    for (const partition of monthPartitions(start, new Date(lastMs))) {
      const filter = odata`PartitionKey eq ${partition} and RowKey ge ${invertedTime(lastMs)} and RowKey lt ${`${invertedTime(start.getTime())}|~`}`;
      try {
        for await (const entity of this.table.listEntities({ queryOptions: { filter } })) {
          rows.push(parseBoardRow(entity));
          if (rows.length > maxRows) throw new BoardRangeTooLargeError(maxRows);
        }
      } catch (error) {
        if (error instanceof BoardRangeTooLargeError) throw error;
        throw toStorageError(error, 'reading the board index');
      }
    }
    return rows;
  }

  private key(order: Pick<StoredOrder, 'tenantId' | 'id' | 'createdAt'>): { partitionKey: string; rowKey: string } {
    return { partitionKey: boardPartition(order.createdAt), rowKey: boardRowKey(Date.parse(order.createdAt), order.tenantId, order.id) };
  }
}

/** The month partitions from `last`'s back to `first`'s (newest first). */
function monthPartitions(first: Date, last: Date): string[] {
  const partitions: string[] = [];
  const month = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1));
  const stop = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  while (month.getTime() >= stop) {
    partitions.push(boardPartition(month));
    month.setUTCMonth(month.getUTCMonth() - 1);
  }
  return partitions;
}

function parseBoardRow(entity: Readonly<Record<string, unknown>>): BoardRow {
  const result = boardRowSchema.safeParse(entity);
  if (!result.success) throw new Error(`stored board row has an unexpected shape: ${z.prettifyError(result.error)}`);
  const { partitionKey, rowKey, etag, confirmed, pending, seenAt } = result.data;
  return {
    partition: partitionKey,
    rowKey,
    etag,
    ...(confirmed ? { confirmed: parseState(confirmed) } : {}),
    ...(pending ? { pending: parseState(pending) } : {}),
    ...(seenAt ? { seenAt } : {}),
  };
}

function parseState(json: string): IndexedOrder {
  return indexedOrderSchema.parse(JSON.parse(json));
}
