import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoCaller } from '../../../bot/auth/sso-token-verifier.js';
import { StaffGroupCheckError } from '../../../bot/graph/staff-group-check.js';
import { createHttpServer } from '../../../bot/http/create-http-server.js';
import { registerDistributorRoutes } from '../../../bot/http/distributor-routes.js';
import { ssoStaffCallerResolver } from '../../../bot/http/staff-caller.js';
import type { OrderListResponse } from '../../../src/domain/distributor/board-api.js';
import { createSsoTestTokens } from '../conversation/sso-test-tokens.js';
import type { SsoTestTokens } from '../conversation/sso-test-tokens.js';

const DISTRIBUTOR_TENANT = '6b1f0c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';
const CUSTOMER_TENANT = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const STAFF_USER = 'aaaaaaaa-0000-4000-8000-000000000001';
const OUTSIDER_USER = 'aaaaaaaa-0000-4000-8000-000000000002';
const BROKEN_USER = 'aaaaaaaa-0000-4000-8000-000000000003';

const EMPTY_LIST: OrderListResponse = {
  orders: [],
  nextCursor: null,
  counts: { submitted: 0, accepted: 0, changesRequested: 0, completed: 0 },
  from: '2026-09-07',
  to: '2026-12-05',
};

let tokens: SsoTestTokens;
let url: string;
let close: () => Promise<void>;
const groupChecks: string[] = [];

beforeAll(async () => {
  tokens = await createSsoTestTokens();
  // The staff group as Graph would answer it: only STAFF_USER is in it; BROKEN_USER's check fails.
  const inStaffGroup = (caller: SsoCaller): Promise<boolean> => {
    groupChecks.push(caller.userId);
    if (caller.userId === BROKEN_USER) return Promise.reject(new StaffGroupCheckError('Graph answered 503'));
    return Promise.resolve(caller.userId === STAFF_USER);
  };
  const logger = pino({ level: 'silent' });
  const server = createHttpServer({
    logger,
    demo: false,
    readiness: [],
    handleBotActivity: () => Promise.resolve(),
    publicConfig: () => ({}),
    registerApiRoutes: (api) =>
      registerDistributorRoutes(api, {
        board: { list: () => Promise.resolve(EMPTY_LIST), select: () => Promise.resolve([]), detail: () => Promise.resolve(undefined) },
        orders: { get: () => Promise.resolve(undefined), changeStatus: () => Promise.resolve({ kind: 'notFound' }) },
        resolveCaller: ssoStaffCallerResolver({ verify: tokens.verify, distributorTenantId: DISTRIBUTOR_TENANT, inStaffGroup }),
        catalog: [],
        timeZone: 'Europe/Moscow',
        locale: 'ru',
        exportMaxOrders: 10,
        logger,
      }),
    tab: { directory: '/nonexistent-tab-build', frameAncestors: [] },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
});
afterAll(() => close());

async function listAs(token?: string): Promise<Response> {
  return fetch(`${url}/api/distributor/orders`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
}

async function errorCode(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { errors: { code: string }[] }).errors[0]?.code;
}

describe('the distributor API admits only the distributor\'s staff', () => {
  it('answers 200 to a member of the distributor\'s tenant who is in the staff group', async () => {
    const response = await listAs(await tokens.sign({ tenantId: DISTRIBUTOR_TENANT, userId: STAFF_USER, acct: 0 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(EMPTY_LIST);
  });

  it('answers 401 without a token, and with a token signed by an unknown key', async () => {
    expect((await listAs()).status).toBe(401);
    const forged = await tokens.sign({ tenantId: DISTRIBUTOR_TENANT, userId: STAFF_USER }, { foreignKey: true });
    const response = await listAs(forged);
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('unauthorized');
  });

  it('answers 403 not_staff to a customer tenant\'s user, without asking about the group', async () => {
    groupChecks.length = 0;
    const response = await listAs(await tokens.sign({ tenantId: CUSTOMER_TENANT, userId: STAFF_USER }));
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('not_staff');
    expect(groupChecks).toEqual([]);
  });

  it('answers 403 to a guest of the distributor\'s tenant: by the acct claim, and by an idp of another tenant', async () => {
    const byAcct = await listAs(await tokens.sign({ tenantId: DISTRIBUTOR_TENANT, userId: STAFF_USER, acct: 1 }));
    expect(byAcct.status).toBe(403);
    expect(await errorCode(byAcct)).toBe('not_staff');
    const byIdp = await listAs(await tokens.sign({ tenantId: DISTRIBUTOR_TENANT, userId: STAFF_USER, idp: `https://sts.windows.net/${CUSTOMER_TENANT}/` }));
    expect(byIdp.status).toBe(403);
    // The tenant's own issuer as idp is a member.
    const member = await listAs(await tokens.sign({ tenantId: DISTRIBUTOR_TENANT, userId: STAFF_USER, idp: `https://sts.windows.net/${DISTRIBUTOR_TENANT}/` }));
    expect(member.status).toBe(200);
  });

  it('answers 403 to a member of the distributor\'s tenant outside the staff group', async () => {
    const response = await listAs(await tokens.sign({ tenantId: DISTRIBUTOR_TENANT, userId: OUTSIDER_USER }));
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: { code: string; message: string }[] };
    expect(body.errors[0]).toMatchObject({ code: 'not_staff', message: expect.stringContaining('staff group') });
  });

  it('answers 503 when the group membership cannot be checked, so a Graph outage is not read as "not staff"', async () => {
    const response = await listAs(await tokens.sign({ tenantId: DISTRIBUTOR_TENANT, userId: BROKEN_USER }));
    expect(response.status).toBe(503);
    expect(await errorCode(response)).toBe('staff_check_unavailable');
  });

  it('guards every distributor route the same way', async () => {
    const customer = { authorization: `Bearer ${await tokens.sign({ tenantId: CUSTOMER_TENANT, userId: STAFF_USER })}` };
    const answers = await Promise.all([
      fetch(`${url}/api/distributor/orders/export?format=csv`, { headers: customer }),
      fetch(`${url}/api/distributor/orders/${CUSTOMER_TENANT}/CSP-ABCDEFGH`, { headers: customer }),
      fetch(`${url}/api/distributor/orders/${CUSTOMER_TENANT}/CSP-ABCDEFGH/status`, {
        method: 'POST',
        headers: { ...customer, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'accepted', revision: 1 }),
      }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403]);
  });
});
