import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryStore } from '../../../bot/storage/delivery-store.js';
import { OutboxWorker } from '../../../bot/outbox/outbox-worker.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import type { TableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import { runUntilKilled } from '../../support/killed-child.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { RecordingChannel, RecordingLogger, freshTable, tenantId, waitUntil } from '../storage/fixtures.js';

const CHILD = fileURLToPath(new URL('./support/crash-child.ts', import.meta.url));

let azurite: AzuriteTables;
let storage: TableStorage;

beforeAll(async () => {
  azurite = await startAzurite();
  storage = createTableStorage(azurite.connectionString);
});

afterAll(async () => {
  await azurite?.stop();
});

type ChildEvent = { event: 'stored'; orderId: string } | { event: 'sending'; channel: string } | { event: 'error' };

/** Runs the child until `killAt` says so, then SIGKILLs it (tests/support/killed-child.ts). */
async function runChildUntilKilled(
  args: { tableName: string; tenant: string; mode: 'stored' | 'dispatching' | 'sending'; graceMs: number; leaseMs: number },
  killAt: (events: readonly ChildEvent[]) => boolean,
): Promise<ChildEvent[]> {
  const { events, signal } = await runUntilKilled<ChildEvent>(
    CHILD,
    [azurite.connectionString, args.tableName, args.tenant, args.mode, String(args.graceMs), String(args.leaseMs)],
    killAt,
  );
  expect(signal).toBe('SIGKILL');
  return events;
}

function storedOrderId(events: readonly ChildEvent[]): string {
  const stored = events.find((event) => event.event === 'stored');
  if (!stored || stored.event !== 'stored') throw new Error('child stored no order');
  return stored.orderId;
}

async function deliverAfterRestart(tableName: string, tenant: string, orderId: string) {
  const table = storage.table(tableName);
  const repository = new OrderRepository(table);
  const teams = new RecordingChannel('teams');
  const webhook = new RecordingChannel('webhook');
  const worker = new OutboxWorker({
    store: new DeliveryStore(table),
    orders: repository,
    channels: [teams, webhook],
    logger: new RecordingLogger(),
    sweepIntervalMs: 25,
    leaseMs: 4_000,
  });
  worker.start();
  try {
    const deliveries = await waitUntil(
      async () => (await repository.get(tenant, orderId))?.deliveries ?? [],
      (current) => current.length === 2 && current.every((d) => d.state === 'delivered'),
    );
    return { deliveries, teams, webhook };
  } finally {
    await worker.stop();
  }
}

describe('outbox across a crash (SIGKILL)', () => {
  it('delivers an order stored just before the crash exactly once per channel', async () => {
    const tableName = (await freshTable(azurite.connectionString, storage)).tableName;
    const tenant = tenantId();
    const events = await runChildUntilKilled(
      { tableName, tenant, mode: 'stored', graceMs: 300, leaseMs: 4_000 },
      (seen) => seen.some((event) => event.event === 'stored'),
    );
    const orderId = storedOrderId(events);

    const { deliveries, teams, webhook } = await deliverAfterRestart(tableName, tenant, orderId);

    expect(deliveries.map((d) => [d.channel, d.state, d.attempts])).toEqual([
      ['teams', 'delivered', 1],
      ['webhook', 'delivered', 1],
    ]);
    expect(teams.callsFor(orderId)).toHaveLength(1);
    expect(webhook.callsFor(orderId)).toHaveLength(1);
  });

  it('delivers exactly once when the crash hits during the immediate send after the commit', async () => {
    const tableName = (await freshTable(azurite.connectionString, storage)).tableName;
    const tenant = tenantId();
    // The grace outlasts the child's attempt timeout (half the lease), so its send runs unclaimed.
    const events = await runChildUntilKilled(
      { tableName, tenant, mode: 'dispatching', graceMs: 2_000, leaseMs: 1_600 },
      (seen) => seen.filter((event) => event.event === 'sending').length === 2,
    );
    const orderId = storedOrderId(events);

    const { deliveries, teams, webhook } = await deliverAfterRestart(tableName, tenant, orderId);

    expect(deliveries.map((d) => [d.channel, d.state])).toEqual([
      ['teams', 'delivered'],
      ['webhook', 'delivered'],
    ]);
    expect(teams.callsFor(orderId)).toHaveLength(1);
    expect(webhook.callsFor(orderId)).toHaveLength(1);
  });

  it('delivers exactly once when the crash hits while claimed sends were under way', async () => {
    const tableName = (await freshTable(azurite.connectionString, storage)).tableName;
    const tenant = tenantId();
    const events = await runChildUntilKilled(
      { tableName, tenant, mode: 'sending', graceMs: 60_000, leaseMs: 4_000 },
      (seen) => seen.filter((event) => event.event === 'sending').length === 2,
    );
    const orderId = storedOrderId(events);

    const { deliveries, teams, webhook } = await deliverAfterRestart(tableName, tenant, orderId);

    // The interrupted attempt counts: the lease ran out, the second one delivered.
    expect(deliveries.map((d) => [d.channel, d.state, d.attempts])).toEqual([
      ['teams', 'delivered', 2],
      ['webhook', 'delivered', 2],
    ]);
    expect(teams.callsFor(orderId)).toHaveLength(1);
    expect(webhook.callsFor(orderId)).toHaveLength(1);
  });
});
