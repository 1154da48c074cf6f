import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerJourneys } from '../../../bot/journey/customer-journeys.js';
import type { JourneyOrders } from '../../../bot/journey/customer-journeys.js';
import { JourneyStore } from '../../../bot/storage/journey-store.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { storedOrder } from '../../support/order-fixtures.js';
import { silentLogger } from '../../support/running-app.js';
import { freshTable, tenantId } from '../storage/fixtures.js';
import { instance, RecordingMessenger, SharedFacts, TestClock } from './journey-fixtures.js';

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

async function setUp() {
  const table = await freshTable(azurite.connectionString);
  const facts = new SharedFacts();
  const clock = new TestClock(new Date('2026-12-01T07:00:00.000Z'));
  return { table, facts, clock, one: instance(table, facts, clock, new RecordingMessenger()) };
}

describe('CustomerJourneys', () => {
  it('records the first contact once and keeps its time however the tenant comes back', async () => {
    const { clock, one } = await setUp();
    const tenant = tenantId();
    await one.journeys.contact(tenant, 'chat');
    clock.set('2026-12-03T07:00:00.000Z');
    await one.journeys.contact(tenant, 'tab');
    const { journey, summary } = await one.journeys.refresh(tenant);
    expect(journey.steps[0]).toEqual({ id: 'appOpened', state: 'done', at: '2026-12-01T07:00:00.000Z' });
    expect(summary).toMatchObject({ firstContactAt: '2026-12-01T07:00:00.000Z', current: 'invitationAccepted', remindable: true });
  });

  it('records detected or confirmed evidence, never declared or none', async () => {
    const { clock, one } = await setUp();
    const tenant = tenantId();
    await one.journeys.evidenceSeen(tenant, 'declared');
    await one.journeys.evidenceSeen(tenant, 'notFound');
    expect((await one.journeys.refresh(tenant)).journey.evidenceLevel).toBe('notFound');
    clock.set('2026-12-02T07:00:00.000Z');
    await one.journeys.evidenceSeen(tenant, 'detected');
    clock.set('2026-12-03T07:00:00.000Z');
    await one.journeys.evidenceSeen(tenant, 'confirmed');
    const { journey } = await one.journeys.refresh(tenant);
    expect(journey.evidenceLevel).toBe('confirmed');
    // Done when first seen at any level.
    expect(journey.steps[1]).toEqual({ id: 'invitationAccepted', state: 'done', at: '2026-12-02T07:00:00.000Z' });
  });

  it('reads the MCA and, when GDAP is used, its relationship; keeps GDAP’s end and the newest order’s organization', async () => {
    const { table, facts, clock } = await setUp();
    const store = new JourneyStore(table, clock.read);
    const tenant = tenantId();
    facts.agreements.set(tenant, '2026-12-02T07:00:00.000Z');
    facts.orders.set(tenant, [storedOrder({ tenantId: tenant, createdAt: '2026-12-04T07:00:00.000Z', status: 'submitted' })]);
    const journeys = new CustomerJourneys({
      store,
      orders: facts.orderReader,
      customerAgreements: facts.agreementReader,
      gdap: { get: async () => ({ activeSince: '2026-12-03T07:00:00.000Z', expiresAt: '2027-12-03T07:00:00.000Z' }) },
      gdapUsed: true,
      logger: silentLogger,
    });
    const { journey, summary } = await journeys.refresh(tenant);
    expect(journey.steps.map((step) => step.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'open', 'open']);
    expect(journey.current).toBe('orderAccepted');
    expect(summary).toMatchObject({
      mcaAccepted: true,
      gdapExpiresAt: '2027-12-03T07:00:00.000Z',
      organizationName: 'ООО «Ромашка»',
      waitingOrders: 1,
      remindable: false,
    });
    expect(await store.getSummary(tenant)).toEqual(summary);
  });

  it('derives once more after a refresh that read the facts before they changed', async () => {
    const { table, facts, clock } = await setUp();
    const tenant = tenantId();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reads = 0;
    const slowOrders: JourneyOrders = {
      recentJourneyOrders: async (id, limit) => {
        reads += 1;
        const snapshot = await facts.orderReader.recentJourneyOrders(id, limit);
        if (reads === 1) await gate;
        return snapshot;
      },
    };
    const journeys = new CustomerJourneys({ store: new JourneyStore(table, clock.read), orders: slowOrders, gdapUsed: false, logger: silentLogger });
    const first = journeys.refresh(tenant);
    facts.orders.set(tenant, [storedOrder({ tenantId: tenant, createdAt: '2026-12-01T08:00:00.000Z', status: 'submitted' })]);
    const second = journeys.refresh(tenant);
    const third = journeys.refresh(tenant);
    release();
    expect((await first).summary.waitingOrders).toBe(0);
    expect((await second).summary.waitingOrders).toBe(1);
    expect(third).toBe(second);
    expect(reads).toBe(2);
  });
});

describe('CustomerJourneys.changedSoon', () => {
  it('gathers a burst of order writes into one refresh, and stop() drops what still waits', async () => {
    const { table, facts, clock } = await setUp();
    const tenant = tenantId();
    let reads = 0;
    const counting: JourneyOrders = {
      recentJourneyOrders: async (id, limit) => {
        reads += 1;
        return facts.orderReader.recentJourneyOrders(id, limit);
      },
    };
    const store = new JourneyStore(table, clock.read);
    const journeys = new CustomerJourneys({ store, orders: counting, gdapUsed: false, logger: silentLogger, refreshDelayMs: 50 });
    facts.orders.set(tenant, [storedOrder({ tenantId: tenant, createdAt: '2026-12-01T08:00:00.000Z', status: 'submitted' })]);
    for (let i = 0; i < 5; i++) journeys.changedSoon(tenant);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reads).toBe(1);
    expect((await store.getSummary(tenant))?.waitingOrders).toBe(1);

    const other = tenantId();
    journeys.changedSoon(other);
    journeys.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).toBe(1);
    expect(await store.getSummary(other)).toBeUndefined();
  });
});
