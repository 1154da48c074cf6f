import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { createTabDirectory, demoEnv, startApp } from '../support/running-app.js';
import type { RunningApp, TabDirectory } from '../support/running-app.js';
import { startSmtpStandIn } from '../support/smtp-stand-in.js';
import type { SmtpStandIn } from '../support/smtp-stand-in.js';
import { startWebhookStandIn } from '../support/webhook-stand-in.js';
import type { WebhookStandIn } from '../support/webhook-stand-in.js';
import { waitUntil } from '../bot/storage/fixtures.js';
import { orderInput } from '../support/order-fixtures.js';

/**
 * One delivery channel fails (errors, hangs, refuses) while another works:
 * the order is stored, the working channel delivers once, the failing one is
 * retried with backoff and delivers once it recovers. The app's clock is
 * moved by hand past each backoff delay, so the test never waits for it.
 */

let now = new Date('2026-11-20T09:00:00Z').getTime();
const clock = (): Date => new Date(now);
/** Far beyond any backoff delay of the first attempts (2 s doubling), well within the lease logic. */
const PAST_BACKOFF_MS = 60 * 60 * 1000;

let azurite: AzuriteTables;
let tab: TabDirectory;
let webhook: WebhookStandIn;
let smtp: SmtpStandIn;
let server: RunningApp;

beforeAll(async () => {
  [azurite, tab, webhook, smtp] = await Promise.all([startAzurite(), createTabDirectory(), startWebhookStandIn(), startSmtpStandIn()]);
  server = await startApp(
    demoEnv(azurite.connectionString, {
      DELIVERY_TEAMS: 'false',
      DELIVERY_WEBHOOK_URL: webhook.url,
      // Long enough that a 500 answer arrives first even on a loaded 2-core machine.
      DELIVERY_WEBHOOK_TIMEOUT_MS: '1500',
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'CSP orders <orders@distributor.test>',
      DELIVERY_EMAIL_TO: 'inbox@distributor.test',
    }),
    { tabDirectory: tab.path, clock, outbox: { sweepIntervalMs: 50 } },
  );
});

afterAll(async () => {
  await server?.close();
  await Promise.all([azurite?.stop(), tab?.remove(), webhook?.close(), smtp?.close()]);
});

interface Delivery {
  channel: string;
  state: string;
  attempts: number;
  lastError?: string;
  nextAttemptAt?: string;
}

interface OrderBody {
  id: string;
}

async function submit(): Promise<string> {
  const response = await fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(orderInput()),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as OrderBody).id;
}

/** The delivery records as the distributor's side stores them (customers read channel and state only). */
async function deliveries(orderId: string): Promise<Record<string, Delivery>> {
  const order = await server.app.orders.get(server.config.distributorTenantId, orderId);
  expect(order).toBeDefined();
  return Object.fromEntries((order?.deliveries ?? []).map((delivery) => [delivery.channel, delivery]));
}

function untilDeliveries(orderId: string, accept: (byChannel: Record<string, Delivery>) => boolean) {
  return waitUntil(() => deliveries(orderId), accept, { timeoutMs: 20_000, intervalMs: 25 });
}

/** A pending retry scheduled later than the app's "now": backoff, not a hot loop. */
function expectBackingOff(delivery: Delivery | undefined): void {
  expect(delivery?.state).toBe('pending');
  expect(Date.parse(delivery?.nextAttemptAt ?? '')).toBeGreaterThan(now);
}

function webhookCallsFor(orderId: string): number {
  return webhook.requests.filter((request) => request.body.includes(orderId)).length;
}

function mailsFor(orderId: string): number {
  return smtp.messages.filter((message) => message.raw.toString('utf8').includes(orderId)).length;
}

describe('the webhook fails (500, then no answer) while e-mail works', () => {
  it('retries the webhook with backoff, delivers the e-mail once, and delivers the webhook after it recovers', async () => {
    webhook.answerWith({ kind: 'status', status: 500, body: '{"error":"flow failed"}' });
    const orderId = await submit();

    let state = await untilDeliveries(orderId, (d) => (d['webhook']?.attempts ?? 0) >= 1 && d['webhook']?.state === 'pending' && d['email']?.state === 'delivered');
    expect(state['webhook']?.lastError).toContain('500');
    expectBackingOff(state['webhook']);
    expect(state['email']?.attempts).toBe(1);
    // The customer reads channel and state only: the channel's error stays on the distributor's side.
    const shown = await (await fetch(`${server.url}/api/orders/${orderId}`)).text();
    expect((JSON.parse(shown) as { deliveries: unknown[] }).deliveries).toEqual(
      expect.arrayContaining([{ channel: 'webhook', state: 'pending' }, { channel: 'email', state: 'delivered' }]),
    );
    expect(shown).not.toContain('flow failed');
    expect(shown).not.toContain('lastError');

    webhook.answerWith({ kind: 'silent' });
    now += PAST_BACKOFF_MS;
    state = await untilDeliveries(orderId, (d) => (d['webhook']?.attempts ?? 0) >= 2 && d['webhook']?.state === 'pending');
    expect(state['webhook']?.lastError).toMatch(/did not answer within 1500 ms/);
    expectBackingOff(state['webhook']);

    webhook.answerWith({ kind: 'status', status: 202 });
    now += PAST_BACKOFF_MS;
    state = await untilDeliveries(orderId, (d) => d['webhook']?.state === 'delivered');
    expect(state['webhook']?.attempts).toBeGreaterThanOrEqual(3);
    expect(state['webhook']?.lastError).toBeUndefined();
    expect(state['email']).toMatchObject({ state: 'delivered', attempts: 1 });

    expect(mailsFor(orderId)).toBe(1);
    // Every attempt reached the stand-in; exactly one of them was answered 202.
    expect(webhookCallsFor(orderId)).toBe(state['webhook']?.attempts);
  });
});

describe('the mail server refuses with 451 while the webhook works', () => {
  it('retries the e-mail with backoff, delivers the webhook once, and delivers the e-mail after the refusal ends', async () => {
    webhook.answerWith({ kind: 'status', status: 202 });
    smtp.refuseRecipients({ code: 451, message: '4.7.1 Greylisted, try again later' });
    const orderId = await submit();

    let state = await untilDeliveries(orderId, (d) => (d['email']?.attempts ?? 0) >= 1 && d['email']?.state === 'pending' && d['webhook']?.state === 'delivered');
    expect(state['email']?.lastError).toContain('451');
    expectBackingOff(state['email']);

    now += PAST_BACKOFF_MS;
    state = await untilDeliveries(orderId, (d) => (d['email']?.attempts ?? 0) >= 2 && d['email']?.state === 'pending');
    expect(state['email']?.lastError).toContain('451');
    expect(mailsFor(orderId)).toBe(0);

    smtp.refuseRecipients(undefined);
    now += PAST_BACKOFF_MS;
    state = await untilDeliveries(orderId, (d) => d['email']?.state === 'delivered');
    expect(state['email']?.attempts).toBeGreaterThanOrEqual(3);
    expect(state['webhook']).toMatchObject({ state: 'delivered', attempts: 1 });

    expect(mailsFor(orderId)).toBe(1);
    expect(webhookCallsFor(orderId)).toBe(1);
  });
});
