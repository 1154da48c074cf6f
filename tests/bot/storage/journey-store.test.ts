import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidCursorError, JourneyStore } from '../../../bot/storage/journey-store.js';
import type { CustomerSummary } from '../../../bot/storage/journey-store.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { freshTable, tenantId } from './fixtures.js';

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

const NOW = new Date('2026-12-07T09:00:00.000Z');

function summary(overrides: Partial<CustomerSummary> & Pick<CustomerSummary, 'tenantId'>): CustomerSummary {
  return {
    current: 'invitationAccepted',
    stuckSince: '2026-12-01T10:00:00.000Z',
    evidenceLevel: 'notFound',
    mcaAccepted: false,
    firstContactAt: '2026-12-01T10:00:00.000Z',
    organizationName: null,
    waitingOrders: 0,
    gdapExpiresAt: null,
    remindable: true,
    ...overrides,
  };
}

async function store(): Promise<JourneyStore> {
  return new JourneyStore(await freshTable(azurite.connectionString), () => NOW);
}

describe('JourneyStore', () => {
  it('records the first contact and each evidence level once, and reads them back in one pass', async () => {
    const journey = await store();
    const tenant = tenantId();
    expect(await journey.recordFirstContact(tenant, 'chat')).toBe(true);
    expect(await journey.recordFirstContact(tenant, 'tab')).toBe(false);
    expect(await journey.recordEvidence(tenant, 'detected')).toBe(true);
    expect(await journey.recordEvidence(tenant, 'detected')).toBe(false);

    const rows = await journey.readTenant(tenant);
    expect(rows.firstContactAt).toBe(NOW.toISOString());
    expect(rows.invitationEvidence).toEqual({ level: 'detected', at: NOW.toISOString() });
    expect(rows.optedOut).toBe(false);
    expect(rows.remindedSteps.size).toBe(0);
    expect((await journey.readTenant(tenantId())).firstContactAt).toBeUndefined();
  });

  it('lets exactly one of two instances claim a reminder, ever, and remembers an opt-out', async () => {
    const table = await freshTable(azurite.connectionString);
    const [first, second] = [new JourneyStore(table, () => NOW), new JourneyStore(table, () => NOW)];
    const tenant = tenantId();
    const claims = await Promise.all([first.claimReminder(tenant, 'mcaAccepted'), second.claimReminder(tenant, 'mcaAccepted')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await first.settleReminder(tenant, 'mcaAccepted', 'sent', 'activity-1');
    expect(await second.claimReminder(tenant, 'mcaAccepted')).toBe(false);

    await second.optOut(tenant, 'Иван');
    await second.optOut(tenant, 'Иван');
    const rows = await first.readTenant(tenant);
    expect([...rows.remindedSteps]).toEqual(['mcaAccepted']);
    expect(rows.optedOut).toBe(true);
  });

  it('keeps one index row per customer that follows its summary, and a reminder row only while remindable', async () => {
    const journey = await store();
    const tenant = tenantId();
    expect(await journey.saveSummary(summary({ tenantId: tenant }))).toBe('saved');
    expect(await journey.saveSummary(summary({ tenantId: tenant }))).toBe('unchanged');
    expect(await journey.dueReminders(new Date('2026-12-04T10:00:00.000Z'), 10)).toEqual([tenant]);
    expect(await journey.dueReminders(new Date('2026-12-01T10:00:00.000Z'), 10)).toEqual([]);

    const moved = summary({ tenantId: tenant, current: 'mcaAccepted', stuckSince: '2026-12-05T10:00:00.000Z', remindable: false });
    expect(await journey.saveSummary(moved)).toBe('saved');
    expect(await journey.getSummary(tenant)).toEqual(moved);
    expect(await journey.dueReminders(new Date('2026-12-07T10:00:00.000Z'), 10)).toEqual([]);
    const listed = await journey.listCustomers({ limit: 10 });
    expect(listed.customers).toEqual([moved]);
  });

  it('pages customers by key, longest stuck first, with the stuck filter as a key range', async () => {
    const journey = await store();
    const tenants = [tenantId(), tenantId(), tenantId()] as const;
    await journey.saveSummary(summary({ tenantId: tenants[0], stuckSince: '2026-12-06T10:00:00.000Z' }));
    await journey.saveSummary(summary({ tenantId: tenants[1], stuckSince: '2026-11-20T10:00:00.000Z' }));
    await journey.saveSummary(summary({ tenantId: tenants[2], current: null, stuckSince: null, remindable: false }));

    const first = await journey.listCustomers({ limit: 2 });
    expect(first.customers.map((customer) => customer.tenantId)).toEqual([tenants[1], tenants[0]]);
    expect(first.nextCursor).toBeDefined();
    const second = await journey.listCustomers({ limit: 2, cursor: first.nextCursor });
    expect(second.customers.map((customer) => customer.tenantId)).toEqual([tenants[2]]);
    expect(second.nextCursor).toBeUndefined();

    const stuck = await journey.listCustomers({ limit: 10, stuckBefore: new Date('2026-12-01T00:00:00.000Z') });
    expect(stuck.customers.map((customer) => customer.tenantId)).toEqual([tenants[1]]);
    expect(await journey.listSummaries(10)).toHaveLength(3);
  });

  it('refuses a cursor it did not hand out', async () => {
    const journey = await store();
    await expect(journey.listCustomers({ limit: 2, cursor: 'not a cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(journey.listCustomers({ limit: 2, cursor: Buffer.from('order|x').toString('base64url') })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('keeps the summary and its index consistent when two instances save at once', async () => {
    const table = await freshTable(azurite.connectionString);
    const [first, second] = [new JourneyStore(table, () => NOW), new JourneyStore(table, () => NOW)];
    const tenant = tenantId();
    await first.saveSummary(summary({ tenantId: tenant }));
    await Promise.all([
      first.saveSummary(summary({ tenantId: tenant, stuckSince: '2026-12-02T10:00:00.000Z' })),
      second.saveSummary(summary({ tenantId: tenant, stuckSince: '2026-12-03T10:00:00.000Z' })),
    ]);
    const stored = await first.getSummary(tenant);
    const listed = await first.listCustomers({ limit: 10 });
    expect(listed.customers).toEqual([stored]);
    expect(await first.dueReminders(new Date('2026-12-07T10:00:00.000Z'), 10)).toEqual([tenant]);
  });

  it('lets one instance claim the digest of a day', async () => {
    const table = await freshTable(azurite.connectionString);
    const [first, second] = [new JourneyStore(table, () => NOW), new JourneyStore(table, () => NOW)];
    expect(await first.hasDigest('2026-12-07')).toBe(false);
    const claims = await Promise.all([first.claimDigest('2026-12-07', 'claimed'), second.claimDigest('2026-12-07', 'claimed')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await first.settleDigest('2026-12-07', 'sent');
    expect(await second.hasDigest('2026-12-07')).toBe(true);
  });
});
