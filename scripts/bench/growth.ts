import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { odata } from '@azure/data-tables';
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { deliveryEntity, deliveryKeyOf } from '../../bot/storage/delivery-entity.js';
import type { DeliveryRecord } from '../../bot/storage/delivery-entity.js';
import { DeliveryStore } from '../../bot/storage/delivery-store.js';
import { INDEX_MARKER_ROW_KEY, orderEntity, RECENT_ROWS, recentEntity, submissionEntity } from '../../bot/storage/order-entity.js';
import { newOrderId } from '../../bot/storage/order-id.js';
import { ORDERS_TABLE } from '../../bot/storage/order-repository.js';
import { dueBucket, OutboxDueIndex } from '../../bot/storage/outbox-due-index.js';
import { createTableStorage } from '../../bot/storage/table-storage.js';
import { storedOrder } from '../../tests/support/order-fixtures.js';
import { percentile } from './load-generator.js';
import { statusMessage } from './payloads.js';

/**
 * The growth step of `npm run bench`: the same reads in a tenant of a few
 * orders and in one of many, within one table of `totalRows` rows, so any
 * cost that follows history shows as a ratio large / small. Rows are
 * written straight to the orders table in the repository's own entity
 * shapes (order, newest-first index row, idempotency row, one delivered
 * outbox record per order, the index marker), 100 to a transaction; the
 * rest of the table is other tenants' delivered records. Then, per size:
 * `GET /api/orders` and the bot's `status` through our server, one outbox
 * sweep (`DeliveryStore.findDue`) straight on the table, and, for contrast,
 * the bare storage requests they are made of.
 */

export interface GrowthOptions {
  readonly connectionString: string;
  readonly totalRows: number;
  readonly smallOrders: number;
  readonly largeOrders: number;
  /** Timed requests per path and size (after a few untimed ones). */
  readonly samples: number;
  /** Where the bot's replies go (the connector stand-in). */
  readonly connectorUrl: string;
  /** Starts our server with demo mode's API caller in `tenantId`. */
  readonly startServer: (tenantId: string) => Promise<RunningServer>;
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

export interface Timing {
  readonly p50: number;
  readonly p95: number;
}

export interface GrowthRow {
  readonly path: string;
  /** Ours, or a bare storage request shown for contrast. */
  readonly kind: 'ours' | 'bare';
  readonly small: Timing;
  readonly large: Timing;
}

export interface GrowthResult {
  readonly rows: readonly GrowthRow[];
  readonly rowsWritten: number;
  readonly seedMs: number;
}

const ROWS_PER_ORDER = 4;
const TRANSACTION_ROWS = 100;
const SEED_CONCURRENCY = 8;
const WARM_UP = 3;
const DUE_RECORDS = 5;

export async function measureGrowth(options: GrowthOptions): Promise<GrowthResult> {
  const storage = createTableStorage(options.connectionString);
  await storage.ensureTables([ORDERS_TABLE]);
  const table = storage.table(ORDERS_TABLE);
  const small = { tenantId: randomUUID(), orders: options.smallOrders };
  const large = { tenantId: randomUUID(), orders: options.largeOrders };

  const seedStarted = performance.now();
  const { written: rowsWritten, firstRecordKeys } = await seed(table, [small, large], options.totalRows);
  const seedMs = performance.now() - seedStarted;
  const firstRecordKey = (tenantId: string): string => {
    const key = firstRecordKeys.get(tenantId);
    if (key === undefined) throw new Error(`no record seeded for ${tenantId}`);
    return key;
  };

  const rows: GrowthRow[] = [];
  const servers = await Promise.all([options.startServer(small.tenantId), options.startServer(large.tenantId)]);
  try {
    const [smallServer, largeServer] = servers;
    if (!smallServer || !largeServer) throw new Error('two servers expected');
    rows.push({
      path: 'GET /api/orders',
      kind: 'ours',
      small: await timed(options.samples, () => getOk(`${smallServer.url}/api/orders`)),
      large: await timed(options.samples, () => getOk(`${largeServer.url}/api/orders`)),
    });
    const status = (tenantId: string) => () => postOk(`${smallServer.url}/api/messages`, statusMessage(options.connectorUrl, tenantId));
    rows.push({
      path: 'bot status',
      kind: 'ours',
      small: await timed(options.samples, status(small.tenantId)),
      large: await timed(options.samples, status(large.tenantId)),
    });
  } finally {
    // Their outboxes would take the sweep's due records.
    await Promise.all(servers.map((server) => server.stop()));
  }
  rows.push({
    path: 'outbox sweep',
    kind: 'ours',
    small: await timeSweeps(table, small.tenantId, options.samples),
    large: await timeSweeps(table, large.tenantId, options.samples),
  });

  // What those paths are made of, with nothing of ours around it.
  const pointRead = (tenantId: string) => () => table.getEntity(tenantId, firstRecordKey(tenantId)).then(() => undefined);
  rows.push({
    path: 'point read of one row',
    kind: 'bare',
    small: await timed(options.samples, pointRead(small.tenantId)),
    large: await timed(options.samples, pointRead(large.tenantId)),
  });
  const newestRows = (tenantId: string) => () =>
    firstPage(table, odata`PartitionKey eq ${tenantId} and RowKey ge ${RECENT_ROWS.from} and RowKey le ${RECENT_ROWS.to}`, 10);
  rows.push({
    path: '10 newest-first index rows',
    kind: 'bare',
    small: await timed(options.samples, newestRows(small.tenantId)),
    large: await timed(options.samples, newestRows(large.tenantId)),
  });
  const dueQuery = () => firstPage(table, odata`PartitionKey ge ${'due|'} and PartitionKey le ${dueBucket(new Date())}`, 128);
  const dueTiming = await timed(options.samples, dueQuery);
  rows.push({ path: 'due-bucket range query (empty)', kind: 'bare', small: dueTiming, large: dueTiming });
  return { rows, rowsWritten, seedMs };
}

async function firstPage(table: TableClient, filter: string, size: number): Promise<void> {
  await table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: size }).next();
}

/** `samples` calls one after the other, after a few untimed ones. */
async function timed(samples: number, call: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await call();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await call();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

async function getOk(url: string): Promise<void> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 300)}`);
}

async function postOk(url: string, body: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 300)}`);
}

/**
 * One sweep, `samples` times, with a few records of `tenantId` due: the due
 * rows and records are written as a commit writes them, then finished so
 * the other size's sweeps see only their own.
 */
async function timeSweeps(table: TableClient, tenantId: string, samples: number): Promise<Timing> {
  const store = new DeliveryStore(table);
  const now = new Date();
  const due = Array.from({ length: DUE_RECORDS }, () => record(tenantId, newOrderId(), 'pending', now));
  await new OutboxDueIndex(table).schedule(due.map((r) => ({ tenantId, recordKey: deliveryKeyOf(r), dueAt: r.nextAttemptAt })));
  await table.submitTransaction(due.map((r): TransactionAction => ['upsert', deliveryEntity(r), 'Replace']));
  const timing = await timed(samples, async () => {
    const found = await store.findDue(new Date(), 128);
    if (found.due.length !== DUE_RECORDS) throw new Error(`a sweep found ${found.due.length} due records, expected ${DUE_RECORDS}`);
  });
  await table.submitTransaction(due.map((r): TransactionAction => ['upsert', deliveryEntity({ ...r, state: 'delivered', deliveredAt: now }), 'Replace']));
  // Tidies the due rows of the finished records away.
  await store.findDue(new Date(), 128);
  return timing;
}

/**
 * The measured tenants' orders with every row the repository writes for a
 * delivered, completed order; then other tenants' delivered records until
 * the table holds `totalRows`. How many rows were written, and the key of
 * each measured tenant's first outbox record.
 */
async function seed(
  table: TableClient,
  tenants: readonly { readonly tenantId: string; readonly orders: number }[],
  totalRows: number,
): Promise<{ readonly written: number; readonly firstRecordKeys: ReadonlyMap<string, string> }> {
  const batches: TableEntity[][] = [];
  const firstRecordKeys = new Map<string, string>();
  const longAgo = Date.now() - 400 * 86_400_000;
  let written = 0;
  for (const { tenantId, orders } of tenants) {
    let batch: TableEntity[] = [{ partitionKey: tenantId, rowKey: INDEX_MARKER_ROW_KEY, kind: 'indexMarker', indexedAt: new Date() }];
    for (let i = 0; i < orders; i++) {
      const createdAt = new Date(longAgo + i * 60_000);
      const order = storedOrder({ id: newOrderId(), tenantId, submissionId: randomUUID(), status: 'completed', createdAt: createdAt.toISOString() });
      const delivered = record(tenantId, order.id, 'delivered', createdAt);
      if (i === 0) firstRecordKeys.set(tenantId, deliveryKeyOf(delivered));
      if (batch.length + ROWS_PER_ORDER > TRANSACTION_ROWS) {
        batches.push(batch);
        batch = [];
      }
      batch.push(orderEntity(order), recentEntity(order), submissionEntity(tenantId, order.submissionId, order.id, createdAt), deliveryEntity(delivered));
    }
    batches.push(batch);
  }
  const measuredRows = batches.reduce((sum, batch) => sum + batch.length, 0);
  for (let left = totalRows - measuredRows; left > 0; left -= TRANSACTION_ROWS) {
    const tenantId = randomUUID();
    const at = new Date(longAgo);
    batches.push(Array.from({ length: Math.min(TRANSACTION_ROWS, left) }, () => deliveryEntity(record(tenantId, newOrderId(), 'delivered', at))));
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
        await table.submitTransaction(batch.map((row): TransactionAction => ['create', row]));
        written += batch.length;
      }
    }),
  );
  return { written, firstRecordKeys };
}

function record(tenantId: string, orderId: string, state: 'pending' | 'delivered', at: Date): Omit<DeliveryRecord, 'etag'> {
  return {
    tenantId,
    orderId,
    revision: 1,
    channel: 'webhook',
    state,
    attempts: state === 'delivered' ? 1 : 0,
    nextAttemptAt: at,
    createdAt: at,
    ...(state === 'delivered' && { deliveredAt: at }),
  };
}
