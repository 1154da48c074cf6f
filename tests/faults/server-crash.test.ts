import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDERS_TABLE, OrderRepository } from '../../bot/storage/order-repository.js';
import { createTableStorage } from '../../bot/storage/table-storage.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { waitUntil } from '../bot/storage/fixtures.js';
import { orderInput } from '../support/order-fixtures.js';
import { freePort } from '../../scripts/lib/network.js';
import { startServerChild } from '../support/server-child.js';

/**
 * The whole server process is SIGKILLed after an order was stored and before
 * it was delivered (its channel was down); after a restart the order reaches
 * the channel exactly once. (tests/bot/outbox/outbox-crash.test.ts kills the
 * outbox at finer points: during the send and during a leased send.)
 */

let azurite: AzuriteTables;
let serverPort: number;
let webhookPort: number;
const children: ChildProcess[] = [];
let webhook: Server | undefined;
const webhookBodies: string[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  [serverPort, webhookPort] = await Promise.all([freePort(), freePort()]);
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await new Promise<void>((resolve) => (webhook ? webhook.close(() => resolve()) : resolve()));
  await azurite?.stop();
});

describe('a server killed between storing and delivering', () => {
  it('delivers the order exactly once after the restart', async () => {
    const first = await startServer();

    const submitted = await fetch(`${baseUrl()}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(orderInput({ activationDate: daysFromNow(2) })),
    });
    expect(submitted.status).toBe(201);
    const order = (await submitted.json()) as { id: string; tenantId: string };

    // The webhook is down (nothing listens yet): the first attempt fails and the record waits.
    const waiting = await waitUntil(
      () => deliveryOf(order.tenantId, order.id),
      (delivery) => delivery !== undefined && delivery.attempts >= 1 && delivery.state === 'pending',
      { timeoutMs: 20_000 },
    );
    expect(waiting?.lastError).toBeDefined();

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    // The process that stored the order is really gone.
    expect(await fetch(`${baseUrl()}/healthz`).then(() => 'answered', () => 'refused')).toBe('refused');

    webhook = await listenWebhook();
    await startServer();

    const delivered = await waitUntil(
      () => deliveryOf(order.tenantId, order.id),
      (delivery) => delivery?.state === 'delivered',
      { timeoutMs: 30_000 },
    );
    expect(delivered?.state).toBe('delivered');
    // A later sweep must not send it again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(webhookBodies.filter((body) => body.includes(order.id))).toHaveLength(1);
  }, 90_000);
});

interface DeliveryView {
  readonly channel: string;
  readonly state: string;
  readonly attempts: number;
  readonly lastError?: string;
}

/** The webhook's delivery record, read from storage (customers see channel and state only). */
async function deliveryOf(tenantId: string, orderId: string): Promise<DeliveryView | undefined> {
  const order = await new OrderRepository(createTableStorage(azurite.connectionString).table(ORDERS_TABLE)).get(tenantId, orderId);
  return order?.deliveries.find((delivery) => delivery.channel === 'webhook');
}

function baseUrl(): string {
  return `http://127.0.0.1:${serverPort}`;
}

async function startServer(): Promise<ChildProcess> {
  const { child } = await startServerChild({
    PORT: String(serverPort),
    LOG_LEVEL: 'warn',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    DELIVERY_TEAMS: 'false',
    DELIVERY_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/hook`,
    DELIVERY_WEBHOOK_TIMEOUT_MS: '2000',
  });
  children.push(child);
  return child;
}

function listenWebhook(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      webhookBodies.push(body);
      res.writeHead(202).end();
    });
  });
  return new Promise((resolve) => server.listen(webhookPort, '127.0.0.1', () => resolve(server)));
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
