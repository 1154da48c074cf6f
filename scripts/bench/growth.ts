import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { odata } from '@azure/data-tables';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { DELIVERY_KIND, deliveryEntity, deliveryKeyOf } from '../../bot/storage/delivery-entity.js';
import type { DeliveryRecord } from '../../bot/storage/delivery-entity.js';
import { DeliveryStore } from '../../bot/storage/delivery-store.js';
import { OutboxDueIndex } from '../../bot/storage/outbox-due-index.js';
import { createTableStorage } from '../../bot/storage/table-storage.js';
import { percentile } from './load-generator.js';

/**
 * The growth figure of one outbox sweep: a table holding `totalOrders`
 * orders' finished delivery records (what history is made of), a tenant
 * with `smallOrders` and one with `largeOrders` of them, and a few due
 * records in the tenant measured. A sweep (`DeliveryStore.findDue`) is
 * timed `sweeps` times at each size; beside it, one query with the filter
 * sweeps used before the due index, for contrast.
 */

export interface SweepGrowthOptions {
  readonly totalOrders: number;
  readonly smallOrders: number;
  readonly largeOrders: number;
  readonly sweeps: number;
}

export interface SweepTiming {
  readonly tenantOrders: number;
  readonly p50: number;
  readonly p95: number;
  /** One query on non-key properties over the whole table, as sweeps did before the due index. */
  readonly scanMs: number;
}

const DUE_RECORDS = 5;
const SEED_CONCURRENCY = 8;

export async function measureSweepGrowth(connectionString: string, options: SweepGrowthOptions): Promise<readonly SweepTiming[]> {
  const storage = createTableStorage(connectionString);
  const name = `growth${randomUUID().replaceAll('-', '')}`;
  await storage.ensureTables([name]);
  const table = storage.table(name);
  const small = randomUUID();
  const large = randomUUID();
  const others = Math.max(0, options.totalOrders - options.smallOrders - options.largeOrders);
  await seed(table, [
    [small, options.smallOrders],
    [large, options.largeOrders],
    ...Array.from({ length: Math.ceil(others / 1_000) }, (_, i): [string, number] => [randomUUID(), Math.min(1_000, others - i * 1_000)]),
  ]);
  const timings: SweepTiming[] = [];
  for (const [tenant, tenantOrders] of [[small, options.smallOrders], [large, options.largeOrders]] as const) {
    timings.push(await timeSweeps(table, tenant, tenantOrders, options.sweeps));
  }
  await table.deleteTable();
  return timings;
}

async function timeSweeps(table: TableClient, tenant: string, tenantOrders: number, sweeps: number): Promise<SweepTiming> {
  const store = new DeliveryStore(table);
  const now = new Date();
  const due = Array.from({ length: DUE_RECORDS }, (_, i) => record(tenant, `D${String(i).padStart(7, '0')}`, 'pending', now));
  await new OutboxDueIndex(table).schedule(due.map((r) => ({ tenantId: tenant, recordKey: deliveryKeyOf(r), dueAt: r.nextAttemptAt })));
  await table.submitTransaction(due.map((r): TransactionAction => ['upsert', deliveryEntity(r), 'Replace']));

  const latencies: number[] = [];
  for (let i = 0; i < sweeps; i++) {
    const started = performance.now();
    const found = await store.findDue(new Date(), 128);
    latencies.push(performance.now() - started);
    if (found.due.length !== DUE_RECORDS) throw new Error(`a sweep found ${found.due.length} due records, expected ${DUE_RECORDS}`);
  }
  const scanStarted = performance.now();
  const filter = odata`kind eq ${DELIVERY_KIND} and ((state eq ${'pending'} and nextAttemptAt le ${now}) or (state eq ${'delivering'} and leaseUntil le ${now}))`;
  for await (const _ of table.listEntities({ queryOptions: { filter } })) void _;
  const scanMs = performance.now() - scanStarted;

  // Finished, so the next size's sweeps see only their own due records.
  await table.submitTransaction(due.map((r): TransactionAction => ['upsert', deliveryEntity({ ...r, state: 'delivered', deliveredAt: now }), 'Replace']));
  await store.findDue(new Date(), 128);
  latencies.sort((a, b) => a - b);
  return { tenantOrders, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), scanMs };
}

/** One finished delivery record per order, 100 to a transaction, a few transactions at a time. */
async function seed(table: TableClient, tenants: readonly (readonly [string, number])[]): Promise<void> {
  const batches: (() => Promise<unknown>)[] = [];
  const longAgo = new Date(Date.now() - 86_400_000);
  for (const [tenant, orders] of tenants) {
    for (let start = 0; start < orders; start += 100) {
      const rows = Array.from({ length: Math.min(100, orders - start) }, (_, i) =>
        deliveryEntity(record(tenant, String(start + i).padStart(8, '0'), 'delivered', longAgo)),
      );
      batches.push(() => table.submitTransaction(rows.map((row): TransactionAction => ['create', row])));
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      while (next < batches.length) await batches[next++]?.();
    }),
  );
}

function record(tenantId: string, digits: string, state: 'pending' | 'delivered', at: Date): Omit<DeliveryRecord, 'etag'> {
  return {
    tenantId,
    orderId: `CSP-${digits}`,
    revision: 1,
    channel: 'webhook',
    state,
    attempts: state === 'delivered' ? 1 : 0,
    nextAttemptAt: at,
    createdAt: at,
    ...(state === 'delivered' && { deliveredAt: at }),
  };
}
