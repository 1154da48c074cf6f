import { randomUUID } from 'node:crypto';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { chatErrorTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { OrderFormInputId } from '../../../src/domain/cards/order-form-inputs.js';
import { OrderWriteAdmission } from '../../../bot/orders/order-write-admission.js';
import { ORDERS_TABLE } from '../../../bot/storage/order-repository.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import type { ConnectorStandIn } from '../../support/connector-stand-in.js';
import { ORDER_INPUT_VALID_ON, orderFormAnswers, orderInput } from '../../support/order-fixtures.js';
import { createTabDirectory, demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';
import { cardActionInvoke, personalMessage, postActivity } from '../../support/teams-activities.js';
import { cardTexts } from '../../domain/cards/card-fixtures.js';

/** A write that finishes (or fails) when the test says so. */
function heldWrite<T>(): { readonly write: () => Promise<T>; finish(value: T): void; fail(error: Error): void; readonly started: () => boolean } {
  let started = false;
  let settle: { resolve: (value: T) => void; reject: (error: Error) => void } | undefined;
  const done = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return {
    write: () => {
      started = true;
      return done;
    },
    finish: (value) => settle?.resolve(value),
    fail: (error) => settle?.reject(error),
    started: () => started,
  };
}

describe('OrderWriteAdmission', () => {
  it('runs up to the cap at once and refuses one more without calling it', async () => {
    const admission = new OrderWriteAdmission(2);
    const [first, second] = [heldWrite<string>(), heldWrite<string>()];
    const running = [admission.run(first.write), admission.run(second.write)];

    let called = false;
    const refused = await admission.run(async () => {
      called = true;
      return 'stored';
    });

    expect(refused).toEqual({ kind: 'busy', retryAfterSeconds: 1 });
    expect(called).toBe(false);
    expect(admission.running).toBe(2);
    first.finish('a');
    second.finish('b');
    expect(await Promise.all(running)).toEqual(['a', 'b']);
  });

  it('frees a slot when a write finishes', async () => {
    const admission = new OrderWriteAdmission(1);
    const held = heldWrite<string>();
    const running = admission.run(held.write);
    expect(await admission.run(async () => 'second')).toMatchObject({ kind: 'busy' });

    held.finish('first');
    expect(await running).toBe('first');
    expect(admission.running).toBe(0);
    expect(await admission.run(async () => 'third')).toBe('third');
  });

  it('frees a slot when a write fails, and passes the failure on', async () => {
    const admission = new OrderWriteAdmission(1);
    const held = heldWrite<string>();
    const running = admission.run(held.write);
    const outage = new Error('storage unavailable');

    held.fail(outage);
    await expect(running).rejects.toBe(outage);
    expect(admission.running).toBe(0);
    expect(await admission.run(async () => 'next')).toBe('next');
    // A write that throws before returning a promise frees its slot too.
    await expect(admission.run(() => {
      throw outage;
    })).rejects.toBe(outage);
    expect(await admission.run(async () => 'after')).toBe('after');
  });

  it('refuses nothing when the cap is 0 (off)', async () => {
    const admission = new OrderWriteAdmission(0);
    const held = Array.from({ length: 500 }, () => heldWrite<number>());
    const running = held.map((write) => admission.run(write.write));
    expect(held.every((write) => write.started())).toBe(true);
    held.forEach((write, i) => write.finish(i));
    expect(await Promise.all(running)).toEqual(held.map((_, i) => i));
  });

  it('refuses a cap that is not a whole number ≥ 0', () => {
    expect(() => new OrderWriteAdmission(-1)).toThrow(/whole number ≥ 0/);
    expect(() => new OrderWriteAdmission(1.5)).toThrow(/whole number ≥ 0/);
  });
});

/**
 * Counts every request to the orders table (a transaction's too) and, while closed, holds each submission's own transaction (the
 * one that carries its idempotency row), so that submissions are really in flight. The rows written before it (due and board
 * rows) pass: concurrent submissions share those requests (bot/storage/group-commit.ts), so holding them would hold the second
 * submission's behind the first's, never reaching the transaction.
 */
class OrdersTableGate {
  requests = 0;
  private closed = false;
  private waiting: { readonly release: () => void; readonly text: string }[] = [];

  readonly client: HttpClient = (() => {
    const inner = createDefaultHttpClient();
    const ordersTable = new RegExp(`/${ORDERS_TABLE}(\\(|$| |\\?)`);
    return {
      sendRequest: async (request) => {
        const path = new URL(request.url).pathname;
        const body = typeof request.body === 'string' ? request.body : '';
        // A transaction names its table only in the body's parts.
        if (ordersTable.test(path) || (path.endsWith('/$batch') && ordersTable.test(body))) {
          this.requests += 1;
          if (this.closed && /submission\|/.test(body)) await new Promise<void>((release) => this.waiting.push({ release, text: decodeURIComponent(request.url) + body }));
        }
        return inner.sendRequest(request);
      },
    };
  })();

  /** The orders whose writes are held (each write names its order id). */
  get heldOrders(): number {
    return new Set(this.waiting.flatMap(({ text }) => text.match(/CSP-[A-Z0-9]{8}/g) ?? [])).size;
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.closed = false;
    for (const { release } of this.waiting.splice(0)) release();
  }
}

const IN_FLIGHT_MAX = 2;

describe('ORDER_SUBMISSIONS_IN_FLIGHT_MAX through the server', () => {
  let azurite: AzuriteTables;
  let tab: TabDirectory;
  let connector: ConnectorStandIn;
  let server: RunningApp;
  const gate = new OrdersTableGate();

  beforeAll(async () => {
    [azurite, tab, connector] = await Promise.all([startAzurite(), createTabDirectory(), startConnectorStandIn()]);
    server = await startApp(demoEnv(azurite.connectionString, { ORDER_SUBMISSIONS_IN_FLIGHT_MAX: String(IN_FLIGHT_MAX) }), {
      tabDirectory: tab.path,
      clock: () => ORDER_INPUT_VALID_ON,
      storageClient: { httpClient: gate.client },
      // Nothing of the app's own reads the orders table while the test counts: no sweeps, no journey passes.
      outbox: { sweepIntervalMs: 3_600_000 },
      journey: { intervalMs: 3_600_000, refreshDelayMs: 3_600_000 },
    });
  }, 60_000);

  afterAll(async () => {
    gate.open();
    await server?.close();
    await Promise.all([azurite?.stop(), tab?.remove(), connector?.stop()]);
  });

  function post(path: string, body: unknown): Promise<Response> {
    return fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  }

  const chatOf = (tenantId: string) => ({ serviceUrl: connector.url, locale: 'en-US', tenantId });

  async function submitInChat(tenantId: string, submissionId: string): Promise<AdaptiveCard> {
    const chat = chatOf(tenantId);
    const response = await postActivity(server.url, cardActionInvoke(personalMessage(chat, ''), CardVerb.submitOrder, { submissionId, ...orderFormAnswers() }));
    expect(response.status).toBe(200);
    return ((await response.json()) as { value: AdaptiveCard }).value;
  }

  it('answers one write over the cap at once, with nothing read or stored: 503 busy with Retry-After on the API and the board, the form kept in chat', async () => {
    // The first sweep at start is over before the gate closes.
    await vi.waitFor(() => expect(gate.requests).toBeGreaterThan(0), { timeout: 10_000 });
    // The chat's customer wrote before: a first contact would read its orders for the journey.
    const tenant = randomUUID();
    expect((await postActivity(server.url, personalMessage(chatOf(tenant), 'help'))).status).toBe(200);
    gate.close();
    const inFlight = [post('/api/orders', orderInput()), post('/api/orders', orderInput())];
    await vi.waitFor(() => expect(gate.heldOrders).toBe(IN_FLIGHT_MAX), { timeout: 10_000 });
    const reachedStorage = gate.requests;

    const refusedBody = orderInput();
    const refused = await post('/api/orders', refusedBody);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const [error] = ((await refused.json()) as { errors: { code: string; message: string }[] }).errors;
    expect(error?.code).toBe('busy');
    expect(error?.message).toMatch(/Retry after 1 s with the same submissionId/);

    // The customer's card: the same form back, every value and the submission id kept, saying to send it again.
    const chatSubmission = randomUUID();
    const form = await submitInChat(tenant, chatSubmission);
    expect(cardTexts(form)).toContain(chatErrorTexts.busy.en);
    expect(JSON.stringify(form)).toContain(chatSubmission);
    expect(JSON.stringify(form)).toContain(String(orderFormAnswers()[OrderFormInputId.inn]));

    // A status change is a write too: refused before the order is even looked up (no such order here).
    const change = await post('/api/distributor/orders/11111111-1111-4111-8111-111111111111/CSP-NOPE0000/status', { status: 'accepted', revision: 1 });
    expect(change.status).toBe(503);
    expect(change.headers.get('retry-after')).toBe('1');
    expect(((await change.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('busy');

    expect(gate.requests).toBe(reachedStorage);

    gate.open();
    expect((await Promise.all(inFlight)).map((answer) => answer.status)).toEqual([201, 201]);
    // The retries are new orders (201, not 200): the refusals stored nothing under their submission ids.
    expect((await post('/api/orders', refusedBody)).status).toBe(201);
    expect(await server.app.orders.list(tenant)).toEqual([]);
    expect(cardTexts(await submitInChat(tenant, chatSubmission)).join(' ')).toMatch(/CSP-/);
    expect(await server.app.orders.list(tenant)).toHaveLength(1);
  }, 60_000);
});
