import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { TransactionAction } from '@azure/data-tables';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let measuredTenant = 'none';

/** Counts the entities in every storage answer: a query's `value` array, or one entity of a point read. */
const countingClient: HttpClient = (() => {
  const inner = createDefaultHttpClient();
  return {
    async sendRequest(request) {
      const response = await inner.sendRequest(request);
      // Only this test's tenant: the outbox's sweeps read across tenants on their own schedule.
      if (request.method === 'GET' && response.status === 200 && response.bodyAsText && request.url.includes(measuredTenant)) {
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
    // The journey's refresh after an order reads this tenant's orders too; kept out of the listing's count.
    journey: { refreshDelayMs: 3_600_000 },
  });
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

      rowsRead = 0;
      const listed = (await (await fetch(`${server.url}/api/orders`)).json()) as Listed;
      expect(listed.orders).toHaveLength(PAGE);
      expect(listed.orders[0]?.id).toBe(newest);
      // The page of index rows, and each shown order with its delivery rows (one channel, the new order only).
      expect(rowsRead).toBeGreaterThanOrEqual(PAGE * 2);
      expect(rowsRead).toBeLessThanOrEqual(PAGE + PAGE + CHANNELS.length);

      rowsRead = 0;
      expect(await server.app.orders.findLatest(tenant)).toMatchObject({ id: newest });
      expect(rowsRead).toBeLessThanOrEqual(1 + 1 + CHANNELS.length);
    } finally {
      await server.close();
    }
  }, 120_000);
});
