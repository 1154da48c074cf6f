import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardIndex, boardPartition, boardRowKey } from '../../../bot/storage/board-index.js';
import type { BoardRow } from '../../../bot/storage/board-index.js';
import { newOrderId } from '../../../bot/storage/order-id.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { changeOrderStatus, submitOrder } from '../../../src/domain/order/order-lifecycle.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { submission } from '../../support/order-fixtures.js';
import { freshTable, tenantId } from './fixtures.js';

let azurite: AzuriteTables;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

const delivery = { channels: ['teams'], firstAttemptAt: new Date('2026-11-20T10:01:00Z') };
const WHOLE_NOVEMBER = [new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z')] as const;

async function setUp(): Promise<{ table: TableClient; repository: OrderRepository; index: BoardIndex }> {
  const table = await freshTable(azurite.connectionString);
  return { table, repository: new OrderRepository(table), index: new BoardIndex(table) };
}

async function store(repository: OrderRepository, at: string): Promise<StoredOrder> {
  const next = submitOrder({ tenantId: tenantId(), id: newOrderId(), submission: submission(), delivery }, { now: new Date(at) });
  const outcome = await repository.insert(next.order, next.deliveries);
  if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}`);
  return next.order;
}

const idOf = (row: BoardRow): string | undefined => row.rowKey.split('|')[2];

describe('BoardIndex', () => {
  it('holds a confirmed row per stored order, newest first across months, and reads only the range asked', async () => {
    const { repository, index } = await setUp();
    const october = await store(repository, '2026-10-31T23:59:00Z');
    const early = await store(repository, '2026-11-02T08:00:00Z');
    const late = await store(repository, '2026-11-20T08:00:00Z');

    const rows = await index.read(new Date('2026-10-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), 10);
    expect(rows.map(idOf)).toEqual([late.id, early.id, october.id]);
    expect(rows.every((row) => row.pending === undefined && row.confirmed !== undefined)).toBe(true);
    expect(rows[0]?.partition).toBe('board|2026-11');
    expect((await index.read(new Date('2026-11-02T08:00:00Z'), new Date('2026-11-02T08:00:00.001Z'), 10)).map(idOf)).toEqual([early.id]);
    await expect(index.read(...WHOLE_NOVEMBER, 1)).rejects.toThrow(/more than 1 orders/);
  });

  it('confirms a staff status change as seen, and a customer resubmission as not', async () => {
    const { repository, index } = await setUp();
    const order = await store(repository, '2026-11-05T08:00:00Z');
    const loaded = await repository.load(order.tenantId, order.id);
    if (!loaded) throw new Error('stored order not found');
    const change = changeOrderStatus(loaded.order, { status: 'accepted' }, { now: new Date('2026-11-06T08:00:00Z') });
    if (change.kind !== 'changed') throw new Error(change.kind);
    await repository.replace(loaded, change.order);

    const [row] = await index.read(...WHOLE_NOVEMBER, 10);
    expect(row?.confirmed?.status).toBe('accepted');
    expect(row?.seenAt).toBe('2026-11-06T08:00:00.000Z');
  });

  it('backfills orders stored before the index once, and leaves rows written since alone', async () => {
    const { table, repository } = await setUp();
    const old = await store(repository, '2026-11-03T08:00:00Z');
    const newer = await store(repository, '2026-11-04T08:00:00Z');
    // "Before the index": the old order's row is missing; the newer one's says something the backfill must not overwrite.
    await table.deleteEntity(boardPartition(old.createdAt), boardRowKey(Date.parse(old.createdAt), old.tenantId, old.id));
    await table.updateEntity({ partitionKey: boardPartition(newer.createdAt), rowKey: boardRowKey(Date.parse(newer.createdAt), newer.tenantId, newer.id), seenAt: 'x' }, 'Merge');

    const index = new BoardIndex(table);
    await index.ensureBackfilled();
    const rows = await index.read(...WHOLE_NOVEMBER, 10);
    expect(rows.map(idOf)).toEqual([newer.id, old.id]);
    expect(rows[1]?.confirmed).toMatchObject({ id: old.id, status: 'submitted', inn: old.organization.inn });
    expect(rows[0]?.seenAt).toBe('x');

    // Once done (the marker), a new process does not scan again.
    await table.deleteEntity(boardPartition(old.createdAt), boardRowKey(Date.parse(old.createdAt), old.tenantId, old.id));
    await new BoardIndex(table).ensureBackfilled();
    expect((await index.read(...WHOLE_NOVEMBER, 10)).map(idOf)).toEqual([newer.id]);
  });

  it('keeps the newer state when a confirmation arrives after another write touched the row', async () => {
    const { repository, index } = await setUp();
    const order = await store(repository, '2026-11-07T08:00:00Z');
    const staleEtag = await index.prepare(order);
    const accepted: StoredOrder = { ...order, status: 'accepted', updatedAt: '2026-11-08T08:00:00.000Z' };
    await index.confirm(accepted, await index.prepare(accepted));
    // The first write's late confirmation finds the row changed, and does not take it back.
    await index.confirm(order, staleEtag);
    const [row] = await index.read(...WHOLE_NOVEMBER, 10);
    expect(row?.confirmed?.status).toBe('accepted');
    expect(row?.pending).toBeUndefined();
  });
});
