import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidStatusTransitionError,
  OrderConflictError,
  OrderNotFoundError,
} from '../../../bot/storage/order-errors.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { isOrderId } from '../../../bot/storage/order-id.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { freshTable, tenantId } from './fixtures.js';
import { submission } from '../../support/order-fixtures.js';

let azurite: AzuriteTables;
let table: TableClient;
let repository: OrderRepository;
const channels = ['teams', 'webhook'];
const now = new Date('2026-11-20T10:00:00.000Z');

beforeAll(async () => {
  azurite = await startAzurite();
  table = await freshTable(azurite.connectionString);
  repository = new OrderRepository(table);
});

afterAll(async () => {
  await azurite?.stop();
});

describe('OrderRepository.create', () => {
  it('stores the order with a pending delivery per channel in one go', async () => {
    const tenant = tenantId();
    const input = submission();
    const { order, created, newDeliveries } = await repository.create(tenant, input, {
      channels,
      now,
      actor: 'Иван Иванов',
    });

    expect(created).toBe(true);
    expect(isOrderId(order.id)).toBe(true);
    expect(order).toMatchObject({ ...input, tenantId: tenant, status: 'submitted', revision: 1 });
    expect(order.createdAt).toBe(now.toISOString());
    expect(order.history).toEqual([{ status: 'submitted', at: now.toISOString(), revision: 1, by: 'Иван Иванов' }]);
    expect(newDeliveries.map((d) => [d.channel, d.state, d.revision])).toEqual([
      ['teams', 'pending', 1],
      ['webhook', 'pending', 1],
    ]);
    expect(newDeliveries.every((d) => d.etag.length > 0)).toBe(true);

    const read = await repository.get(tenant, order.id);
    expect(read).toEqual(order);
    expect(read?.deliveries.map((d) => d.channel)).toEqual(['teams', 'webhook']);
  });

  it('returns the first order when the submission id repeats', async () => {
    const tenant = tenantId();
    const input = submission();
    const first = await repository.create(tenant, input, { channels, now });
    const again = await repository.create(tenant, { ...input, technicalDomain: 'other.onmicrosoft.com' }, {
      channels,
      now,
    });

    expect(again.created).toBe(false);
    expect(again.newDeliveries).toEqual([]);
    expect(again.order).toEqual(first.order);
    expect(await repository.list(tenant)).toHaveLength(1);
  });

  it('creates exactly one order for 20 concurrent repeats', async () => {
    const tenant = tenantId();
    const input = submission();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => repository.create(tenant, input, { channels, now })),
    );

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.order.id)).size).toBe(1);
    const stored = await repository.list(tenant);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.deliveries).toHaveLength(channels.length);
  });

  it('keeps the same submission id apart per tenant', async () => {
    const input = submission();
    const a = await repository.create(tenantId(), input, { channels, now });
    const b = await repository.create(tenantId(), input, { channels, now });
    expect(b.created).toBe(true);
    expect(b.order.id).not.toBe(a.order.id);
  });
});

describe('OrderRepository reads', () => {
  it("never returns another tenant's order", async () => {
    const tenantA = tenantId();
    const tenantB = tenantId();
    const { order } = await repository.create(tenantA, submission(), { channels, now });

    expect(await repository.get(tenantB, order.id)).toBeUndefined();
    expect(await repository.list(tenantB)).toEqual([]);
    await expect(repository.changeStatus(tenantB, order.id, { status: 'accepted', now })).rejects.toBeInstanceOf(
      OrderNotFoundError,
    );
    expect((await repository.get(tenantA, order.id))?.status).toBe('submitted');
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
      const { order } = await bounded.create(tenant, submission(), {
        channels,
        now: new Date(`2026-11-0${day}T12:00:00.000Z`),
      });
      ids.push(order.id);
    }

    const listed = await bounded.list(tenant);
    expect(listed.map((order) => order.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(listed[0]?.deliveries).toHaveLength(2);
    expect((await bounded.findLatest(tenant))?.id).toBe(ids[3]);
    expect(await bounded.findLatest(tenantId())).toBeUndefined();
  });

  it('refuses a stored row of the wrong shape instead of returning it', async () => {
    const tenant = tenantId();
    const { order } = await repository.create(tenant, submission(), { channels, now });
    await table.updateEntity({ partitionKey: tenant, rowKey: `order|${order.id}`, submission: '{"lines": 5}' }, 'Merge');

    await expect(repository.get(tenant, order.id)).rejects.toThrow(/unexpected shape/);
  });
});

describe('OrderRepository.changeStatus', () => {
  it('follows the allowed transitions and records history', async () => {
    const tenant = tenantId();
    const { order } = await repository.create(tenant, submission(), { channels, now });
    const later = new Date('2026-11-21T09:00:00.000Z');

    const accepted = await repository.changeStatus(tenant, order.id, { status: 'accepted', by: 'Пётр', now: later });
    expect(accepted.status).toBe('accepted');
    expect(accepted.updatedAt).toBe(later.toISOString());
    expect(accepted.history.at(-1)).toEqual({ status: 'accepted', at: later.toISOString(), by: 'Пётр', revision: 1 });

    const completed = await repository.changeStatus(tenant, order.id, { status: 'completed', now: later });
    expect(completed.history.map((change) => change.status)).toEqual(['submitted', 'accepted', 'completed']);
    expect(await repository.get(tenant, order.id)).toEqual(completed);
  });

  it.each([
    ['submitted', 'completed'],
    ['submitted', 'submitted'],
  ] as const)('rejects %s → %s with a typed error', async (_from, to) => {
    const tenant = tenantId();
    const { order } = await repository.create(tenant, submission(), { channels, now });
    const attempt = repository.changeStatus(tenant, order.id, { status: to, now });
    await expect(attempt).rejects.toBeInstanceOf(InvalidStatusTransitionError);
    await expect(attempt).rejects.toMatchObject({ from: 'submitted', to });
  });

  it('rejects any change of a completed order', async () => {
    const tenant = tenantId();
    const { order } = await repository.create(tenant, submission(), { channels, now });
    await repository.changeStatus(tenant, order.id, { status: 'accepted', now });
    await repository.changeStatus(tenant, order.id, { status: 'completed', now });
    await expect(
      repository.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'x', now }),
    ).rejects.toBeInstanceOf(InvalidStatusTransitionError);
  });

  it('lets only one of two concurrent identical changes win (ETag)', async () => {
    const tenant = tenantId();
    const { order } = await repository.create(tenant, submission(), { channels, now });

    const outcomes = await Promise.allSettled([
      repository.changeStatus(tenant, order.id, { status: 'accepted', by: 'A', now }),
      repository.changeStatus(tenant, order.id, { status: 'accepted', by: 'B', now }),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(InvalidStatusTransitionError);
    const stored = await repository.get(tenant, order.id);
    expect(stored?.history.filter((change) => change.status === 'accepted')).toHaveLength(1);
  });

  it('re-checks a change against what a concurrent change left behind', async () => {
    const tenant = tenantId();
    const { order } = await repository.create(tenant, submission(), { channels, now });
    await repository.changeStatus(tenant, order.id, { status: 'accepted', now });

    // Neither changesRequested → completed nor completed → changesRequested is allowed.
    const outcomes = await Promise.allSettled([
      repository.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'ИНН', now }),
      repository.changeStatus(tenant, order.id, { status: 'completed', now }),
    ]);

    const winners = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.status] : []));
    expect(winners).toHaveLength(1);
    const stored = await repository.get(tenant, order.id);
    expect(stored?.history.map((change) => change.status)).toEqual(['submitted', 'accepted', winners[0]]);
  });

  it('rejects a change against a stale revision', async () => {
    const tenant = tenantId();
    const { order } = await repository.create(tenant, submission(), { channels, now });
    await expect(
      repository.changeStatus(tenant, order.id, { status: 'accepted', now, expectedRevision: 2 }),
    ).rejects.toBeInstanceOf(OrderConflictError);
    const ok = await repository.changeStatus(tenant, order.id, { status: 'accepted', now, expectedRevision: 1 });
    expect(ok.status).toBe('accepted');
  });
});

describe('OrderRepository.resubmit', () => {
  async function orderWithChangesRequested(tenant: string) {
    const { order } = await repository.create(tenant, submission(), { channels, now });
    await repository.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'Проверьте ИНН', now });
    return order;
  }

  it('stores the next revision with new pending deliveries', async () => {
    const tenant = tenantId();
    const order = await orderWithChangesRequested(tenant);
    const later = new Date('2026-11-22T08:00:00.000Z');
    const changed = submission({ lines: [{ sku: 'SPB', quantity: 3 }] });

    const { order: resubmitted, created, newDeliveries } = await repository.resubmit(tenant, order.id, changed, {
      channels,
      now: later,
      actor: 'Иван',
    });

    expect(created).toBe(true);
    expect(resubmitted).toMatchObject({ id: order.id, status: 'submitted', revision: 2, lines: changed.lines });
    expect(resubmitted.createdAt).toBe(order.createdAt);
    expect(resubmitted.history.map((change) => [change.status, change.revision])).toEqual([
      ['submitted', 1],
      ['changesRequested', 1],
      ['submitted', 2],
    ]);
    expect(newDeliveries.map((d) => [d.channel, d.revision, d.state])).toEqual([
      ['teams', 2, 'pending'],
      ['webhook', 2, 'pending'],
    ]);
    const stored = await repository.get(tenant, order.id);
    expect(stored).toEqual(resubmitted);
    expect(stored?.deliveries.map((d) => `${d.channel}@${d.revision}`)).toEqual([
      'teams@1',
      'webhook@1',
      'teams@2',
      'webhook@2',
    ]);
  });

  it('is idempotent for a repeated resubmission, also concurrently', async () => {
    const tenant = tenantId();
    const order = await orderWithChangesRequested(tenant);
    const changed = submission();

    const results = await Promise.all(
      Array.from({ length: 5 }, () => repository.resubmit(tenant, order.id, changed, { channels, now })),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const stored = await repository.get(tenant, order.id);
    expect(stored?.revision).toBe(2);
    expect(stored?.deliveries).toHaveLength(4);
  });

  it('is only possible after changes were requested', async () => {
    const tenant = tenantId();
    const { order } = await repository.create(tenant, submission(), { channels, now });
    await expect(repository.resubmit(tenant, order.id, submission(), { channels, now })).rejects.toMatchObject({
      name: 'InvalidStatusTransitionError',
      from: 'submitted',
      to: 'submitted',
    });
    await expect(repository.resubmit(tenant, 'CSP-00000000', submission(), { channels, now })).rejects.toBeInstanceOf(
      OrderNotFoundError,
    );
  });

  it("refuses a submission id that belongs to another order", async () => {
    const tenant = tenantId();
    const other = await repository.create(tenant, submission(), { channels, now });
    const order = await orderWithChangesRequested(tenant);
    await expect(
      repository.resubmit(tenant, order.id, submission({ submissionId: other.order.submissionId }), { channels, now }),
    ).rejects.toBeInstanceOf(OrderConflictError);
    expect((await repository.get(tenant, order.id))?.revision).toBe(1);
  });
});
