import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatErrorTexts } from '../../src/domain/cards/chat-card-texts.js';
import { adaptiveCardsOf, startConnectorStandIn } from '../support/connector-stand-in.js';
import type { ConnectorStandIn } from '../support/connector-stand-in.js';
import { createTabDirectory, demoEnv, startApp } from '../support/running-app.js';
import type { RunningApp, TabDirectory } from '../support/running-app.js';
import { personalMessage, postActivity } from '../support/teams-activities.js';
import { startWebhookStandIn } from '../support/webhook-stand-in.js';
import type { WebhookStandIn } from '../support/webhook-stand-in.js';
import { waitUntil } from '../bot/storage/fixtures.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { ORDER_INPUT_VALID_ON, orderInput } from '../support/order-fixtures.js';

/**
 * Table Storage goes away while the server runs, then comes back on the same
 * address with its data: the API and the bot say "retry" instead of failing
 * obscurely, and the server recovers without a restart, with nothing half-written.
 * Each case brings its own outage, so any one of them can run alone.
 */

const NOW = ORDER_INPUT_VALID_ON;

let azurite: AzuriteTables;
let tab: TabDirectory;
let webhook: WebhookStandIn;
let connector: ConnectorStandIn;
let server: RunningApp;

beforeAll(async () => {
  [azurite, tab, webhook, connector] = await Promise.all([
    startAzurite(),
    createTabDirectory(),
    startWebhookStandIn(),
    startConnectorStandIn(),
  ]);
  server = await startApp(
    demoEnv(azurite.connectionString, { DELIVERY_TEAMS: 'false', DELIVERY_WEBHOOK_URL: webhook.url }),
    // Every /readyz call asks storage afresh: the test watches it go down and come back.
    { tabDirectory: tab.path, clock: () => NOW, outbox: { sweepIntervalMs: 100 }, http: { readinessCacheMs: 0 } },
  );
});

afterAll(async () => {
  await server?.close();
  await Promise.all([azurite?.stop(), tab?.remove(), webhook?.close(), connector?.stop()]);
});

interface ApiErrors {
  errors: { field: string; code: string; message: string }[];
}

interface OrderBody {
  id: string;
  submissionId: string;
  deliveries: { channel: string; state: string }[];
}

function postOrder(input: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(30_000),
  });
}

async function listOrders(): Promise<OrderBody[]> {
  const response = await fetch(`${server.url}/api/orders`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { orders: OrderBody[] }).orders;
}

/** Asks the bot for the order form in a personal chat and returns the card it answers with. */
async function askBotForOrder(locale: 'ru-RU' | 'en-US'): Promise<string> {
  const activity = personalMessage({ serviceUrl: connector.url, locale }, 'order');
  const response = await postActivity(server.url, activity);
  expect(response.status).toBeLessThan(300);
  const sent = await connector.waitForActivity(
    (candidate) => candidate.replyToId === activity.id || candidate.activity.replyToId === activity.id,
    { description: `the reply to "order" (${locale})` },
  );
  const cards = adaptiveCardsOf(sent.activity);
  expect(cards).toHaveLength(1);
  return JSON.stringify(cards[0]);
}

/** Every order the server accepted in this file, whichever cases ran. */
const accepted: { submissionId: string; id: string }[] = [];

async function submitAccepted(input: Record<string, unknown> = orderInput()): Promise<void> {
  const created = await postOrder(input);
  expect(created.status).toBe(201);
  accepted.push({ submissionId: String(input['submissionId']), id: ((await created.json()) as OrderBody).id });
}

async function readyStatus(): Promise<number> {
  return (await fetch(`${server.url}/readyz`)).status;
}

/** The stored orders once every delivery of every order is done. */
function allDelivered(): Promise<OrderBody[]> {
  return waitUntil(listOrders, (listed) =>
    listed.every((order) => order.deliveries.every((delivery) => delivery.state === 'delivered')),
    { timeoutMs: 20_000, intervalMs: 100 },
  );
}

/**
 * Storage is down while `during` runs, then back on the same address with its
 * data; resolves once the server reports ready again (by itself, no restart).
 * The outage starts with no delivery in flight: one cut mid-attempt waits out
 * its lease (a minute), which is the outbox's business, not this file's.
 */
async function outage(during: () => Promise<void>): Promise<void> {
  await allDelivered();
  await azurite.halt();
  try {
    await during();
  } finally {
    await azurite.restart();
    await waitUntil(readyStatus, (status) => status === 200, { timeoutMs: 30_000, intervalMs: 100 });
  }
}

/** Posts a new order while storage is down and checks the refusal; returns what was refused. */
async function submitRefused(): Promise<Record<string, unknown>> {
  const input = orderInput({ submissionId: randomUUID() });
  const response = await postOrder(input);
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).not.toBeNull();
  const body = (await response.json()) as ApiErrors;
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]?.code).toBe('storage_unavailable');
  expect(body.errors[0]?.message).toMatch(/temporarily unavailable.*same submissionId/i);
  return input;
}

describe('Table Storage goes down and comes back', () => {
  it('works before the outage', async () => {
    await submitAccepted();
    expect(await readyStatus()).toBe(200);
  });

  it('answers POST /api/orders with 503 storage_unavailable and a retry hint while storage is down', async () => {
    await outage(async () => {
      await submitRefused();
    });
  });

  it('reports not ready on /readyz, naming the storage check', async () => {
    await outage(async () => {
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready', checks: [{ name: 'storage', ok: false }] });
    });
  });

  it('has the bot tell the user, in their language, that storage is unavailable and to retry', async () => {
    await outage(async () => {
      expect(await askBotForOrder('ru-RU')).toContain(chatErrorTexts.storageUnavailable.ru);
      expect(await askBotForOrder('en-US')).toContain(chatErrorTexts.storageUnavailable.en);
    });
  });

  it('still answers /healthz: the process itself is fine', async () => {
    await outage(async () => {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });

  it('recovers by itself once storage is back on the same address', async () => {
    let refused: Record<string, unknown> | undefined;
    await outage(async () => {
      refused = await submitRefused();
    });
    if (refused === undefined) throw new Error('no refused submission recorded');

    // The refused submission is accepted now: the 503 wrote nothing that would turn it into a 200.
    await submitAccepted(refused);
    await submitAccepted();

    const form = await askBotForOrder('en-US');
    expect(form).not.toContain(chatErrorTexts.storageUnavailable.en);
  });

  it('holds exactly the accepted orders afterwards, each delivered', async () => {
    await submitAccepted();
    await outage(async () => {
      await submitRefused();
    });
    await submitAccepted();

    const orders = await allDelivered();
    expect(orders.map(({ id, submissionId }) => ({ id, submissionId })).sort(byId)).toEqual([...accepted].sort(byId));
    expect(orders.every((order) => order.deliveries.length === 1)).toBe(true);
  });
});

function byId(a: { id: string }, b: { id: string }): number {
  return a.id.localeCompare(b.id);
}
