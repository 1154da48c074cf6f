import { randomUUID } from 'node:crypto';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatCardDate } from '../../../src/domain/cards/card-format.js';
import type { CustomerAgreementAcceptance } from '../../../src/domain/customer-agreement/customer-agreement.js';
import { customerAgreementTexts } from '../../../src/domain/customer-agreement/customer-agreement-texts.js';
import { CachedCustomerAgreementLookup } from '../../../bot/customer-agreement/cached-customer-agreement-lookup.js';
import type { CustomerAgreementLookup } from '../../../bot/customer-agreement/customer-agreement-lookup.js';
import { CUSTOMER_AGREEMENTS_TABLE } from '../../../bot/storage/customer-agreement-store.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { acceptance } from '../../support/customer-agreement-fixtures.js';
import { ORDER_INPUT_VALID_ON, orderInput } from '../../support/order-fixtures.js';
import { createTabDirectory, demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';
import { startWebhookStandIn } from '../../support/webhook-stand-in.js';
import type { WebhookStandIn } from '../../support/webhook-stand-in.js';

const START = new Date('2026-11-20T10:00:00.000Z');

/** A store of acceptances that counts its reads; `hold` keeps the next reads open until `release`. */
class CountingStore implements CustomerAgreementLookup {
  reads = 0;
  failNext = false;
  private readonly accepted = new Map<string, CustomerAgreementAcceptance>();
  private held: (() => void)[] | undefined;

  accept(tenantId: string): CustomerAgreementAcceptance {
    const stored = acceptance(tenantId);
    this.accepted.set(tenantId, stored);
    return stored;
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const resume of waiting) resume();
  }

  async get(tenantId: string): Promise<CustomerAgreementAcceptance | undefined> {
    this.reads += 1;
    // What was stored when the read was asked, answered when released.
    const answer = this.accepted.get(tenantId);
    const fail = this.failNext;
    this.failNext = false;
    if (this.held !== undefined) await new Promise<void>((resume) => this.held?.push(resume));
    if (fail) throw new Error('storage unavailable');
    return answer;
  }
}

function setUp() {
  let now = START;
  const store = new CountingStore();
  const cache = new CachedCustomerAgreementLookup(store, { ttlMs: 60_000, clock: () => now });
  return { store, cache, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('CachedCustomerAgreementLookup', () => {
  it('reads a tenant once for every delivery within the minute, "not accepted" included, and each tenant on its own', async () => {
    const { store, cache, advance } = setUp();
    const [accepted, notYet] = [randomUUID(), randomUUID()];
    const stored = store.accept(accepted);

    expect(await cache.get(accepted)).toEqual(stored);
    advance(30_000);
    expect(await cache.get(accepted)).toEqual(stored);
    expect(await cache.get(notYet)).toBeUndefined();
    expect(await cache.get(notYet)).toBeUndefined();

    expect(store.reads).toBe(2);
  });

  it('shares one storage read among the channels of one order asking at once', async () => {
    const { store, cache } = setUp();
    const tenant = randomUUID();
    const stored = store.accept(tenant);
    store.hold();

    const readings = Promise.all([cache.get(tenant), cache.get(tenant), cache.get(tenant)]);
    store.release();

    expect(await readings).toEqual([stored, stored, stored]);
    expect(store.reads).toBe(1);
  });

  it('reads storage again once the minute is over', async () => {
    const { store, cache, advance } = setUp();
    const tenant = randomUUID();
    expect(await cache.get(tenant)).toBeUndefined();

    // Accepted on another instance: this one shows it once its answer expired.
    const stored = store.accept(tenant);
    advance(59_000);
    expect(await cache.get(tenant)).toBeUndefined();
    advance(2_000);
    expect(await cache.get(tenant)).toEqual(stored);
    expect(store.reads).toBe(2);
  });

  it('shows an acceptance made in this process at the next reading (forget)', async () => {
    const { store, cache } = setUp();
    const tenant = randomUUID();
    expect(await cache.get(tenant)).toBeUndefined();

    const stored = store.accept(tenant);
    cache.forget(tenant);

    expect(await cache.get(tenant)).toEqual(stored);
    expect(store.reads).toBe(2);
  });

  it('does not keep the answer of a read begun before the acceptance', async () => {
    const { store, cache } = setUp();
    const tenant = randomUUID();
    store.hold();
    const before = cache.get(tenant);
    const stored = store.accept(tenant);
    cache.forget(tenant);
    store.release();
    expect(await before).toBeUndefined();

    expect(await cache.get(tenant)).toEqual(stored);
  });

  it('passes a failed read on and does not remember it', async () => {
    const { store, cache } = setUp();
    const tenant = randomUUID();
    const stored = store.accept(tenant);
    store.failNext = true;

    await expect(cache.get(tenant)).rejects.toThrow('storage unavailable');
    expect(await cache.get(tenant)).toEqual(stored);
    expect(store.reads).toBe(2);
  });

  it('keeps at most maxTenants answers, the least recently used going first', async () => {
    const store = new CountingStore();
    const cache = new CachedCustomerAgreementLookup(store, { maxTenants: 2, clock: () => START });
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const tenant of [a, b, c]) await cache.get(tenant);

    await cache.get(c);
    await cache.get(a);

    expect(store.reads).toBe(4);
  });
});

describe('the MCA on delivered orders, through the server', () => {
  let azurite: AzuriteTables;
  let tab: TabDirectory;
  let webhook: WebhookStandIn;
  let server: RunningApp;
  let agreementReads = 0;
  const countingClient: HttpClient = (() => {
    const inner = createDefaultHttpClient();
    return {
      sendRequest: (request) => {
        if (request.method === 'GET' && new URL(request.url).pathname.includes(`/${CUSTOMER_AGREEMENTS_TABLE}`)) agreementReads += 1;
        return inner.sendRequest(request);
      },
    };
  })();

  beforeAll(async () => {
    [azurite, tab, webhook] = await Promise.all([startAzurite(), createTabDirectory(), startWebhookStandIn()]);
    server = await startApp(
      demoEnv(azurite.connectionString, { DELIVERY_TEAMS: 'false', DELIVERY_WEBHOOK_URL: webhook.url, DELIVERY_LOCALE: 'en' }),
      {
        tabDirectory: tab.path,
        clock: () => ORDER_INPUT_VALID_ON,
        storageClient: { httpClient: countingClient },
        // Only the deliveries read the MCA while the test counts: no journey passes or refreshes.
        journey: { intervalMs: 3_600_000, refreshDelayMs: 3_600_000 },
      },
    );
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await Promise.all([azurite?.stop(), tab?.remove(), webhook?.close()]);
  });

  async function deliveredCard(): Promise<string> {
    const before = webhook.requests.length;
    const answer = await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderInput()) });
    expect(answer.status).toBe(201);
    await vi.waitFor(() => expect(webhook.requests.length).toBe(before + 1), { timeout: 20_000 });
    return webhook.requests[before]?.body ?? '';
  }

  it('reads the tenant\'s MCA once for two orders within the minute, and shows an acceptance made meanwhile on the next', async () => {
    agreementReads = 0;
    const cards = [await deliveredCard(), await deliveredCard()];
    for (const card of cards) expect(card).toContain(customerAgreementTexts.factNotAccepted.en);
    expect(agreementReads).toBe(1);

    const accepted = await fetch(`${server.url}/api/tenant/customer-agreement`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accepted: true, signatory: { lastName: 'Иванов', firstName: 'Иван', email: 'i.ivanov@romashka.ru' } }),
    });
    expect(accepted.status).toBe(200);

    expect(await deliveredCard()).toContain(customerAgreementTexts.factAccepted(formatCardDate(ORDER_INPUT_VALID_ON.toISOString(), 'en')).en);
  }, 60_000);
});
