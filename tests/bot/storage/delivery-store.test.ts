import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryEntity } from '../../../bot/storage/delivery-entity.js';
import type { DeliveryRecord } from '../../../bot/storage/delivery-entity.js';
import { DUE_ROW_GRACE_MS, DeliveryStore } from '../../../bot/storage/delivery-store.js';
import { OutboxDueIndex, dueBucket } from '../../../bot/storage/outbox-due-index.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { freshTable, tenantId } from './fixtures.js';
import { StoredOrders } from './stored-orders.js';
import { submission } from '../../support/order-fixtures.js';

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

const NOW = new Date('2026-11-23T10:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** A stored order with one fresh webhook record, read back from storage. */
async function storedRecord(): Promise<{ store: DeliveryStore; record: DeliveryRecord; table: TableClient }> {
  const table = await freshTable(azurite.connectionString);
  const tenant = tenantId();
  const { order } = await new StoredOrders(table).create(tenant, submission(), { channels: ['webhook'], now: NOW });
  const store = new DeliveryStore(table);
  const [record] = await store.listForOrder(tenant, order.id);
  if (!record) throw new Error('no delivery record stored');
  return { store, record, table };
}

function withoutEtag(record: DeliveryRecord): Omit<DeliveryRecord, 'etag'> {
  const { etag: _etag, ...rest } = record;
  return rest;
}

describe('delivery store: replace', () => {
  it('stores exactly the next record and returns it with a new ETag', async () => {
    const { store, record } = await storedRecord();
    const next = { ...withoutEtag(record), state: 'delivered' as const, attempts: 1, deliveredAt: later(1_000) };

    const written = await store.replace(record, next);

    expect(written?.etag).toBeDefined();
    expect(written?.etag).not.toBe(record.etag);
    const [read] = await store.listForOrder(record.tenantId, record.orderId);
    expect(read).toEqual({ ...next, etag: written?.etag });
  });

  it('removes what the next record no longer has (an expired lease, an old error)', async () => {
    const { store, record } = await storedRecord();
    const claimed = await store.replace(record, {
      ...withoutEtag(record),
      state: 'delivering',
      attempts: 1,
      leaseUntil: later(60_000),
      lastError: 'webhook answered 500',
    });
    if (!claimed) throw new Error('claim failed');

    const { leaseUntil: _lease, lastError: _error, ...rest } = withoutEtag(claimed);
    const delivered = await store.replace(claimed, { ...rest, state: 'delivered', deliveredAt: later(2_000) });

    const [read] = await store.listForOrder(record.tenantId, record.orderId);
    expect(read).toEqual({ ...rest, state: 'delivered', deliveredAt: later(2_000), etag: delivered?.etag });
    expect(read?.leaseUntil).toBeUndefined();
    expect(read?.lastError).toBeUndefined();
  });

  it('writes nothing and answers undefined when the record changed since it was read', async () => {
    const { store, record } = await storedRecord();
    const first = await store.replace(record, { ...withoutEtag(record), state: 'delivering', attempts: 1, leaseUntil: later(60_000) });
    expect(first).toBeDefined();

    const second = await store.replace(record, { ...withoutEtag(record), state: 'delivered', attempts: 1, deliveredAt: later(1) });

    expect(second).toBeUndefined();
    const [read] = await store.listForOrder(record.tenantId, record.orderId);
    expect(read?.state).toBe('delivering');
  });

  it('refuses to move a record to another order, revision or channel', async () => {
    const { store, record } = await storedRecord();
    await expect(store.replace(record, { ...withoutEtag(record), channel: 'email' })).rejects.toThrow(
      'cannot change its order, revision, channel or notice',
    );
  });
});

/** What went over the wire: each request's query filter and how many rows its answer held. */
interface Request {
  readonly method: string;
  readonly filter: string | undefined;
  readonly rows: number;
}

function countingTransport(): { readonly requests: Request[]; readonly httpClient: HttpClient } {
  const requests: Request[] = [];
  const inner = createDefaultHttpClient();
  return {
    requests,
    httpClient: {
      async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
        const response = await inner.sendRequest(request);
        const filter = new URL(request.url).searchParams.get('$filter') ?? undefined;
        requests.push({ method: request.method, filter, rows: rowsIn(request.method, response) });
        return response;
      },
    },
  };
}

function rowsIn(method: string, response: PipelineResponse): number {
  if (method !== 'GET' || response.status !== 200 || !response.bodyAsText) return 0;
  const body = JSON.parse(response.bodyAsText) as { value?: unknown[] };
  return Array.isArray(body.value) ? body.value.length : 1;
}

/** A record as a past order's finished outbox row: what a year of history is made of. */
function deliveredRecord(tenant: string, index: number): Omit<DeliveryRecord, 'etag'> {
  return {
    tenantId: tenant,
    orderId: `CSP-${String(index).padStart(8, '0')}`,
    revision: 1,
    channel: 'webhook',
    state: 'delivered',
    attempts: 1,
    nextAttemptAt: later(-86_400_000),
    deliveredAt: later(-86_400_000),
    createdAt: later(-86_400_000),
  };
}

async function storeHistory(table: TableClient, tenant: string, records: number): Promise<void> {
  for (let start = 0; start < records; start += 100) {
    const batch = Array.from({ length: Math.min(100, records - start) }, (_, i) => deliveryEntity(deliveredRecord(tenant, start + i)));
    await table.submitTransaction(batch.map((entity): TransactionAction => ['create', entity]));
  }
}

async function dueRows(table: TableClient): Promise<{ partitionKey: string; rowKey: string }[]> {
  const rows: { partitionKey: string; rowKey: string }[] = [];
  const filter = `PartitionKey ge 'due|' and PartitionKey lt 'due}'`;
  for await (const row of table.listEntities({ queryOptions: { filter } })) rows.push({ partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' });
  return rows;
}

async function oneRecord(table: TableClient, now = NOW) {
  const tenant = tenantId();
  const { order, newDeliveries } = await new StoredOrders(table).create(tenant, submission(), { channels: ['webhook'], now });
  const [record] = newDeliveries;
  if (!record) throw new Error('no delivery record stored');
  return { tenant, order, record };
}

describe('delivery store: findDue, by the due index', () => {
  it('a sweep in a table of many delivered orders reads only the due rows and their records, by key', async () => {
    const { requests, httpClient } = countingTransport();
    const storage = createTableStorage(azurite.connectionString, { client: { httpClient } });
    const table = await freshTable(azurite.connectionString, storage);
    const busy = tenantId();
    await storeHistory(table, busy, 2_000);
    await storeHistory(table, tenantId(), 500);
    // Delivered the usual way: its due row goes with the "delivered" write.
    const store = new DeliveryStore(table);
    const delivered = await oneRecord(table);
    await store.replace(delivered.record, { ...withoutEtag(delivered.record), state: 'delivered', attempts: 1, deliveredAt: later(1_000) });
    // Three orders nobody delivered (their process died): due one grace after they were stored.
    const waiting = await Promise.all([oneRecord(table), oneRecord(table), oneRecord(table)]);
    requests.length = 0;

    const { due, full } = await store.findDue(later(61_000), 100);

    expect(due.map((record) => record.orderId).sort()).toEqual(waiting.map(({ order }) => order.id).sort());
    expect(full).toBe(false);
    // One key-range query over the due buckets and one point read per due row: nothing scans the history.
    const queries = requests.filter((request) => request.filter !== undefined);
    expect(queries).toHaveLength(1);
    expect(queries[0]?.filter).toMatch(/^PartitionKey ge 'due\|' and PartitionKey le 'due\|[^']+'$/);
    expect(requests.reduce((sum, request) => sum + request.rows, 0)).toBe(3 + 3);
  });

  it('moves the row of a record claimed for longer to its lease, and finds it when the lease runs out', async () => {
    const table = await freshTable(azurite.connectionString);
    const store = new DeliveryStore(table);
    const { record } = await oneRecord(table);
    const claimed = await store.replace(record, { ...withoutEtag(record), state: 'delivering', attempts: 1, leaseUntil: later(10 * 60_000) });

    expect((await store.findDue(later(2 * 60_000), 100)).due).toEqual([]);
    expect(await dueRows(table)).toEqual([expect.objectContaining({ partitionKey: dueBucket(later(10 * 60_000)) })]);
    expect((await store.findDue(later(5 * 60_000), 100)).due).toEqual([]);
    expect((await store.findDue(later(10 * 60_000 + 1), 100)).due).toEqual([claimed]);
  });

  it('deletes the row of a record finished elsewhere', async () => {
    const table = await freshTable(azurite.connectionString);
    const store = new DeliveryStore(table);
    const { tenant, record } = await oneRecord(table);
    // Written as another process would after a claim: the row is not where "delivered" looks for it.
    const claimed = await store.replace(record, { ...withoutEtag(record), state: 'delivering', attempts: 1, leaseUntil: later(2 * 60_000) });
    if (!claimed) throw new Error('claim failed');
    await table.updateEntity(deliveryEntity({ ...withoutEtag(claimed), state: 'superseded', leaseUntil: undefined }), 'Replace');
    expect(await dueRows(table)).toHaveLength(1);

    expect((await store.findDue(later(3 * 60_000), 100)).due).toEqual([]);
    expect(await dueRows(table)).toEqual([]);
    expect((await store.listForOrder(tenant, record.orderId))[0]?.state).toBe('superseded');
  });

  it('finds a given-up record again once it is retried', async () => {
    const table = await freshTable(azurite.connectionString);
    const store = new DeliveryStore(table);
    const { record } = await oneRecord(table);
    const failed = await store.replace(record, { ...withoutEtag(record), state: 'failed', attempts: 12, lastError: 'gone' });
    if (!failed) throw new Error('fail write failed');
    expect((await store.findDue(later(2 * 60_000), 100)).due).toEqual([]);

    const retried = await store.replace(failed, { ...withoutEtag(failed), state: 'pending', attempts: 0, lastError: undefined, nextAttemptAt: later(2 * 60_000) });

    expect((await store.findDue(later(2 * 60_000), 100)).due).toEqual([retried]);
  });

  it('keeps a row whose record is not stored yet for a grace period, out of the sweeps\' way, then deletes it', async () => {
    const table = await freshTable(azurite.connectionString);
    const store = new DeliveryStore(table);
    // A commit that wrote its due row and then failed (a repeated submission) or has not landed yet.
    await new OutboxDueIndex(table).schedule([{ tenantId: tenantId(), recordKey: 'order|CSP-00000000|delivery|0001|webhook', dueAt: new Date() }]);

    expect((await store.findDue(new Date(), 100)).due).toEqual([]);
    const [held] = await dueRows(table);
    expect(held?.partitionKey).not.toBe(dueBucket(new Date()));
    expect((await store.findDue(new Date(Date.now() + DUE_ROW_GRACE_MS / 2), 100)).due).toEqual([]);
    expect(await dueRows(table)).toHaveLength(1);

    await store.findDue(new Date(Date.now() + DUE_ROW_GRACE_MS + 60_000), 100);
    expect(await dueRows(table)).toEqual([]);
  });
});
