import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { TransactionAction } from '@azure/data-tables';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { submitOrder } from '../../../src/domain/order/order-lifecycle.js';
import { orderEntity, submissionEntity } from '../../../bot/storage/order-entity.js';
import { newOrderId } from '../../../bot/storage/order-id.js';
import { ORDERS_TABLE } from '../../../bot/storage/order-repository.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { orderInput, submission } from '../../support/order-fixtures.js';
import { createTabDirectory, demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';

/**
 * Reading a tenant's orders reads the rows it shows, however long the
 * tenant's history: the storage SDK's HTTP client is wrapped to count every
 * entity the server reads.
 */

const HISTORY = 2_000;
const PAGE = 100;
const CHANNELS = ['teams'];

function todayPlus(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
const START = Date.parse('2025-01-01T00:00:00.000Z');

let azurite: AzuriteTables;
let tab: TabDirectory;
let rowsRead = 0;
/** Set while a direct call is measured: the outbox's own reads of the new order may overlap it. */
const measuredCall = new AsyncLocalStorage<true>();
let measuringCallOnly = false;
let measuredTenant = 'none';

/** Counts the entities in every storage answer: a query's `value` array, or one entity of a point read. */
const countingClient: HttpClient = (() => {
  const inner = createDefaultHttpClient();
  return {
    async sendRequest(request) {
      const response = await inner.sendRequest(request);
      // Only this test's tenant's orders: the outbox's sweeps read across tenants on their own schedule, and
      // in demo mode the tenant is also the distributor's, whose inbox is looked up in `conversations`.
      const ordersOfTenant = new URL(request.url).pathname.endsWith(`/${ORDERS_TABLE}()`) && request.url.includes(measuredTenant);
      const outsideMeasuredCall = measuredCall.getStore() === undefined && measuringCallOnly;
      if (request.method === 'GET' && response.status === 200 && response.bodyAsText && ordersOfTenant && !outsideMeasuredCall) {
        const body = JSON.parse(response.bodyAsText) as { value?: unknown[] };
        rowsRead += Array.isArray(body.value) ? body.value.length : 1;
      }
      return response;
    },
  };
})();

beforeAll(async () => {
  [azurite, tab] = await Promise.all([startAzurite(), createTabDirectory()]);
  await createTableStorage(azurite.connectionString).ensureTables([ORDERS_TABLE]);
});

afterAll(async () => {
  await Promise.all([azurite?.stop(), tab?.remove()]);
});

function ordersTable() {
  return createTableStorage(azurite.connectionString).table(ORDERS_TABLE);
}

/**
 * `count` orders of `tenant`, one a minute from START, written as the code
 * before the index did (the order and its idempotency row, nothing else),
 * 50 orders to an entity-group transaction.
 */
async function seedLegacyOrders(tenant: string, count: number): Promise<string[]> {
  const table = ordersTable();
  const ids: string[] = [];
  for (let start = 0; start < count; start += 50) {
    const actions: TransactionAction[] = [];
    for (let i = start; i < Math.min(count, start + 50); i++) {
      const at = new Date(START + i * 60_000);
      const { order } = submitOrder({ tenantId: tenant, id: newOrderId(), submission: submission(), delivery: { channels: [], firstAttemptAt: at } }, { now: at });
      ids.push(order.id);
      actions.push(['create', orderEntity(order)], ['create', submissionEntity(tenant, order.submissionId, order.id, at)]);
    }
    await table.submitTransaction(actions);
  }
  return ids;
}

async function serverFor(tenant: string): Promise<RunningApp> {
  // In demo mode every API caller belongs to the distributor tenant.
  return startApp(demoEnv(azurite.connectionString, { DISTRIBUTOR_TENANT_ID: tenant }), {
    tabDirectory: tab.path,
    storageClient: { httpClient: countingClient },
    // No sweep during the test: only the reads it makes are counted.
    outbox: { sweepIntervalMs: 3_600_000 },
    // The journey's refresh after an order reads this tenant's orders too; kept out of the listing's count.
    journey: { refreshDelayMs: 3_600_000 },
  });
}

/** The outbox tries a new order at once; its reads must be over before the count starts. */
async function firstAttemptOver(tenant: string, orderId: string): Promise<void> {
  await vi.waitFor(async () => {
    const rows = ordersTable().listEntities<{ attempts?: number; state?: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${tenant} and RowKey ge ${`order|${orderId}|delivery|`} and RowKey lt ${`order|${orderId}|deliverz`}` },
    });
    let tried = false;
    for await (const row of rows) tried = (row.attempts ?? 0) >= 1 && row.state !== 'delivering';
    expect(tried).toBe(true);
  }, { timeout: 20_000, interval: 100 });
}

interface Listed {
  readonly orders: readonly { readonly id: string; readonly createdAt: string }[];
}

describe('the newest-first index', () => {
  it(`lists a tenant with ${HISTORY} orders (stored before the index existed) newest first, hides none, and then reads at most the page`, async () => {
    const tenant = randomUUID();
    measuredTenant = tenant;
    const legacy = await seedLegacyOrders(tenant, HISTORY);
    const server = await serverFor(tenant);
    try {
      // The first read indexes the older orders once.
      const first = (await (await fetch(`${server.url}/api/orders`)).json()) as Listed;
      expect(first.orders).toHaveLength(PAGE);
      expect(first.orders[0]?.createdAt).toBe(new Date(START + (HISTORY - 1) * 60_000).toISOString());
      const times = first.orders.map((order) => order.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      expect((await fetch(`${server.url}/api/orders/${legacy[0] ?? ''}`)).status).toBe(200);
      let indexRows = 0;
      for await (const _row of ordersTable().listEntities({ queryOptions: { filter: odata`PartitionKey eq ${tenant} and kind eq 'recent'` } })) indexRows++;
      expect(indexRows).toBe(HISTORY);

      const created = await fetch(`${server.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(orderInput({ activationDate: todayPlus(30) })),
      });
      expect(created.status).toBe(201);
      const newest = ((await created.json()) as { id: string }).id;
      await firstAttemptOver(tenant, newest);

      rowsRead = 0;
      const listed = (await (await fetch(`${server.url}/api/orders`)).json()) as Listed;
      expect(listed.orders).toHaveLength(PAGE);
      expect(listed.orders[0]?.id).toBe(newest);
      // The page of index rows, and each shown order with its delivery rows (one channel, the new order only).
      expect(rowsRead).toBeGreaterThanOrEqual(PAGE * 2);
      expect(rowsRead).toBeLessThanOrEqual(PAGE + PAGE + CHANNELS.length);

      rowsRead = 0;
      measuringCallOnly = true;
      expect(await measuredCall.run(true, () => server.app.orders.findLatest(tenant))).toMatchObject({ id: newest });
      measuringCallOnly = false;
      expect(rowsRead).toBeLessThanOrEqual(1 + 1 + CHANNELS.length);
    } finally {
      await server.close();
    }
  }, 120_000);
});
