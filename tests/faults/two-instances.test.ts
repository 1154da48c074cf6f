import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { startWebhookStandIn } from '../support/webhook-stand-in.js';
import type { WebhookStandIn } from '../support/webhook-stand-in.js';
import { waitUntil } from '../bot/storage/fixtures.js';
import { orderInput } from '../support/order-fixtures.js';
import { startServerChild } from '../support/server-child.js';
import type { ServerChild } from '../support/server-child.js';

/**
 * Two server processes on one Azurite, as App Service runs two instances:
 * orders go to both, and one is SIGKILLed while its deliveries are on the
 * wire (the webhook holds them unanswered). The survivor's sweeps find the
 * dead one's records through the due index once their first-attempt grace
 * (60 s) is over, and every order reaches the webhook exactly once.
 * (The token-exchange dedup across instances: two bots sharing one Azurite
 * in tests/bot/bot-framework/bot-sign-in.test.ts.)
 */

const ORDERS_PER_INSTANCE = 4;

let azurite: AzuriteTables;
let webhook: WebhookStandIn;
const children: ChildProcess[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  webhook = await startWebhookStandIn();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await webhook?.close();
  await azurite?.stop();
});

describe('two instances, one killed mid-delivery', () => {
  it('delivers every order of both exactly once', async () => {
    webhook.answerWith({ kind: 'silent' });
    const [doomed, survivor] = await Promise.all([startServer(), startServer()]);

    const submit = async (baseUrl: string): Promise<string> => {
      const response = await fetch(`${baseUrl}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(orderInput({ activationDate: daysFromNow(2) })),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const orderIds = await Promise.all(
      Array.from({ length: ORDERS_PER_INSTANCE * 2 }, (_, i) => submit(i % 2 === 0 ? doomed.baseUrl : survivor.baseUrl)),
    );

    expect(new Set(orderIds).size).toBe(orderIds.length);

    // Every order's send is on the wire, unanswered, when the first instance dies.
    await waitUntil(
      async () => webhook.requests.length,
      (received) => received >= orderIds.length,
      { timeoutMs: 20_000 },
    );
    doomed.child.kill('SIGKILL');
    await new Promise((resolve) => doomed.child.once('exit', resolve));
    const unanswered = webhook.requests.length;
    webhook.answerWith({ kind: 'status', status: 202 });

    const states = await waitUntil(
      () => Promise.all(orderIds.map((id) => webhookStateOf(survivor.baseUrl, id))),
      (all) => all.every((state) => state === 'delivered'),
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    expect(states).toEqual(orderIds.map(() => 'delivered'));
    // A later sweep must not send any again.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const accepted = webhook.requests.slice(unanswered);
    for (const id of orderIds) expect(accepted.filter((request) => request.body.includes(id)), id).toHaveLength(1);
  }, 180_000);
});

async function webhookStateOf(baseUrl: string, orderId: string): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}/api/orders/${orderId}`).catch(() => undefined);
  if (!response?.ok) return undefined;
  const order = (await response.json()) as { deliveries: { channel: string; state: string }[] };
  return order.deliveries.find((delivery) => delivery.channel === 'webhook')?.state;
}

async function startServer(): Promise<ServerChild> {
  const server = await startServerChild({
    LOG_LEVEL: 'warn',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    DELIVERY_TEAMS: 'false',
    DELIVERY_WEBHOOK_URL: webhook.url,
    // Longer than the test needs: the killed instance's sends stay on the wire until it dies.
    DELIVERY_WEBHOOK_TIMEOUT_MS: '20000',
  });
  children.push(server.child);
  return server;
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
