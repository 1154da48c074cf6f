import type { TableClient } from '@azure/data-tables';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PermanentDeliveryError } from '../../../bot/delivery/delivery-channel.js';
import type { DeliveryChannel } from '../../../bot/delivery/delivery-channel.js';
import { createWebhookChannel } from '../../../bot/delivery/webhook-channel.js';
import { DeliveryStore } from '../../../bot/storage/delivery-store.js';
import { OutboxWorker } from '../../../bot/outbox/outbox-worker.js';
import type { OutboxWorkerOptions } from '../../../bot/outbox/outbox-worker.js';
import type { OrderWithDeliveries } from '../../../bot/storage/order-repository.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import type { TableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { startHungHttpReceiver } from '../delivery/hung-receivers.js';
import { CATALOG, RecordingChannel, RecordingLogger, freshTable, tenantId, waitUntil } from '../storage/fixtures.js';
import { StoredOrders } from '../storage/stored-orders.js';
import { submission } from '../../support/order-fixtures.js';

let azurite: AzuriteTables;
let storage: TableStorage;
const workers: OutboxWorker[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  storage = createTableStorage(azurite.connectionString);
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

afterAll(async () => {
  await azurite?.stop();
});

/** One test's world: its own table, so no other test's records reach its sweeps. */
async function setUp({ firstAttemptGraceMs = 60_000 }: { firstAttemptGraceMs?: number } = {}) {
  const table: TableClient = await freshTable(azurite.connectionString, storage);
  const repository = new StoredOrders(table, { firstAttemptGraceMs });
  const store = new DeliveryStore(table);
  const logger = new RecordingLogger();
  const newWorker = (channels: readonly DeliveryChannel[], options: Partial<OutboxWorkerOptions> = {}) => {
    const worker = new OutboxWorker({
      store,
      orders: repository,
      channels,
      logger,
      sweepIntervalMs: 60_000,
      leaseMs: 4_000,
      backoff: { baseMs: 20, maxMs: 100 },
      maxAttempts: 5,
      ...options,
    });
    workers.push(worker);
    return worker;
  };
  const tenant = tenantId();
  const deliveriesOf = async (orderId: string) => (await repository.get(tenant, orderId))?.deliveries ?? [];
  const settled = (order: OrderWithDeliveries) =>
    waitUntil(
      () => deliveriesOf(order.id),
      (deliveries) => deliveries.length > 0 && deliveries.every((d) => d.state !== 'pending' && d.state !== 'delivering'),
    );
  return { table, repository, store, logger, newWorker, tenant, deliveriesOf, settled };
}

describe('OutboxWorker', () => {
  it('delivers a stored order to every channel right after the commit', async () => {
    const { repository, newWorker, tenant, settled, logger } = await setUp();
    const teams = new RecordingChannel('teams');
    const webhook = new RecordingChannel('webhook');
    const worker = newWorker([teams, webhook]);
    worker.start();

    const { order, newDeliveries } = await repository.create(tenant, submission(), {
      channels: ['teams', 'webhook'],
      now: new Date(),
    });
    worker.dispatch(order, newDeliveries);

    const deliveries = await settled(order);
    expect(deliveries.map((d) => [d.channel, d.state, d.attempts])).toEqual([
      ['teams', 'delivered', 1],
      ['webhook', 'delivered', 1],
    ]);
    expect(deliveries.every((d) => d.deliveredAt !== undefined)).toBe(true);
    expect(teams.calls).toHaveLength(1);
    expect(webhook.calls).toHaveLength(1);
    expect(teams.calls[0]?.id).toBe(order.id);
    expect(teams.calls[0]).not.toHaveProperty('deliveries');
    // The worker logs after its write (and the due row's removal), so storage may say "delivered" first.
    const delivered = await waitUntil(
      () => logger.entries.filter((entry) => entry.message === 'delivery delivered'),
      (entries) => entries.length >= 2,
    );
    expect(delivered).toHaveLength(2);
  });

  it('delivers on notify, claiming each record first', async () => {
    const { repository, newWorker, tenant, settled, logger } = await setUp();
    const teams = new RecordingChannel('teams');
    const worker = newWorker([teams]);
    worker.start();
    const { order } = await repository.create(tenant, submission(), { channels: ['teams'], now: new Date() });

    worker.notify(tenant, order.id);

    expect((await settled(order)).map((d) => [d.state, d.attempts])).toEqual([['delivered', 1]]);
    expect(teams.callsFor(order.id)).toHaveLength(1);
    expect(teams.calls[0]).not.toHaveProperty('deliveries');
    await waitUntil(() => logger.entries.length, (count) => count >= 2);
    expect(logger.entries.map((entry) => [entry.level, entry.message, entry.fields['state']])).toEqual([
      ['info', 'delivery claimed', 'delivering'],
      ['info', 'delivery delivered', 'delivered'],
    ]);
  });

  it('retries a failing channel with backoff until it succeeds', async () => {
    const { repository, newWorker, tenant, settled, logger } = await setUp();
    const callTimes: number[] = [];
    const flaky = new RecordingChannel('webhook', async (_order, call) => {
      callTimes.push(Date.now());
      if (call <= 2) throw new Error(`HTTP 503 (call ${call})`);
    });
    const worker = newWorker([flaky], { random: () => 0.5 });
    worker.start();
    const { order, newDeliveries } = await repository.create(tenant, submission(), {
      channels: ['webhook'],
      now: new Date(),
    });

    worker.dispatch(order, newDeliveries);

    expect((await settled(order)).map((d) => [d.state, d.attempts])).toEqual([['delivered', 3]]);
    expect(flaky.calls).toHaveLength(3);
    const retries = logger.entries.filter((entry) => entry.message === 'delivery attempt failed; will retry');
    expect(retries.map((entry) => [entry.fields['attempts'], entry.fields['lastError']])).toEqual([
      [1, 'HTTP 503 (call 1)'],
      [2, 'HTTP 503 (call 2)'],
    ]);
    // Each retry waits at least until the logged nextAttemptAt (base 20 ms, doubling).
    retries.forEach((entry, index) => {
      const nextAttemptAt = Date.parse(String(entry.fields['nextAttemptAt']));
      expect(callTimes[index + 1]).toBeGreaterThanOrEqual(nextAttemptAt);
    });
  });

  it('fails a permanent error at once and leaves the other channels alone', async () => {
    const { repository, newWorker, tenant, settled, logger } = await setUp();
    const rejecting = new RecordingChannel('webhook', async () => {
      throw new PermanentDeliveryError('HTTP 400: payload rejected');
    });
    const teams = new RecordingChannel('teams');
    const worker = newWorker([teams, rejecting]);
    worker.start();
    const { order, newDeliveries } = await repository.create(tenant, submission(), {
      channels: ['teams', 'webhook'],
      now: new Date(),
    });

    worker.dispatch(order, newDeliveries);

    const deliveries = await settled(order);
    expect(deliveries).toEqual([
      expect.objectContaining({ channel: 'teams', state: 'delivered', attempts: 1 }),
      expect.objectContaining({ channel: 'webhook', state: 'failed', attempts: 1, lastError: 'HTTP 400: payload rejected' }),
    ]);
    expect(rejecting.calls).toHaveLength(1);
    expect(teams.calls).toHaveLength(1);
    expect(logger.entries.find((entry) => entry.level === 'error')?.fields).toMatchObject({
      channel: 'webhook',
      state: 'failed',
    });
  });

  it('gives up after the maximum number of attempts', async () => {
    const { repository, newWorker, tenant, settled } = await setUp();
    const down = new RecordingChannel('email', async () => {
      throw new Error('SMTP connection refused');
    });
    const worker = newWorker([down], { maxAttempts: 3 });
    worker.start();
    const { order, newDeliveries } = await repository.create(tenant, submission(), {
      channels: ['email'],
      now: new Date(),
    });

    worker.dispatch(order, newDeliveries);

    expect(await settled(order)).toEqual([
      expect.objectContaining({
        state: 'failed',
        attempts: 3,
        lastError: 'gave up after 3 attempts: SMTP connection refused',
      }),
    ]);
    expect(down.calls).toHaveLength(3);
  });

  it('fails records of a channel that is no longer configured', async () => {
    const { repository, newWorker, tenant, settled } = await setUp({ firstAttemptGraceMs: 0 });
    const teams = new RecordingChannel('teams');
    const { order } = await repository.create(tenant, submission(), { channels: ['teams', 'email'], now: new Date() });

    newWorker([teams], { sweepIntervalMs: 20 }).start();

    expect(await settled(order)).toEqual([
      expect.objectContaining({ channel: 'email', state: 'failed', attempts: 0, lastError: 'channel "email" is not configured any more' }),
      expect.objectContaining({ channel: 'teams', state: 'delivered' }),
    ]);
  });

  it('marks an older revision superseded and delivers the newer one once', async () => {
    const { repository, newWorker, tenant, settled } = await setUp({ firstAttemptGraceMs: 0 });
    const teams = new RecordingChannel('teams');
    const now = new Date();
    const { order } = await repository.create(tenant, submission(), { channels: ['teams'], now });
    await repository.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'ИНН', now });
    await repository.resubmit(tenant, order.id, submission({ lines: [{ sku: 'SPB', quantity: 2 }] }), {
      channels: ['teams'],
      now,
    });

    newWorker([teams], { sweepIntervalMs: 20 }).start();

    expect((await settled(order)).map((d) => [d.revision, d.state])).toEqual([
      [1, 'superseded'],
      [2, 'delivered'],
    ]);
    expect(teams.calls.map((call) => [call.revision, call.lines[0]?.sku])).toEqual([[2, 'SPB']]);
  });

  it('sweeps up due records that nobody dispatched', async () => {
    const { repository, newWorker, tenant, settled } = await setUp({ firstAttemptGraceMs: 0 });
    const teams = new RecordingChannel('teams');
    const orders = await Promise.all(
      Array.from({ length: 5 }, () => repository.create(tenant, submission(), { channels: ['teams'], now: new Date() })),
    );

    newWorker([teams], { sweepIntervalMs: 20 }).start();

    for (const { order } of orders) {
      expect((await settled(order)).map((d) => d.state)).toEqual(['delivered']);
      expect(teams.callsFor(order.id)).toHaveLength(1);
    }
  });

  it('never lets two workers send the same delivery (lease)', async () => {
    const { repository, newWorker, tenant, settled } = await setUp({ firstAttemptGraceMs: 0 });
    const slow = async () => new Promise<void>((resolve) => setTimeout(resolve, 15));
    const first = new RecordingChannel('teams', slow);
    const second = new RecordingChannel('teams', slow);
    const orders = await Promise.all(
      Array.from({ length: 12 }, () => repository.create(tenant, submission(), { channels: ['teams'], now: new Date() })),
    );

    // Both sweep the same due records as fast as they can, and both are told about every order.
    const workerA = newWorker([first], { sweepIntervalMs: 5 });
    const workerB = newWorker([second], { sweepIntervalMs: 5 });
    workerA.start();
    workerB.start();
    for (const { order } of orders) {
      workerA.notify(tenant, order.id);
      workerB.notify(tenant, order.id);
    }

    for (const { order } of orders) await settled(order);
    await Promise.all([workerA.stop(), workerB.stop()]);
    for (const { order } of orders) {
      expect(first.callsFor(order.id).length + second.callsFor(order.id).length).toBe(1);
    }
  });

  it('leaves undelivered work to the next worker after a stop, which delivers it exactly once', async () => {
    const { repository, newWorker, tenant, settled } = await setUp({ firstAttemptGraceMs: 200 });
    const beforeRestart = new RecordingChannel('teams');
    const { order } = await repository.create(tenant, submission(), { channels: ['teams'], now: new Date() });
    const stopped = newWorker([beforeRestart]);
    stopped.start();
    await stopped.stop();

    const afterRestart = new RecordingChannel('teams');
    const worker = newWorker([afterRestart], { sweepIntervalMs: 20 });
    worker.start();

    expect((await settled(order)).map((d) => [d.state, d.attempts])).toEqual([['delivered', 1]]);
    await worker.stop();
    expect(beforeRestart.calls).toHaveLength(0);
    expect(afterRestart.callsFor(order.id)).toHaveLength(1);
  });

  it('takes over a claimed delivery once the lease of its (dead) worker ran out', async () => {
    const { repository, store, newWorker, tenant, settled } = await setUp();
    const { order } = await repository.create(tenant, submission(), { channels: ['teams'], now: new Date() });
    // A worker claimed the record and died: the row says "delivering" until the lease ends.
    const [record] = await store.listForOrder(tenant, order.id);
    if (!record) throw new Error('no delivery record');
    const leaseUntil = new Date(Date.now() + 300);
    await store.replace(record, { ...record, state: 'delivering', attempts: 1, leaseUntil });

    let deliveredAt = 0;
    const teams = new RecordingChannel('teams', async () => {
      deliveredAt = Date.now();
    });
    newWorker([teams], { sweepIntervalMs: 20 }).start();

    expect((await settled(order)).map((d) => [d.state, d.attempts])).toEqual([['delivered', 2]]);
    expect(teams.callsFor(order.id)).toHaveLength(1);
    expect(deliveredAt).toBeGreaterThanOrEqual(leaseUntil.getTime());
  });

  it('waits for the attempt in flight when stopped', async () => {
    const { repository, newWorker, tenant, deliveriesOf } = await setUp();
    let release: () => void = () => {};
    const gated = new RecordingChannel('teams', () => new Promise<void>((resolve) => (release = resolve)));
    const worker = newWorker([gated]);
    worker.start();
    const { order, newDeliveries } = await repository.create(tenant, submission(), {
      channels: ['teams'],
      now: new Date(),
    });
    worker.dispatch(order, newDeliveries);
    await waitUntil(() => gated.calls.length, (calls) => calls === 1);

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect((await deliveriesOf(order.id)).map((d) => d.state)).toEqual(['delivered']);
  });

  it('keeps at most maxQueued jobs in memory, warns once, and leaves the rest to sweeps: each delivered once', async () => {
    const { repository, newWorker, tenant, settled, logger } = await setUp({ firstAttemptGraceMs: 300 });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const teams = new RecordingChannel('teams', () => gate);
    const worker = newWorker([teams], { concurrency: 1, maxQueued: 2, sweepIntervalMs: 50 });
    worker.start();

    const orders: OrderWithDeliveries[] = [];
    for (let i = 0; i < 6; i++) {
      const { order, newDeliveries } = await repository.create(tenant, submission(), { channels: ['teams'], now: new Date() });
      worker.dispatch(order, newDeliveries);
      orders.push(order);
    }
    // One in flight (held by the gate), two waiting, three turned away.
    expect(logger.entries.filter((entry) => entry.message.startsWith('outbox queue full'))).toHaveLength(1);
    release();

    for (const order of orders) expect((await settled(order)).map((d) => d.state)).toEqual(['delivered']);
    for (const order of orders) expect(teams.callsFor(order.id)).toHaveLength(1);
  });

  it('beyond maxQueuedOrders, waiting jobs keep only their records and read the order when their turn comes', async () => {
    const { repository, newWorker, tenant, settled } = await setUp();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const teams = new RecordingChannel('teams', () => gate);
    const reads: string[] = [];
    const orders = {
      get: (tenantId: string, orderId: string) => {
        reads.push(orderId);
        return repository.get(tenantId, orderId);
      },
    };
    const worker = newWorker([teams], { concurrency: 1, maxQueuedOrders: 2, orders });
    worker.start();

    const stored: OrderWithDeliveries[] = [];
    for (let i = 0; i < 6; i++) {
      const { order, newDeliveries } = await repository.create(tenant, submission(), { channels: ['teams'], now: new Date() });
      worker.dispatch(order, newDeliveries);
      stored.push(order);
    }
    release();

    for (const order of stored) expect((await settled(order)).map((d) => [d.state, d.attempts])).toEqual([['delivered', 1]]);
    // The first went out at once, the next two waited with their orders, the last three without.
    expect(reads).toEqual(stored.slice(3).map((order) => order.id));
    expect(teams.calls.map((order) => order.id)).toEqual(stored.map((order) => order.id));
  });

  it('sweeps again soon, not a whole interval later, when a sweep found a full page', async () => {
    const { repository, newWorker, tenant, settled } = await setUp({ firstAttemptGraceMs: 0 });
    const orders: OrderWithDeliveries[] = [];
    // More than one page: a page is concurrency × 16 records.
    for (let i = 0; i < 20; i++) {
      orders.push((await repository.create(tenant, submission(), { channels: ['teams'], now: new Date() })).order);
    }
    const teams = new RecordingChannel('teams');
    newWorker([teams], { concurrency: 1, sweepIntervalMs: 60_000 }).start();

    for (const order of orders) {
      expect((await settled(order)).map((d) => d.state)).toEqual(['delivered']);
    }
    expect(teams.calls).toHaveLength(20);
  });

  it('aborts a send that outlives its attempt: the hung webhook receiver sees its connection closed', async () => {
    const receiver = await startHungHttpReceiver();
    try {
      const { repository, newWorker, tenant, deliveriesOf } = await setUp();
      const url = `http://127.0.0.1:${receiver.port}/workflows/hung/triggers/manual/paths/invoke?sig=secret`;
      // The webhook's own limit is far away: only the worker's attempt time (half the lease) can end this send.
      const webhook = createWebhookChannel({ timeZone: 'Europe/Moscow', url, locale: 'ru', catalog: CATALOG, timeoutMs: 60_000 });
      const worker = newWorker([webhook], { leaseMs: 600, maxAttempts: 1 });
      worker.start();

      const { order, newDeliveries } = await repository.create(tenant, submission(), { channels: ['webhook'], now: new Date() });
      worker.dispatch(order, newDeliveries);

      const [delivery] = await waitUntil(
        () => deliveriesOf(order.id),
        (deliveries) => deliveries[0]?.state === 'failed',
      );
      expect(delivery?.lastError).toBe('gave up after 1 attempts: channel did not answer within 300 ms; the attempt was aborted');
      expect(receiver.received).toBe(1);
      // Closed by the abort: nothing else would close it within the webhook's 60 s.
      await waitUntil(() => receiver.closed, (closed) => closed === 1, { timeoutMs: 5_000 });
      expect(receiver.connections).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it('retries a channel\'s given-up deliveries with a fresh budget once its cause is fixed', async () => {
    const { repository, newWorker, tenant, settled, deliveriesOf } = await setUp();
    let inboxExists = false;
    const teams = new RecordingChannel('teams', async () => {
      if (!inboxExists) throw new Error('no inbox channel yet');
    });
    const webhook = new RecordingChannel('webhook');
    const worker = newWorker([teams, webhook], { maxAttempts: 2 });
    worker.start();

    const { order, newDeliveries } = await repository.create(tenant, submission(), { channels: ['teams', 'webhook'], now: new Date() });
    worker.dispatch(order, newDeliveries);
    const given = await settled(order);
    expect(given.map((d) => [d.channel, d.state])).toEqual([
      ['teams', 'failed'],
      ['webhook', 'delivered'],
    ]);

    inboxExists = true;
    worker.retryChannel('teams');
    const retried = await waitUntil(
      () => deliveriesOf(order.id),
      (deliveries) => deliveries.find((d) => d.channel === 'teams')?.state === 'delivered',
    );
    expect(retried.map((d) => [d.channel, d.state, d.attempts])).toEqual([
      ['teams', 'delivered', 1],
      ['webhook', 'delivered', 1],
    ]);
    expect(webhook.callsFor(order.id)).toHaveLength(1);
  });
});

describe('OutboxWorker periodic tasks', () => {
  it('runs each after the first sweep, then no more often than its interval, and survives a failure', async () => {
    const { newWorker, logger } = await setUp();
    let now = Date.parse('2026-12-05T00:00:00Z');
    const runs: string[] = [];
    const worker = newWorker([], {
      sweepIntervalMs: 20,
      clock: () => new Date(now),
      periodic: [
        { name: 'gdap', everyMs: 300_000, run: () => Promise.resolve(void runs.push('gdap')) },
        { name: 'broken', everyMs: 300_000, run: () => Promise.reject(new Error('Graph is down')) },
      ],
    });
    worker.start();
    await waitUntil(() => runs.length, (count) => count === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toEqual(['gdap']);

    now += 300_000;
    await waitUntil(() => runs.length, (count) => count === 2);
    expect(JSON.stringify(logger.entries)).toContain('periodic task failed');
  });
});
