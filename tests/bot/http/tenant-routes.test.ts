import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWK, KeyObject } from 'jose';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSsoTokenVerifier } from '../../../bot/auth/sso-token-verifier.js';
import { createAppOnlyTokenProvider } from '../../../bot/graph/app-only-token-provider.js';
import { createDemoCustomerFacts } from '../../../bot/graph/demo-tenant.js';
import { createGraphCustomerFacts } from '../../../bot/graph/graph-customer-facts.js';
import { createOboTokenProvider } from '../../../bot/graph/obo-token-provider.js';
import { createPartnerConfirmation } from '../../../bot/graph/partner-confirmation.js';
import { createTenantFactsService } from '../../../bot/graph/tenant-facts-service.js';
import type { TenantFactsServiceOptions } from '../../../bot/graph/tenant-facts-service.js';
import { demoCallerResolver, ssoCallerResolver } from '../../../bot/http/caller.js';
import type { CallerResolver } from '../../../bot/http/caller.js';
import { startApiServer } from '../../support/api-server.js';
import { registerTenantRoutes } from '../../../bot/http/tenant-routes.js';
import { customerAgreementStatus } from '../../../src/domain/customer-agreement/customer-agreement-response.js';
import { acceptance, TEST_TEMPLATE_ID } from '../../support/customer-agreement-fixtures.js';
import { adminConsentUrl } from '../../../src/domain/tenant/admin-consent-link.js';
import { parseTenantResponse } from '../../../src/domain/tenant/tenant-response.js';
import type { TenantResponse } from '../../../src/domain/tenant/tenant-response.js';
import { entraErrors, insufficientPrivileges, MFA_CLAIMS_CHALLENGE, startGraphStandIn } from '../../support/graph-stand-in.js';
import type { GraphStandIn } from '../../support/graph-stand-in.js';
import {
  CLIENT_ID,
  contractOf,
  CUSTOMER_TENANT_ID,
  DEFAULT_USER_ROLE,
  DISTRIBUTOR_TENANT_ID,
  GLOBAL_ADMINISTRATOR,
  partnerOwnedSubscription,
  PARTNER_TENANT_IDS,
  scriptCustomerTenant,
  scriptDistributorTenant,
  subscriptionsBody,
} from '../graph/graph-fixtures.js';

const logger = pino({ level: 'silent' });
let standIn: GraphStandIn;
let signingKey: CryptoKey | KeyObject;
let verify: ReturnType<typeof createSsoTokenVerifier>;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  standIn = await startGraphStandIn();
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256' };
  verify = createSsoTokenVerifier({ clientId: CLIENT_ID, keys: createLocalJWKSet({ keys: [publicJwk] }) });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  standIn.failTokens(CUSTOMER_TENANT_ID, undefined);
});
afterAll(() => standIn.close());

/** A Teams SSO token as Entra issues it; each one unique, so no on-behalf-of token is reused between tests. */
async function ssoToken(wids?: readonly string[]): Promise<string> {
  return new SignJWT({
    tid: CUSTOMER_TENANT_ID,
    oid: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    scp: 'access_as_user',
    name: 'Петрова Анна Сергеевна',
    uti: randomUUID(),
    ver: '2.0',
    ...(wids ? { wids: [...wids] } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuedAt()
    .setAudience(CLIENT_ID)
    .setIssuer(`https://login.microsoftonline.com/${CUSTOMER_TENANT_ID}/v2.0`)
    .setExpirationTime('1h')
    .sign(signingKey);
}

function graphService(overrides: Partial<TenantFactsServiceOptions> = {}) {
  return createTenantFactsService({
    source: 'graph',
    customerFacts: createGraphCustomerFacts({
      obo: createOboTokenProvider({ clientId: CLIENT_ID, clientSecret: 'secret', networkClient: standIn.networkClient }),
      adminConsentUrl: (tenantId) => adminConsentUrl(tenantId, CLIENT_ID),
      logger,
      graphBaseUrl: standIn.graphBaseUrl,
    }),
    partnerConfirmation: createPartnerConfirmation({
      token: createAppOnlyTokenProvider({ clientId: '22222222-3333-4444-5555-666666666666', clientSecret: 'partner', tenantId: DISTRIBUTOR_TENANT_ID, networkClient: standIn.networkClient }),
      logger,
      graphBaseUrl: standIn.graphBaseUrl,
    }),
    clientId: CLIENT_ID,
    partnerTenantIds: PARTNER_TENANT_IDS,
    latestInvitationAnswer: () => Promise.resolve(undefined),
    logger,
    ...overrides,
  });
}

async function startServer(tenantFacts: ReturnType<typeof createTenantFactsService>, resolveCaller: CallerResolver = ssoCallerResolver(verify)): Promise<string> {
  const server = await startApiServer(logger, (api) =>
    registerTenantRoutes(api, {
      tenantFacts,
      resolveCaller,
      logger,
      clientId: CLIENT_ID,
      // Accepted for the customer tenant only, so the answer shows it is read for the caller's tenant.
      customerAgreementStatus: (tenantId) =>
        Promise.resolve(customerAgreementStatus(tenantId === CUSTOMER_TENANT_ID ? acceptance(tenantId) : undefined, AGREEMENT_URL)),
    }),
  );
  servers.push(server);
  return server.url;
}

async function getTenant(url: string, token?: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${url}/api/tenant`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function tenantOk(url: string, token: string): Promise<TenantResponse> {
  const { status, body } = await getTenant(url, token);
  expect(status).toBe(200);
  return parseTenantResponse(body);
}

const AGREEMENT_URL = 'https://www.microsoft.com/licensing/docs/customeragreement';

describe('GET /api/tenant', () => {
  it('answers 401 without a token, before asking anyone', async () => {
    const url = await startServer(graphService());
    const tokensBefore = standIn.tokenRequests.length;

    const { status, headers, body } = await getTenant(url);

    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(body).toEqual({ errors: [{ field: '', code: 'unauthorized', message: 'Sign-in required: missing bearer token' }] });
    expect(standIn.tokenRequests.length).toBe(tokensBefore);
  });

  it('answers the tenant’s facts, with one refused fact marked and the relationship confirmed by the partner side', async () => {
    scriptCustomerTenant(standIn);
    scriptDistributorTenant(standIn);
    standIn.grantScopes(CUSTOMER_TENANT_ID, ['User.Read']);
    standIn.answer(CUSTOMER_TENANT_ID, '/directory/subscriptions', insufficientPrivileges());
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: contractOf(CUSTOMER_TENANT_ID) });
    const url = await startServer(graphService());

    const response = await fetch(`${url}/api/tenant`, { headers: { authorization: `Bearer ${await ssoToken([GLOBAL_ADMINISTRATOR])}` } });
    const tenant = parseTenantResponse(await response.json());

    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(tenant.tenantId).toBe(CUSTOMER_TENANT_ID);
    expect(tenant.source).toBe('graph');
    expect(tenant.adminConsentUrl).toBe(adminConsentUrl(CUSTOMER_TENANT_ID, CLIENT_ID));
    expect(tenant.domains).toMatchObject({ status: 'ok', value: { technicalDomain: 'vasilek.onmicrosoft.com', defaultDomain: 'vasilek.ru', technicalDomainIsDefault: false } });
    expect(tenant.subscriptions).toEqual({ status: 'needsConsent', permissions: ['Organization.Read.All'], adminConsentUrl: adminConsentUrl(CUSTOMER_TENANT_ID, CLIENT_ID) });
    expect(tenant.user.status).toBe('ok');
    expect(tenant.admin).toMatchObject({ isAdmin: true, source: 'token' });
    expect(tenant.relationship.level).toBe('confirmed');
    expect(tenant.relationship.evidence.find((item) => item.source === 'partnerContract')?.status).toBe('found');
    expect(tenant.customerAgreement).toEqual({
      status: 'accepted',
      acceptedAt: acceptance(CUSTOMER_TENANT_ID).acceptedAt,
      signatory: acceptance(CUSTOMER_TENANT_ID).signatory,
      templateId: TEST_TEMPLATE_ID,
      agreementUrl: AGREEMENT_URL,
    });
  });

  it('shows a partner-owned subscription as detected, never confirmed, when the partner side finds nothing', async () => {
    scriptCustomerTenant(standIn);
    scriptDistributorTenant(standIn);
    standIn.answer(CUSTOMER_TENANT_ID, '/directory/subscriptions', { status: 200, body: { value: [...subscriptionsBody.value, partnerOwnedSubscription] } });
    const url = await startServer(graphService());

    const tenant = await tenantOk(url, await ssoToken([DEFAULT_USER_ROLE]));

    expect(tenant.relationship.level).toBe('detected');
    expect(tenant.subscriptions.status === 'ok' && tenant.subscriptions.value.filter((s) => s.ownedByPartner).map((s) => s.skuPartNumber)).toEqual(['EXCHANGESTANDARD']);
    expect(tenant.admin.isAdmin).toBe(false);
    expect(tenant.admin.steps.find((step) => step.step === 'acceptInvitation')?.allowed).toBe(false);
  });

  it('falls back to the declared answer of the latest order, and survives failing to read it', async () => {
    scriptCustomerTenant(standIn);
    scriptDistributorTenant(standIn);
    const declaredUrl = await startServer(graphService({ latestInvitationAnswer: () => Promise.resolve(true) }));
    const failingUrl = await startServer(graphService({ latestInvitationAnswer: () => Promise.reject(new Error('storage down')) }));

    expect((await tenantOk(declaredUrl, await ssoToken())).relationship.level).toBe('declared');
    expect((await tenantOk(failingUrl, await ssoToken())).relationship.level).toBe('notFound');
  });

  it('answers 403 consent_required with the admin-consent link when nobody consented to the app', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, entraErrors.consentRequired());
    const url = await startServer(graphService());

    const { status, body } = await getTenant(url, await ssoToken());

    expect(status).toBe(403);
    expect(body).toMatchObject({
      errors: [{ code: 'consent_required' }],
      adminConsentUrl: `https://login.microsoftonline.com/${CUSTOMER_TENANT_ID}/adminconsent?client_id=${CLIENT_ID}`,
    });
  });

  it('answers 403 interaction_required with Entra’s claims challenge when the user must sign in again', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, entraErrors.mfaRequired());
    const url = await startServer(graphService());

    const { status, body } = await getTenant(url, await ssoToken());

    expect(status).toBe(403);
    expect(body).toMatchObject({ errors: [{ code: 'interaction_required' }], claims: MFA_CLAIMS_CHALLENGE });
  });

  it('answers 502 graph_token_failed when Entra refuses the app itself', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, entraErrors.invalidClient());
    const url = await startServer(graphService());

    const { status, body } = await getTenant(url, await ssoToken());

    expect(status).toBe(502);
    expect(body).toMatchObject({ errors: [{ code: 'graph_token_failed' }] });
  });
});

describe('GET /api/tenant in demo mode', () => {
  it('answers from the demo tenant without Graph: technical domain not default, a trial, relationship detected', async () => {
    const tokensBefore = standIn.tokenRequests.length;
    const service = createTenantFactsService({
      source: 'demo',
      customerFacts: createDemoCustomerFacts({ partnerTenantId: DISTRIBUTOR_TENANT_ID }),
      partnerTenantIds: PARTNER_TENANT_IDS,
      logger,
    });
    const url = await startServer(service, demoCallerResolver('00000000-0000-0000-0000-0000000000001'));

    const tenant = await tenantOk(url, '');

    expect(tenant.source).toBe('demo');
    expect(tenant.adminConsentUrl).toBeNull();
    expect(tenant.organization).toMatchObject({ status: 'ok', value: { displayName: 'ООО «Ромашка»' } });
    expect(tenant.domains).toMatchObject({ status: 'ok', value: { technicalDomain: 'romashka.onmicrosoft.com', defaultDomain: 'romashka.ru', technicalDomainIsDefault: false } });
    expect(tenant.subscriptions.status === 'ok' && tenant.subscriptions.value.filter((s) => s.isTrial).map((s) => s.skuPartNumber)).toEqual(['SPB']);
    expect(tenant.relationship.level).toBe('detected');
    expect(tenant.relationship.evidence.find((item) => item.source === 'auditLog')?.status).toBe('needsConsent');
    expect(tenant.admin).toMatchObject({ isAdmin: true, source: 'directory' });
    expect(standIn.tokenRequests.length).toBe(tokensBefore);
  });
});
