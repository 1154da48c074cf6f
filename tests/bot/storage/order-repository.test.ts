import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerNoticeDelivery } from '../../../src/domain/order/order-events.js';
import { changeOrderStatus, resubmitOrder, submitOrder } from '../../../src/domain/order/order-lifecycle.js';
import { newDeliveryEntity } from '../../../bot/storage/delivery-entity.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { newOrderId } from '../../../bot/storage/order-id.js';
import { recentEntity } from '../../../bot/storage/order-entity.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { journeyOrderOf } from '../../../src/domain/journey/journey.js';
import type { LoadedOrder } from '../../../bot/storage/order-repository.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { CountedTable, freshTable, tenantId } from './fixtures.js';
import { submission } from '../../support/order-fixtures.js';

let azurite: AzuriteTables;
let table: TableClient;
let repository: OrderRepository;
const channels = ['teams', 'webhook'];
const now = new Date('2026-11-20T10:00:00.000Z');
const delivery = { channels, firstAttemptAt: new Date(now.getTime() + 60_000) };

beforeAll(async () => {
  azurite = await startAzurite();
  table = await freshTable(azurite.connectionString);
  repository = new OrderRepository(table);
});

afterAll(async () => {
  await azurite?.stop();
});

function newOrder(tenant: string, input = submission(), at = now) {
  return submitOrder({ tenantId: tenant, id: newOrderId(), submission: input, delivery }, { now: at, actor: 'Иван Иванов' });
}

async function stored(tenant: string, input = submission(), at = now): Promise<StoredOrder> {
  const next = newOrder(tenant, input, at);
  const outcome = await repository.insert(next.order, next.deliveries);
  if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}`);
  return next.order;
}

async function loaded(tenant: string, orderId: string): Promise<LoadedOrder> {
  const order = await repository.load(tenant, orderId);
  if (!order) throw new Error(`order ${orderId} not found`);
  return order;
}

function accepted(order: StoredOrder): StoredOrder {
  const next = changeOrderStatus(order, { status: 'accepted' }, { now });
  if (next.kind !== 'changed') throw new Error(`expected changed, got ${next.kind}`);
  return next.order;
}

describe('OrderRepository.insert', () => {
  it('stores the order with a pending delivery per channel in one go', async () => {
    const tenant = tenantId();
    const next = newOrder(tenant);
    const outcome = await repository.insert(next.order, next.deliveries);

    if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}`);
    expect(outcome.newDeliveries.map((d) => [d.channel, d.state, d.revision, d.nextAttemptAt])).toEqual([
      ['teams', 'pending', 1, delivery.firstAttemptAt],
      ['webhook', 'pending', 1, delivery.firstAttemptAt],
    ]);
    expect(outcome.newDeliveries.every((d) => d.etag.length > 0)).toBe(true);
    const read = await repository.get(tenant, next.order.id);
    expect(read).toEqual(outcome.order);
    expect(read).toMatchObject(next.order);
    expect(read?.deliveries.map((d) => d.channel)).toEqual(['teams', 'webhook']);
  });

  it('answers a repeated submission id with the stored order', async () => {
    const tenant = tenantId();
    const input = submission();
    const first = await stored(tenant, input);
    const again = newOrder(tenant, { ...input, technicalDomain: 'other.onmicrosoft.com' });

    const outcome = await repository.insert(again.order, again.deliveries);

    expect(outcome.kind === 'duplicate' && outcome.order.id).toBe(first.id);
    expect(await repository.list(tenant)).toHaveLength(1);
  });

  it('stores exactly one order for 20 concurrent repeats', async () => {
    const tenant = tenantId();
    const input = submission();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => {
        const next = newOrder(tenant, input);
        return repository.insert(next.order, next.deliveries);
      }),
    );

    expect(outcomes.filter((outcome) => outcome.kind === 'stored')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'duplicate')).toHaveLength(19);
    const orders = await repository.list(tenant);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.deliveries).toHaveLength(channels.length);
  });

  it('answers idTaken when only the order id collides', async () => {
    const tenant = tenantId();
    const first = await stored(tenant);
    const next = newOrder(tenant);

    expect(await repository.insert({ ...next.order, id: first.id }, [])).toEqual({ kind: 'idTaken' });
  });

  it('keeps the same submission id apart per tenant', async () => {
    const input = submission();
    await stored(tenantId(), input);
    const other = newOrder(tenantId(), input);
    expect((await repository.insert(other.order, other.deliveries)).kind).toBe('stored');
  });
});

describe('OrderRepository.replace', () => {
  it('writes the next state conditionally on the ETag read', async () => {
    const tenant = tenantId();
    const order = await stored(tenant);
    const before = await loaded(tenant, order.id);

    const outcome = await repository.replace(before, accepted(before.order));

    expect(outcome.kind === 'stored' && outcome.order.status).toBe('accepted');
    expect(outcome.kind === 'stored' && outcome.newDeliveries).toEqual([]);
    expect((await repository.get(tenant, order.id))?.status).toBe('accepted');
    // The first write changed the ETag: a second write from the same read is stale.
    expect(await repository.replace(before, accepted(before.order))).toEqual({ kind: 'stale' });
  });

  it('stores a new revision with its idempotency row and deliveries in one transaction', async () => {
    const tenant = tenantId();
    const order = await stored(tenant);
    const sent = changeOrderStatus(order, { status: 'changesRequested', comment: 'ИНН' }, { now });
    if (sent.kind !== 'changed') throw new Error(sent.kind);
    await repository.replace(await loaded(tenant, order.id), sent.order);
    const before = await loaded(tenant, order.id);
    const next = resubmitOrder(before.order, submission({ lines: [{ sku: 'SPB', quantity: 3 }] }), delivery, { now }, { catalog: [], evidence: 'confirmed' });
    if (next.kind !== 'resubmitted') throw new Error(next.kind);

    const outcome = await repository.replace(before, next.order, next.deliveries);

    if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}`);
    expect(outcome.newDeliveries.map((d) => `${d.channel}@${d.revision}`)).toEqual(['teams@2', 'webhook@2']);
    const read = await repository.get(tenant, order.id);
    expect(read).toEqual(outcome.order);
    // What the revision changed and the evidence at submission come back from storage as written.
    expect(read?.history.at(-1)?.changes).toEqual([
      { field: 'line', sku: 'SPB', after: '3' },
      { field: 'line', sku: 'O365_BUSINESS_PREMIUM', before: '25' },
    ]);
    expect(read?.evidenceAtSubmission).toBe('confirmed');
    expect(read?.deliveries.map((d) => `${d.channel}@${d.revision}`)).toEqual(['teams@1', 'webhook@1', 'teams@2', 'webhook@2']);
  });

  it('names the owner of a submission id that is already stored', async () => {
    const tenant = tenantId();
    const other = await stored(tenant);
    const order = await stored(tenant);
    const before = await loaded(tenant, order.id);

    const outcome = await repository.replace(before, { ...before.order, submissionId: other.submissionId, revision: 2 }, []);

    expect(outcome).toEqual({ kind: 'submissionTaken', owner: other.id });
    expect((await repository.get(tenant, order.id))?.revision).toBe(1);
  });
});

describe('OrderRepository: a status change with its customer notice', () => {
  const submitter = { userId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b', teamsUserId: '29:1customer-ivanov' };

  async function withSubmitter(tenant: string) {
    const next = newOrder(tenant);
    const outcome = await repository.insert(next.order, next.deliveries, submitter);
    if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}`);
    const before = await loaded(tenant, next.order.id);
    const change = changeOrderStatus(before.order, { status: 'accepted' }, { now });
    if (change.kind !== 'changed') throw new Error(change.kind);
    const notice = customerNoticeDelivery(change.notice, { createdAt: now, firstAttemptAt: delivery.firstAttemptAt, submitter: before.submitter ?? {} });
    return { before, change, notice };
  }

  it('stores the status and the notice record in one transaction, the notice naming the submitter', async () => {
    const tenant = tenantId();
    const { before, change, notice } = await withSubmitter(tenant);
    expect(before.submitter).toEqual(submitter);

    const outcome = await repository.replace(before, change.order, [notice]);

    if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}`);
    expect(outcome.newDeliveries.map((d) => [d.channel, d.state, d.notice])).toEqual([['customerNotice', 'pending', { step: 1, submitter }]]);
    const after = await loaded(tenant, before.order.id);
    expect(after.order.status).toBe('accepted');
    expect(after.submitter).toEqual(submitter);
    // In key order: `…|customerNotice|0001` sorts before `…|teams`.
    expect(after.deliveries.map((d) => d.channel)).toEqual(['customerNotice', 'teams', 'webhook']);
    // What the customer reads lists the deliveries to the distributor only.
    expect((await repository.get(tenant, before.order.id))?.deliveries.map((d) => d.channel)).toEqual(['teams', 'webhook']);
    expect((await repository.list(tenant))[0]?.deliveries.map((d) => d.channel)).toEqual(['teams', 'webhook']);
  });

  it('writes neither the status nor the notice when the order changed meanwhile', async () => {
    const tenant = tenantId();
    const { before, change, notice } = await withSubmitter(tenant);
    await repository.replace(before, accepted(before.order));

    expect(await repository.replace(before, change.order, [notice])).toEqual({ kind: 'stale' });

    const after = await loaded(tenant, before.order.id);
    expect(after.order.history).toHaveLength(2);
    expect(after.deliveries.map((d) => d.channel)).toEqual(['teams', 'webhook']);
  });

  it('writes neither when the notice record cannot be written', async () => {
    const tenant = tenantId();
    const { before, change, notice } = await withSubmitter(tenant);
    // A record already under the notice's key makes its create, and so the whole transaction, fail.
    await table.createEntity(newDeliveryEntity(notice));
    const rowsBefore = await loaded(tenant, before.order.id);

    await expect(repository.replace(rowsBefore, change.order, [notice])).rejects.toThrow();

    const after = await loaded(tenant, before.order.id);
    expect(after.order.status).toBe('submitted');
    expect(after.etag).toBe(rowsBefore.etag);
  });

  it('keeps "unknown" evidence apart from none recorded', async () => {
    const tenant = tenantId();
    const unknown = submitOrder({ tenantId: tenant, id: newOrderId(), submission: submission(), delivery, evidence: null }, { now });
    await repository.insert(unknown.order, unknown.deliveries);
    const old = await stored(tenant);
    expect((await repository.get(tenant, unknown.order.id))?.evidenceAtSubmission).toBeNull();
    expect((await repository.get(tenant, old.id))?.evidenceAtSubmission).toBeUndefined();
  });

  it('keeps no submitter for an order stored without one', async () => {
    const tenant = tenantId();
    const order = await stored(tenant);

    const before = await loaded(tenant, order.id);
    expect(before.submitter).toBeUndefined();
    await repository.replace(before, accepted(before.order));
    expect((await loaded(tenant, order.id)).submitter).toBeUndefined();
  });
});

describe('OrderRepository reads', () => {
  it("never returns another tenant's order", async () => {
    const tenantA = tenantId();
    const tenantB = tenantId();
    const order = await stored(tenantA);

    expect(await repository.get(tenantB, order.id)).toBeUndefined();
    expect(await repository.load(tenantB, order.id)).toBeUndefined();
    expect(await repository.list(tenantB)).toEqual([]);
  });

  it('answers undefined for unknown or malformed ids', async () => {
    const tenant = tenantId();
    expect(await repository.get(tenant, 'CSP-00000000')).toBeUndefined();
    expect(await repository.get(tenant, "x' or PartitionKey ne '")).toBeUndefined();
  });

  it('lists newest first, bounded, and finds the latest', async () => {
    const tenant = tenantId();
    const bounded = new OrderRepository(table, { listLimit: 3 });
    const ids: string[] = [];
    for (let day = 1; day <= 4; day++) {
      ids.push((await stored(tenant, submission(), new Date(`2026-11-0${day}T12:00:00.000Z`))).id);
    }

    const listed = await bounded.list(tenant);
    expect(listed.map((order) => order.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(listed[0]?.deliveries).toHaveLength(2);
    expect((await bounded.findLatest(tenant))?.id).toBe(ids[3]);
    expect(await bounded.findLatest(tenantId())).toBeUndefined();
  });

  it("reads the journey's facts of the newest orders from their index rows alone, kept up to date by each change", async () => {
    const tenant = tenantId();
    const first = await stored(tenant, submission(), new Date('2026-11-01T12:00:00.000Z'));
    const second = await stored(tenant, submission(), new Date('2026-11-02T12:00:00.000Z'));
    const accepting = await loaded(tenant, first.id);
    const acceptedFirst = accepted(first);
    expect((await repository.replace(accepting, acceptedFirst)).kind).toBe('stored');

    const counted = new CountedTable(azurite.connectionString, table.tableName);
    const reader = new OrderRepository(counted.table);
    // The first read of a tenant in a process checks its index once (OrderRepository.ensureIndexed).
    await reader.recentJourneyOrders(tenant, 1);
    counted.requests = 0;
    const journeyOrders = await reader.recentJourneyOrders(tenant, 50);
    expect(journeyOrders).toEqual([journeyOrderOf(second), journeyOrderOf(acceptedFirst)]);
    expect(journeyOrders[1]?.acceptedAt).toBe(now.toISOString());
    expect(counted.requests).toBe(1);
  });

  it("reads the order for an index row written before index rows carried the journey's facts", async () => {
    const tenant = tenantId();
    const order = await stored(tenant);
    const indexRow = recentEntity(order);
    await table.upsertEntity({ partitionKey: indexRow.partitionKey, rowKey: indexRow.rowKey, kind: indexRow['kind'], orderId: order.id }, 'Replace');

    expect(await repository.recentJourneyOrders(tenant, 50)).toEqual([journeyOrderOf(order)]);
  });

  it('refuses a stored row of the wrong shape instead of returning it', async () => {
    const tenant = tenantId();
    const order = await stored(tenant);
    await table.updateEntity({ partitionKey: tenant, rowKey: `order|${order.id}`, submission: '{"lines": 5}' }, 'Merge');

    await expect(repository.get(tenant, order.id)).rejects.toThrow(/unexpected shape/);
  });
});
