import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odata } from '@azure/data-tables';
import { ORDER_KIND } from '../../bot/storage/order-entity.js';
import { ORDERS_TABLE } from '../../bot/storage/order-repository.js';
import { createTableStorage } from '../../bot/storage/table-storage.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { createTabDirectory, demoEnv, startApp } from '../support/running-app.js';
import type { RunningApp, TabDirectory } from '../support/running-app.js';
import { startWebhookStandIn } from '../support/webhook-stand-in.js';
import type { WebhookStandIn } from '../support/webhook-stand-in.js';
import { waitUntil } from '../bot/storage/fixtures.js';
import { ORDER_INPUT_VALID_ON, orderInput } from '../support/order-fixtures.js';

/**
 * A burst of submissions, some of them repeats (a double click, a client
 * retry after a lost answer): idempotency holds under concurrency and every
 * order reaches the distributor exactly once.
 */

const NOW = ORDER_INPUT_VALID_ON;
const DISTINCT = 180;
const REPEATS = 20;

let azurite: AzuriteTables;
let tab: TabDirectory;
let webhook: WebhookStandIn;
let server: RunningApp;

beforeAll(async () => {
  [azurite, tab, webhook] = await Promise.all([startAzurite(), createTabDirectory(), startWebhookStandIn()]);
  server = await startApp(
    // No cap on writes in flight: the whole burst is meant to race in storage (the cap has its own test).
    demoEnv(azurite.connectionString, { DELIVERY_TEAMS: 'false', DELIVERY_WEBHOOK_URL: webhook.url, ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '0' }),
    { tabDirectory: tab.path, clock: () => NOW, outbox: { sweepIntervalMs: 100 } },
  );
});

afterAll(async () => {
  await server?.close();
  await Promise.all([azurite?.stop(), tab?.remove(), webhook?.close()]);
});

interface Answer {
  readonly submissionId: string;
  readonly status: number;
  readonly id: string;
}

interface ListedOrder {
  readonly id: string;
  readonly submissionId: string;
  readonly deliveries: readonly { readonly channel: string; readonly state: string }[];
}

async function submit(input: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as { id?: string };
  return { submissionId: String(input['submissionId']), status: response.status, id: body.id ?? '' };
}

async function getOrder(id: string): Promise<ListedOrder> {
  const response = await fetch(`${server.url}/api/orders/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ListedOrder;
}

/** Every order row in storage: `GET /api/orders` shows only the newest 100. */
async function storedOrderRows(): Promise<{ id: string; submissionId: string }[]> {
  const table = createTableStorage(azurite.connectionString).table(ORDERS_TABLE);
  const rows: { id: string; submissionId: string }[] = [];
  for await (const row of table.listEntities({ queryOptions: { filter: odata`kind eq ${ORDER_KIND}` } })) {
    const submission = JSON.parse(String(row['submission'])) as { submissionId: string };
    rows.push({ id: String(row['orderId']), submissionId: submission.submissionId });
  }
  return rows;
}

/** Order ids named in each webhook request (one order per request). */
function webhookDeliveries(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of webhook.requests) {
    for (const id of new Set(request.body.match(/CSP-[0-9A-Z]{8}/g) ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function distinctInputs(): Record<string, unknown>[] {
  return Array.from({ length: DISTINCT }, () => orderInput({ submissionId: randomUUID() }));
}

/** Checks what a burst left behind: one order per submissionId, every repeat with the original's id. */
function expectOneOrderPerSubmission(answers: readonly Answer[]): Map<string, string> {
  const idBySubmission = new Map<string, string>();
  for (const answer of answers) {
    expect([200, 201]).toContain(answer.status);
    const known = idBySubmission.get(answer.submissionId);
    if (known === undefined) idBySubmission.set(answer.submissionId, answer.id);
    else expect(answer.id).toBe(known);
  }
  const created = answers.filter((answer) => answer.status === 201);
  expect(created).toHaveLength(DISTINCT);
  expect(new Set(created.map((answer) => answer.submissionId)).size).toBe(DISTINCT);
  expect(new Set(idBySubmission.values()).size).toBe(DISTINCT);
  return idBySubmission;
}

const expectedOrderIds = new Set<string>();

describe('200 concurrent submissions, 20 of them repeats', () => {
  it('repeats sent right after their originals answered: 180 created, every repeat 200 with the original id', async () => {
    const inputs = distinctInputs();
    const repeated = new Set(inputs.slice(0, REPEATS));
    const answers = (
      await Promise.all(
        inputs.map(async (input) => {
          const original = await submit(input);
          return repeated.has(input) ? [original, await submit(input)] : [original];
        }),
      )
    ).flat();

    expect(answers).toHaveLength(DISTINCT + REPEATS);
    const idBySubmission = expectOneOrderPerSubmission(answers);
    for (const input of repeated) {
      const pair = answers.filter((answer) => answer.submissionId === input['submissionId']);
      expect(pair.map((answer) => answer.status)).toEqual([201, 200]);
    }
    for (const id of idBySubmission.values()) expectedOrderIds.add(id);
  });

  it('repeats racing their originals: still one order per submissionId, the loser answered 200 with its id', async () => {
    const inputs = distinctInputs();
    // Each repeat goes out right next to its original, both in flight at once.
    const burst = inputs.flatMap((input, index) => (index < REPEATS ? [input, { ...input }] : [input]));
    const answers = await Promise.all(burst.map((input) => submit(input)));

    expect(answers).toHaveLength(DISTINCT + REPEATS);
    const idBySubmission = expectOneOrderPerSubmission(answers);
    for (const input of inputs.slice(0, REPEATS)) {
      const pair = answers.filter((answer) => answer.submissionId === input['submissionId']);
      expect(pair.map((answer) => answer.status).sort()).toEqual([200, 201]);
    }
    for (const id of idBySubmission.values()) expectedOrderIds.add(id);
  });

  it('stores exactly the created orders and delivers each exactly once to the webhook', async () => {
    expect(expectedOrderIds.size).toBe(2 * DISTINCT);

    const rows = await storedOrderRows();
    expect(rows).toHaveLength(2 * DISTINCT);
    expect(new Set(rows.map((row) => row.id))).toEqual(expectedOrderIds);
    expect(new Set(rows.map((row) => row.submissionId)).size).toBe(2 * DISTINCT);

    const everyOrder = (): Promise<ListedOrder[]> => Promise.all([...expectedOrderIds].map(getOrder));
    await waitUntil(everyOrder, (orders) =>
      orders.every((order) => order.deliveries.length === 1 && order.deliveries[0]?.state === 'delivered'),
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    const delivered = webhookDeliveries();
    expect(new Set(delivered.keys())).toEqual(expectedOrderIds);
    expect([...delivered.values()].every((count) => count === 1)).toBe(true);
    expect(webhook.requests).toHaveLength(2 * DISTINCT);
  });
});
