import { pino } from 'pino';
import type { Request } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../bot/auth/sso-token-verifier.js';
import { CustomerAgreementService } from '../../../bot/customer-agreement/customer-agreement-service.js';
import type { CallerResolver } from '../../../bot/http/caller.js';
import { registerCustomerAgreementRoutes } from '../../../bot/http/customer-agreement-routes.js';
import { CustomerAgreementStore } from '../../../bot/storage/customer-agreement-store.js';
import { customerAgreementStatusSchema } from '../../../src/domain/customer-agreement/customer-agreement-response.js';
import { startApiServer } from '../../support/api-server.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { TEST_TEMPLATE_ID } from '../../support/customer-agreement-fixtures.js';
import { freshTable, tenantId } from '../storage/fixtures.js';

const AGREEMENT_URL = 'https://www.microsoft.com/licensing/docs/customeragreement';
const NOW = new Date('2026-11-20T09:30:00.000Z');

/**
 * Stands in for the verified SSO token: `Bearer {tenant}|{user}|{name}`.
 * What matters here is that the routes take tenant and user from the caller
 * and never from the body; the token verification itself has its own tests.
 */
const tokenCaller: CallerResolver = (req: Request) => {
  const match = /^Bearer ([^|]+)\|([^|]+)\|(.+)$/.exec(req.header('authorization') ?? '');
  if (!match?.[1] || !match[2] || !match[3]) return Promise.reject(new UnauthorizedError('no token'));
  return Promise.resolve({ tenantId: match[1], userId: match[2], name: match[3] });
};

let azurite: AzuriteTables;
let store: CustomerAgreementStore;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  azurite = await startAzurite();
  store = new CustomerAgreementStore(await freshTable(azurite.connectionString));
  const logger = pino({ level: 'silent' });
  const customerAgreements = new CustomerAgreementService({ store, templateId: TEST_TEMPLATE_ID, agreementUrl: AGREEMENT_URL });
  const server = await startApiServer(logger, (api) =>
    registerCustomerAgreementRoutes(api, { customerAgreements, resolveCaller: tokenCaller, logger, clock: () => NOW }),
  );
  url = server.url;
  close = () => server.close();
});

afterAll(async () => {
  await close?.();
  await azurite?.stop();
});

const SIGNATORY = { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', email: 'm.ivanova@romashka.ru', phone: '+7 495 123-45-67' };

function bearer(tenant: string, user = 'user-1', name = 'Maria Ivanova'): Record<string, string> {
  return { authorization: `Bearer ${tenant}|${user}|${name}` };
}

function put(tenant: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/tenant/customer-agreement`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(tenant === undefined ? {} : bearer(tenant)), ...headers },
    body: JSON.stringify(body),
  });
}

async function get(tenant: string): Promise<unknown> {
  const response = await fetch(`${url}/api/tenant/customer-agreement`, { headers: bearer(tenant) });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.json();
}

describe('GET /api/tenant/customer-agreement', () => {
  it('answers notAccepted with the agreement link for a tenant that never accepted', async () => {
    expect(await get(tenantId())).toEqual({ status: 'notAccepted', agreementUrl: AGREEMENT_URL });
  });

  it('answers 401 without a token', async () => {
    expect((await fetch(`${url}/api/tenant/customer-agreement`)).status).toBe(401);
  });
});

describe('PUT /api/tenant/customer-agreement', () => {
  it('stores the acceptance for the caller’s tenant, with the server’s time and template, and answers it', async () => {
    const tenant = tenantId();
    const response = await put(tenant, { accepted: true, signatory: SIGNATORY });
    expect(response.status).toBe(200);
    const expected = {
      status: 'accepted',
      acceptedAt: NOW.toISOString(),
      signatory: { ...SIGNATORY, phone: '+74951234567' },
      templateId: TEST_TEMPLATE_ID,
      agreementUrl: AGREEMENT_URL,
    };
    expect(customerAgreementStatusSchema.parse(await response.json())).toEqual(expected);
    expect(await get(tenant)).toEqual(expected);
  });

  it('takes the evidence from the token, never from the body', async () => {
    const tenant = tenantId();
    const other = tenantId();
    const response = await put(tenant, {
      accepted: true,
      signatory: SIGNATORY,
      tenantId: other,
      acceptedAt: '2020-01-01T00:00:00.000Z',
      templateId: 'forged-template',
      evidence: { channel: 'chat', tenantId: other, userId: 'someone-else' },
    });
    expect(response.status).toBe(200);
    expect(await store.get(other)).toBeUndefined();
    expect(await store.get(tenant)).toMatchObject({
      tenantId: tenant,
      acceptedAt: NOW.toISOString(),
      templateId: TEST_TEMPLATE_ID,
      evidence: { channel: 'tab', tenantId: tenant, userId: 'user-1', userName: 'Maria Ivanova' },
    });
  });

  it('lets no customer read or change another tenant’s acceptance: the tenant is always the caller’s', async () => {
    const owner = tenantId();
    const stranger = tenantId();
    await put(owner, { accepted: true, signatory: SIGNATORY });

    expect(await get(stranger)).toEqual({ status: 'notAccepted', agreementUrl: AGREEMENT_URL });
    // A query or body naming the owner changes nothing for the owner.
    await fetch(`${url}/api/tenant/customer-agreement?tenantId=${owner}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(stranger) },
      body: JSON.stringify({ accepted: true, tenantId: owner, signatory: { ...SIGNATORY, lastName: 'Чужой' } }),
    });
    expect((await store.get(owner))?.signatory.lastName).toBe('Иванова');
    expect((await store.get(stranger))?.signatory.lastName).toBe('Чужой');
  });

  it('answers 422 with every invalid field in the caller’s language, and stores nothing', async () => {
    const tenant = tenantId();
    const response = await put(
      tenant,
      { accepted: false, signatory: { lastName: '', firstName: 'Мария', email: 'nope', phone: '12' } },
      { 'accept-language': 'en-US' },
    );
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: { field: string; code: string; message: string }[] };
    expect(errors.map(({ field, code }) => [field, code])).toEqual([
      ['accepted', 'agreement_not_accepted'],
      ['signatory.lastName', 'required'],
      ['signatory.email', 'email_invalid'],
      ['signatory.phone', 'phone_invalid'],
    ]);
    expect(errors[0]?.message).toBe('Tick the box to accept the Microsoft Customer Agreement on behalf of your organization.');
    const russian = await put(tenant, { accepted: false, signatory: SIGNATORY }, { 'accept-language': 'ru-RU' });
    expect(((await russian.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/^Отметьте/);
    expect(await store.get(tenant)).toBeUndefined();
  });

  it('answers 415 for a body that is not JSON, 400 for JSON that is not an object, 401 without a token', async () => {
    const tenant = tenantId();
    const text = await fetch(`${url}/api/tenant/customer-agreement`, { method: 'PUT', headers: { 'content-type': 'text/plain', ...bearer(tenant) }, body: 'yes' });
    expect(text.status).toBe(415);
    expect((await put(tenant, [1, 2])).status).toBe(400);
    expect((await put(undefined, { accepted: true, signatory: SIGNATORY })).status).toBe(401);
  });
});
