import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../bot/auth/sso-token-verifier.js';
import type { CallerResolver } from '../../../bot/http/caller.js';
import { createHttpServer } from '../../../bot/http/create-http-server.js';
import { registerJourneyRoutes } from '../../../bot/http/journey-routes.js';
import { NotStaffError } from '../../../bot/http/staff-caller.js';
import type { StaffCallerResolver } from '../../../bot/http/staff-caller.js';
import { parseCustomerList } from '../../../src/domain/journey/customer-list.js';
import { parseJourney } from '../../../src/domain/journey/journey.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { silentLogger } from '../../support/running-app.js';
import { instance, RecordingMessenger, SharedFacts, TestClock } from '../journey/journey-fixtures.js';
import { freshTable, tenantId } from '../storage/fixtures.js';

let azurite: AzuriteTables;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await azurite?.stop();
});

const CUSTOMER = tenantId();
const STAFF_TENANT = tenantId();

/** A caller by the `authorization` header: `customer`, `staff`, `guest`, or nobody. */
const resolveCaller: CallerResolver = async (req) => {
  const who = req.header('authorization');
  if (who === 'customer') return { tenantId: CUSTOMER, userId: 'admin' };
  if (who === 'staff' || who === 'guest') return { tenantId: STAFF_TENANT, userId: who };
  throw new UnauthorizedError('no token');
};
const resolveStaff: StaffCallerResolver = async (req) => {
  const caller = await resolveCaller(req);
  if (caller.tenantId !== STAFF_TENANT) throw new NotStaffError('otherTenant');
  if (caller.userId === 'guest') throw new NotStaffError('guest');
  return { ...caller, staff: true };
};

async function serve() {
  const table = await freshTable(azurite.connectionString);
  const facts = new SharedFacts();
  const clock = new TestClock(new Date('2026-12-01T07:00:00.000Z'));
  const one = instance(table, facts, clock, new RecordingMessenger());
  const server = createHttpServer({
    logger: silentLogger,
    demo: false,
    readiness: [],
    handleBotActivity: () => Promise.resolve(),
    publicConfig: () => ({}),
    registerApiRoutes: (api) =>
      registerJourneyRoutes(api, { journeys: one.journeys, store: one.store, resolveCaller, resolveStaff, logger: silentLogger, clock: clock.read }),
    tab: { directory: '/nonexistent-tab-build', frameAncestors: [] },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () => {
      server.server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, who?: string) => {
    const response = await fetch(`${url}${path}`, who ? { headers: { authorization: who } } : {});
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { get, clock, one, facts };
}

describe('GET /api/tenant/journey', () => {
  it('counts the visit as the first contact and answers the caller’s checklist', async () => {
    const { get } = await serve();
    const { status, body } = await get('/api/tenant/journey', 'customer');
    expect(status).toBe(200);
    const journey = parseJourney(body);
    expect(journey.steps[0]).toEqual({ id: 'appOpened', state: 'done', at: '2026-12-01T07:00:00.000Z' });
    expect(journey.current).toBe('invitationAccepted');
    expect(journey.nextAction).toBe('acceptInvitation');
  });

  it('answers 401 without a caller', async () => {
    const { get } = await serve();
    expect((await get('/api/tenant/journey')).status).toBe(401);
  });
});

describe('GET /api/distributor/customers', () => {
  it('lists customers with step, days stuck, evidence and MCA; filters by stuckDays', async () => {
    const { get, clock, one } = await serve();
    const [early, late] = [tenantId(), tenantId()];
    await one.journeys.contact(early, 'chat');
    clock.set('2026-12-06T07:00:00.000Z');
    await one.journeys.contact(late, 'tab');
    clock.set('2026-12-07T08:00:00.000Z');

    const all = parseCustomerList((await get('/api/distributor/customers', 'staff')).body);
    expect(all.customers.map((customer) => [customer.tenantId, customer.current, customer.daysStuck])).toEqual([
      [early, 'invitationAccepted', 6],
      [late, 'invitationAccepted', 1],
    ]);
    expect(all.customers[0]).toMatchObject({ evidenceLevel: 'notFound', mcaAccepted: false, organizationName: null });
    expect(all.nextCursor).toBeNull();

    const stuck = parseCustomerList((await get('/api/distributor/customers?stuckDays=3', 'staff')).body);
    expect(stuck.customers.map((customer) => customer.tenantId)).toEqual([early]);
  });

  it('refuses callers who are not staff and bad parameters, naming the field', async () => {
    const { get } = await serve();
    expect((await get('/api/distributor/customers')).status).toBe(401);
    expect((await get('/api/distributor/customers', 'customer')).status).toBe(403);
    expect((await get('/api/distributor/customers', 'guest')).status).toBe(403);
    const badDays = await get('/api/distributor/customers?stuckDays=-1', 'staff');
    expect(badDays.status).toBe(400);
    expect(badDays.body).toEqual({ errors: [expect.objectContaining({ field: 'stuckDays', code: 'invalid_stuck_days' })] });
    const badCursor = await get('/api/distributor/customers?cursor=nonsense', 'staff');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body).toEqual({ errors: [expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' })] });
  });
});
