import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../../bot/storage/delivery-entity.js';
import { DeliveryStore } from '../../../bot/storage/delivery-store.js';
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
