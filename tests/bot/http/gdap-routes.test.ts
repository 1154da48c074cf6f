import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'restify';
import { UnauthorizedError } from '../../../bot/auth/sso-token-verifier.js';
import { createDemoPartner } from '../../../bot/graph/demo-partner.js';
import { NotStaffError } from '../../../bot/http/staff-caller.js';
import type { StaffCallerResolver } from '../../../bot/http/staff-caller.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { ORDER_INPUT_VALID_ON, orderInput } from '../../support/order-fixtures.js';
import { createTabDirectory, demoEnv, demoServerForFile, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';

const DEMO_TENANT = '00000000-0000-0000-0000-0000000000001';
const OTHER_CUSTOMER = '4b827261-d21f-4aa9-b7db-7fa1f56fb163';

/** Staff unless the test says otherwise with a header: how tests reach the 401 and 403 answers. */
const resolveStaff: StaffCallerResolver = (req: Request) => {
  const as = req.header('x-test-caller');
  if (as === 'anonymous') return Promise.reject(new UnauthorizedError('no token'));
  if (as === 'customer') return Promise.reject(new NotStaffError('otherTenant'));
  return Promise.resolve({ tenantId: DEMO_TENANT, userId: 'staff-1', staff: true });
};

const server = demoServerForFile({ clock: () => ORDER_INPUT_VALID_ON, resolveStaff });

interface GdapBody {
  relationshipId: string;
  status: string;
  invitationUrl: string | null;
  roles: string[];
  duration: string;
}

const gdapUrl = (tenant: string) => `${server.url}/api/distributor/customers/${tenant}/gdap`;
const post = (url: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the GDAP loop in demo mode', () => {
  it('request → 201 with the link; again → 409; approve (demo) → active; the tenant sees it and is confirmed', async () => {
    const order = await post(`${server.url}/api/orders`, orderInput());
    expect(order.status).toBe(201);

    const created = await post(gdapUrl(DEMO_TENANT));
    expect(created.status).toBe(201);
    const body = (await created.json()) as GdapBody;
    expect(body).toMatchObject({ status: 'approvalPending', duration: 'P730D' });
    expect(body.invitationUrl).toBe(`https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${body.relationshipId}`);
    expect(body.roles).toHaveLength(3);

    const again = await post(gdapUrl(DEMO_TENANT));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ errors: [{ code: 'gdap_exists' }], gdap: { status: 'approvalPending' } });

    const pending = (await (await fetch(`${server.url}/api/tenant`)).json()) as { gdap: { status: string; invitationUrl: string } };
    expect(pending.gdap).toMatchObject({ status: 'approvalPending', invitationUrl: body.invitationUrl });

    const approved = await post(`${gdapUrl(DEMO_TENANT)}/demo-approve`);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'active' });

    expect(await (await fetch(gdapUrl(DEMO_TENANT))).json()).toMatchObject({ status: 'active' });
    const tenant = (await (await fetch(`${server.url}/api/tenant`)).json()) as { gdap: { status: string; endDateTime: string }; relationship: { level: string } };
    expect(tenant.gdap.status).toBe('active');
    expect(tenant.gdap.endDateTime).not.toBeNull();
    expect(tenant.relationship.level).toBe('confirmed');
  });

  it('answers 404 for a customer without a request or without an order', async () => {
    expect((await fetch(gdapUrl(OTHER_CUSTOMER))).status).toBe(404);
    const noOrder = await post(gdapUrl(OTHER_CUSTOMER));
    expect(noOrder.status).toBe(404);
    expect(await noOrder.json()).toMatchObject({ errors: [{ code: 'order_not_found', field: 'orderId' }] });
  });

  it('refuses a tenant id that is not a GUID, and a malformed body', async () => {
    expect((await fetch(gdapUrl('not-a-tenant'))).status).toBe(400);
    const bad = await post(gdapUrl(DEMO_TENANT), { orderId: 'nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ code: 'invalid_body', field: 'orderId' }] });
  });
});

describe('staff only', () => {
  it('403 for a signed-in caller who is not staff, 401 without sign-in; nothing is requested', async () => {
    const notStaff = await post(gdapUrl(OTHER_CUSTOMER), {}, { 'x-test-caller': 'customer' });
    expect(notStaff.status).toBe(403);
    expect(await notStaff.json()).toMatchObject({ errors: [{ code: 'not_staff' }] });
    expect((await fetch(gdapUrl(OTHER_CUSTOMER), { headers: { 'x-test-caller': 'customer' } })).status).toBe(403);
    expect((await post(`${gdapUrl(DEMO_TENANT)}/demo-approve`, {}, { 'x-test-caller': 'customer' })).status).toBe(403);
    const anonymous = await post(gdapUrl(OTHER_CUSTOMER), {}, { 'x-test-caller': 'anonymous' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('outside demo mode', () => {
  let azurite: AzuriteTables;
  let tab: TabDirectory;
  let production: RunningApp;
  const DISTRIBUTOR = '1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d';
  beforeAll(async () => {
    [azurite, tab] = await Promise.all([startAzurite(), createTabDirectory()]);
    production = await startApp(
      demoEnv(azurite.connectionString, {
        BOT_ID: '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b',
        BOT_TYPE: 'UserAssignedMSI',
        BOT_TENANT_ID: DISTRIBUTOR,
        DISTRIBUTOR_TENANT_ID: DISTRIBUTOR,
        AAD_APP_CLIENT_ID: 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e',
        HOST: '127.0.0.1',
      }),
      { tabDirectory: tab.path, gdapPartner: createDemoPartner(), resolveStaff: () => Promise.resolve({ tenantId: DISTRIBUTOR, userId: 'staff-1', staff: true }) },
    );
  });
  afterAll(async () => {
    await production?.close();
    await Promise.all([azurite?.stop(), tab?.remove()]);
  });

  it('refuses the demo approval: only the customer approves, in the admin center', async () => {
    const response = await fetch(`${production.url}/api/distributor/customers/${OTHER_CUSTOMER}/gdap/demo-approve`, { method: 'POST' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ errors: [{ code: 'demo_only' }] });
  });
});
