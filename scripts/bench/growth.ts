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
import { startAzurite } from '../../tests/support/azurite.js';
import type { AzuriteTables } from '../../tests/support/azurite.js';
import { storedOrder } from '../../tests/support/order-fixtures.js';
import { percentile } from './load-generator.js';
import { statusMessage } from './payloads.js';

/**
 * The growth step of `npm run bench`: the same reads in a tenant of a few
 * orders and in one of many, within one table of `totalRows` rows, so any
 * cost that follows history shows as a ratio large / small.
 *
 * The rows go through Azurite's own API, in the repository's own entity
 * shapes (order, newest-first index row, idempotency row, one delivered
 * outbox record per order, the index marker), 100 to a transaction, several
 * transactions at once; the rest of the table is other tenants' delivered
 * records. The Azurite that takes them looks an entity up by RowKey first
 * (scripts/bench/azurite-lookup-by-row-key.mjs): stock Azurite checks each
 * write against the whole partition, so a tenant of 80 000 rows alone took
 * many minutes to write. Then that Azurite is stopped (it saves the table to
 * its folder) and a stock one started on the folder.
 *
 * Measured on the stock one, per size: `GET /api/orders` and the bot's
 * `status` through our server, one outbox sweep (`DeliveryStore.findDue`)
 * straight on the table, and the bare storage requests they are made of.
 * Measured before that, on the seeding Azurite, for contrast: the sweep
 * and a point read with lookups by key, which is how Azure Table Storage
 * serves a point read.
 */

export interface GrowthOptions {
  readonly totalRows: number;
  readonly smallOrders: number;
  readonly largeOrders: number;
  /**
   * Timed requests per path and size (after a few untimed ones), fewer when
   * they take more than `SAMPLING_BUDGET_MS` (at least `MIN_SAMPLES`).
   */
  readonly samples: number;
  /** Where the bot's replies go (the connector stand-in). */
  readonly connectorUrl: string;
  /** Starts our server on `connectionString` with demo mode's API caller in `tenantId`. */
  readonly startServer: (tenantId: string, connectionString: string) => Promise<RunningServer>;
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

export interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly samples: number;
}

export interface GrowthRow {
  readonly path: string;
  /**
   * Ours on stock Azurite (the goal applies); a bare storage request shown
   * for contrast; or ours on the Azurite that looks entities up by key.
   */
  readonly kind: 'ours' | 'bare' | 'by key';
  readonly small: Timing;
  readonly large: Timing;
}

export interface GrowthResult {
  readonly rows: readonly GrowthRow[];
  readonly rowsWritten: number;
  readonly seedMs: number;
  /** Stopping the seeding Azurite (it writes the table to disk) and starting a stock one on it. */
  readonly restartMs: number;
}

const ROWS_PER_ORDER = 4;
const TRANSACTION_ROWS = 100;
/** Transactions in flight while seeding: enough to keep Azurite busy while the next ones are built. */
const SEED_CONCURRENCY = 8;
/** Untimed calls before the timed ones: this many, or fewer when they take longer than `WARM_UP_BUDGET_MS`. */
const WARM_UP = 3;
const WARM_UP_BUDGET_MS = 2_000;
/** Timing stops after this long per path and size (`GET /api/orders` takes seconds a call on Azurite), once `MIN_SAMPLES` are in. */
const SAMPLING_BUDGET_MS = 10_000;
const MIN_SAMPLES = 5;
const DUE_RECORDS = 5;

/**
 * Node options for the Azurite that seeds: its entity writes check for an
 * existing row by RowKey first (scripts/bench/azurite-lookup-by-row-key.mjs).
 */
export const BY_KEY_NODE_OPTIONS: readonly string[] = ['--import', new URL('./azurite-lookup-by-row-key.mjs', import.meta.url).href];
/** Stopping Azurite writes the whole table to disk as one JSON file: seconds at 100 000 rows, more under load. */
const SAVE_TIMEOUT_MS = 120_000;

interface Tenant {
  readonly tenantId: string;
  readonly orders: number;
}

export async function measureGrowth(options: GrowthOptions): Promise<GrowthResult> {
  const azurite = await startAzurite({ nodeOptions: BY_KEY_NODE_OPTIONS, closeTimeoutMs: SAVE_TIMEOUT_MS });
  try {
    return await seedAndMeasure(azurite, options);
  } finally {
    await azurite.stop();
  }
}

async function seedAndMeasure(azurite: AzuriteTables, options: GrowthOptions): Promise<GrowthResult> {
  const storage = createTableStorage(azurite.connectionString);
  await storage.ensureTables([ORDERS_TABLE]);
  const small: Tenant = { tenantId: randomUUID(), orders: options.smallOrders };
  const large: Tenant = { tenantId: randomUUID(), orders: options.largeOrders };

  const seedStarted = performance.now();
  const seeded = await seed(storage.table(ORDERS_TABLE), [small, large], options.totalRows);
  const seedMs = performance.now() - seedStarted;
  const firstRecordKey = (tenantId: string): string => {
    const key = seeded.firstRecordKeys.get(tenantId);
    if (key === undefined) throw new Error(`no record seeded for ${tenantId}`);
    return key;
  };
  const measure = async (table: TableClient, paths: ReadonlySet<MeasuredPath>, kind: 'ours' | 'by key'): Promise<GrowthRow[]> =>
    measurePaths({ table, connectionString: azurite.connectionString, small, large, firstRecordKey, paths, kind, options });

  // The contrast first, while this Azurite still looks entities up by key.
  const byKey = await measure(storage.table(ORDERS_TABLE), new Set(['sweep', 'point read']), 'by key');

  // Stopped (it writes the table to its folder) and started stock on that folder.
  const restartStarted = performance.now();
  await azurite.halt();
  await azurite.restart({ nodeOptions: [] });
  const restartMs = performance.now() - restartStarted;
  const table = createTableStorage(azurite.connectionString).table(ORDERS_TABLE);
  // Azurite saves the whole table at once, so the last row written stands for all of them.
  try {
    await table.getEntity(seeded.lastRow.partitionKey, seeded.lastRow.rowKey);
  } catch (error) {
    throw new Error(`the restarted Azurite lacks the last seeded row: its table was not saved on stop (${String(error)})`);
  }
  const stock = await measure(table, new Set(ALL_PATHS), 'ours');
  return { rows: [...stock, ...byKey], rowsWritten: seeded.written, seedMs, restartMs };
}

const ALL_PATHS = ['orders', 'status', 'sweep', 'point read', 'newest rows', 'due query'] as const;
type MeasuredPath = (typeof ALL_PATHS)[number];

interface MeasureOptions {
  readonly table: TableClient;
  readonly connectionString: string;
  readonly small: Tenant;
  readonly large: Tenant;
  readonly firstRecordKey: (tenantId: string) => string;
  readonly paths: ReadonlySet<MeasuredPath>;
  /** What "ours" rows are called: `by key` on the Azurite that looks entities up by key. */
  readonly kind: 'ours' | 'by key';
  readonly options: GrowthOptions;
}

/** The chosen paths, ours first, at both sizes. */
async function measurePaths({ table, connectionString, small, large, firstRecordKey, paths, kind, options }: MeasureOptions): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  const both = async (path: string, rowKind: GrowthRow['kind'], call: (tenant: Tenant) => () => Promise<void>): Promise<void> => {
    rows.push({ path, kind: rowKind, small: await timed(options.samples, call(small)), large: await timed(options.samples, call(large)) });
  };
  if (paths.has('orders') || paths.has('status')) {
    const servers = await Promise.all([small, large].map((tenant) => options.startServer(tenant.tenantId, connectionString)));
    try {
      const [smallServer, largeServer] = servers;
      if (!smallServer || !largeServer) throw new Error('two servers expected');
      if (paths.has('orders')) {
        await both('GET /api/orders', kind, (tenant) => () => getOk(`${(tenant === small ? smallServer : largeServer).url}/api/orders`));
      }
      if (paths.has('status')) {
        await both('bot status', kind, (tenant) => () => postOk(`${smallServer.url}/api/messages`, statusMessage(options.connectorUrl, tenant.tenantId)));
      }
    } finally {
      // Their outboxes would take the sweep's due records.
      await Promise.all(servers.map((server) => server.stop()));
    }
  }
  if (paths.has('sweep')) {
    rows.push({ path: 'outbox sweep', kind, small: await timeSweeps(table, small.tenantId, options.samples), large: await timeSweeps(table, large.tenantId, options.samples) });
  }

  // What those paths are made of, with nothing of ours around it.
  const bare = kind === 'ours' ? 'bare' : kind;
  if (paths.has('point read')) {
    await both('point read of one row', bare, (tenant) => () => table.getEntity(tenant.tenantId, firstRecordKey(tenant.tenantId)).then(() => undefined));
  }
  if (paths.has('newest rows')) {
    await both('10 newest-first index rows', bare, (tenant) => () =>
      firstPage(table, odata`PartitionKey eq ${tenant.tenantId} and RowKey ge ${RECENT_ROWS.from} and RowKey le ${RECENT_ROWS.to}`, 10),
    );
  }
  if (paths.has('due query')) {
    const dueTiming = await timed(options.samples, () => firstPage(table, odata`PartitionKey ge ${'due|'} and PartitionKey le ${dueBucket(new Date())}`, 128));
    rows.push({ path: 'due-bucket range query (empty)', kind: bare, small: dueTiming, large: dueTiming });
  }
  return rows;
}

async function firstPage(table: TableClient, filter: string, size: number): Promise<void> {
  await table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: size }).next();
}

/**
 * Up to `samples` calls one after the other, after a few untimed ones;
 * fewer once `SAMPLING_BUDGET_MS` is spent, but at least `MIN_SAMPLES`.
 */
async function timed(samples: number, call: () => Promise<void>): Promise<Timing> {
  const warmUpStarted = performance.now();
  for (let i = 0; i < WARM_UP && (i === 0 || performance.now() - warmUpStarted < WARM_UP_BUDGET_MS); i++) await call();
  const latencies: number[] = [];
  const started = performance.now();
  while (latencies.length < samples && (latencies.length < MIN_SAMPLES || performance.now() - started < SAMPLING_BUDGET_MS)) {
    const callStarted = performance.now();
    await call();
    latencies.push(performance.now() - callStarted);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), samples: latencies.length };
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
): Promise<{ readonly written: number; readonly firstRecordKeys: ReadonlyMap<string, string>; readonly lastRow: TableEntity }> {
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
  let lastRow: TableEntity | undefined;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
        await table.submitTransaction(batch.map((row): TransactionAction => ['create', row]));
        written += batch.length;
        lastRow = batch[0];
      }
    }),
  );
  if (lastRow === undefined) throw new Error('nothing was seeded');
  return { written, firstRecordKeys, lastRow };
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
