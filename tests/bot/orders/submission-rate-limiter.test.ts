import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { chatErrorTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { OrderFormInputId } from '../../../src/domain/cards/order-form-inputs.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import type { ConnectorStandIn } from '../../support/connector-stand-in.js';
import { ORDER_INPUT_VALID_ON, orderFormAnswers, orderInput } from '../../support/order-fixtures.js';
import { createTabDirectory, demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';
import { cardActionInvoke, personalMessage, postActivity } from '../../support/teams-activities.js';
import { cardTexts } from '../../domain/cards/card-fixtures.js';
import { SubmissionRateLimiter } from '../../../bot/orders/submission-rate-limiter.js';

/**
 * The per-tenant limits, through the API and the bot: one tenant's burst
 * meets 429 (or a "try again" card) while other tenants are served.
 */

const NOW = ORDER_INPUT_VALID_ON;
const PER_MINUTE = 30;
const DEMO_TENANT = '00000000-0000-0000-0000-0000000000001';

let azurite: AzuriteTables;
let tab: TabDirectory;
let connector: ConnectorStandIn;
const servers: RunningApp[] = [];

beforeAll(async () => {
  [azurite, tab, connector] = await Promise.all([startAzurite(), createTabDirectory(), startConnectorStandIn()]);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await Promise.all([azurite?.stop(), tab?.remove(), connector?.stop()]);
});

async function start(limits: Record<string, string>): Promise<RunningApp> {
  // Bursts here meet the per-tenant limit, not the cap on writes in flight (tests/bot/orders/order-write-admission.test.ts).
  const server = await startApp(demoEnv(azurite.connectionString, { ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '0', ...limits }), { tabDirectory: tab.path, clock: () => NOW });
  servers.push(server);
  return server;
}

function post(server: RunningApp, body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
}

/** The order card submitted in a personal chat of `tenantId` with `submissionId`; the card the bot answers with. */
async function submitInChat(server: RunningApp, tenantId: string, submissionId = randomUUID()): Promise<AdaptiveCard> {
  const chat = { serviceUrl: connector.url, locale: 'en-US', tenantId };
  const data = { submissionId, ...orderFormAnswers() };
  const response = await postActivity(server.url, cardActionInvoke(personalMessage(chat, ''), CardVerb.submitOrder, data));
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: AdaptiveCard }).value;
}

async function codeOf(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { errors?: { code: string }[] }).errors?.[0]?.code;
}

/** How many of `attempts` submissions of one tenant within one minute `limiter` admits. */
function admittedOf(limiter: SubmissionRateLimiter, attempts: number, tenant = randomUUID()): number {
  return Array.from({ length: attempts }, (_, i) => limiter.admit(tenant, new Date(NOW.getTime() + i))).filter((admission) => admission.admitted).length;
}

describe('SubmissionRateLimiter across instances (INSTANCE_COUNT)', () => {
  it('admits the whole limit on one instance', () => {
    expect(admittedOf(new SubmissionRateLimiter(30), 100)).toBe(30);
  });

  it("admits each instance's share, rounded down, so all instances together stay within the limit", () => {
    expect(admittedOf(new SubmissionRateLimiter(30, 2), 100)).toBe(15);
    const threeOfFour = [1, 2, 3].map(() => new SubmissionRateLimiter(30, 4));
    const tenant = randomUUID();
    expect(threeOfFour.map((limiter) => admittedOf(limiter, 100, tenant))).toEqual([7, 7, 7]);
  });

  it('admits at least one per instance, and everything when the limit is off', () => {
    expect(admittedOf(new SubmissionRateLimiter(3, 3), 10)).toBe(1);
    expect(admittedOf(new SubmissionRateLimiter(0, 4), 500)).toBe(500);
  });

  it('gives the next minute a fresh share', () => {
    const limiter = new SubmissionRateLimiter(10, 2);
    const tenant = randomUUID();
    expect(admittedOf(limiter, 20, tenant)).toBe(5);
    const refused = limiter.admit(tenant, new Date(NOW.getTime() + 1_000));
    expect(refused).toEqual({ admitted: false, retryAt: new Date(NOW.getTime() + 60_000) });
    expect(limiter.admit(tenant, new Date(NOW.getTime() + 60_000)).admitted).toBe(true);
  });
});

describe('ORDER_RATE_LIMIT_PER_MINUTE', () => {
  it('lets 150 concurrent submissions of one tenant meet 429 with Retry-After, stores every 201, counts invalid ones, and serves other tenants', async () => {
    const server = await start({ ORDER_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) });
    const invalid = await Promise.all(Array.from({ length: 10 }, () => post(server, orderInput({ technicalDomain: 'not a domain' }))));
    expect(invalid.map((answer) => answer.status)).toEqual(Array(10).fill(422));

    const answers = await Promise.all(Array.from({ length: 150 }, () => post(server, orderInput())));

    const created = answers.filter((answer) => answer.status === 201);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(created).toHaveLength(PER_MINUTE - 10);
    expect(limited).toHaveLength(150 - (PER_MINUTE - 10));
    for (const answer of limited) {
      expect(Number(answer.headers.get('retry-after'))).toBe(60);
      expect(await codeOf(answer)).toBe('rate_limited');
    }
    const ids = await Promise.all(created.map(async (answer) => ((await answer.json()) as { id: string }).id));
    for (const id of ids) expect((await fetch(`${server.url}/api/orders/${id}`)).status).toBe(200);

    // The bot counts against the same limit: the demo tenant is refused in chat too, with a time to come back,
    // and gets its form back in place with what it typed and the same submission id.
    const submissionId = randomUUID();
    const refused = await submitInChat(server, DEMO_TENANT, submissionId);
    expect(cardTexts(refused)).toContain(chatErrorTexts.rateLimited('09:01 UTC').en);
    expect(JSON.stringify(refused)).toContain(submissionId);
    expect(JSON.stringify(refused)).toContain(String(orderFormAnswers()[OrderFormInputId.inn]));
    expect((await server.app.orders.list(DEMO_TENANT)).length).toBe(PER_MINUTE - 10);

    // Another tenant is unaffected.
    const other = randomUUID();
    const receipt = await submitInChat(server, other);
    expect(cardTexts(receipt).join(' ')).toMatch(/CSP-/);
    expect(await server.app.orders.list(other)).toHaveLength(1);
  });
});

describe('OPEN_ORDERS_PER_TENANT_MAX', () => {
  it('refuses a new order over the cap with 429, answers a repeat with the stored order, and takes one again once an order is completed', async () => {
    // A tenant of its own (the demo API caller is the distributor tenant), untouched by the test above.
    const tenant = randomUUID();
    const server = await start({ OPEN_ORDERS_PER_TENANT_MAX: '3', DISTRIBUTOR_TENANT_ID: tenant });
    const first = orderInput();
    const stored: string[] = [];
    for (const input of [first, orderInput(), orderInput()]) {
      const answer = await post(server, input);
      expect(answer.status).toBe(201);
      stored.push(((await answer.json()) as { id: string }).id);
    }

    const over = await post(server, orderInput());
    expect(over.status).toBe(429);
    expect(await codeOf(over)).toBe('too_many_open_orders');
    expect((await post(server, first)).status).toBe(200);

    const [oldest] = stored;
    // Completing needs the tenant's Microsoft Customer Agreement.
    const accepted = await fetch(`${server.url}/api/tenant/customer-agreement`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accepted: true, signatory: { lastName: 'Иванов', firstName: 'Иван', email: 'i.ivanov@romashka.ru' } }),
    });
    expect(accepted.status).toBe(200);
    for (const status of ['accepted', 'completed'] as const) {
      const changed = await server.app.orders.changeStatus(tenant, oldest ?? '', { status }, { now: NOW });
      expect(changed.kind).toBe('changed');
    }
    expect((await post(server, orderInput())).status).toBe(201);
  });
});
