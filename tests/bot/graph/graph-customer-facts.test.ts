import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createGraphCustomerFacts } from '../../../bot/graph/graph-customer-facts.js';
import { createOboTokenProvider } from '../../../bot/graph/obo-token-provider.js';
import { adminConsentUrl } from '../../../src/domain/tenant/admin-consent-link.js';
import { AUDIT_LOG_READER_ROLES } from '../../../src/domain/tenant/directory-roles.js';
import type { CustomerFactsSource } from '../../../bot/graph/customer-facts-source.js';
import { graphError, insufficientPrivileges, startGraphStandIn } from '../../support/graph-stand-in.js';
import type { GraphStandIn } from '../../support/graph-stand-in.js';
import { CLIENT_ID, CUSTOMER_TENANT_ID, DEFAULT_USER_ROLE, GLOBAL_ADMINISTRATOR, scriptCustomerTenant } from './graph-fixtures.js';
import { CUSTOMER_ORGANIZATION } from '../../domain/tenant/tenant-fixtures.js';

let standIn: GraphStandIn;
let facts: CustomerFactsSource;
const consentUrl = adminConsentUrl(CUSTOMER_TENANT_ID, CLIENT_ID);

beforeAll(async () => {
  standIn = await startGraphStandIn();
});
afterAll(() => standIn.close());

let assertion = 0;
/** A fresh SSO assertion per call, so no OBO token is reused between tests. */
const caller = (roleTemplateIds?: readonly string[]) => ({
  tenantId: CUSTOMER_TENANT_ID,
  token: `sso-token-${(assertion += 1)}`,
  ...(roleTemplateIds ? { roleTemplateIds } : {}),
});

beforeEach(() => {
  scriptCustomerTenant(standIn);
  facts = createGraphCustomerFacts({
    obo: createOboTokenProvider({ clientId: CLIENT_ID, clientSecret: 'secret', networkClient: standIn.networkClient }),
    adminConsentUrl: (tenantId) => adminConsentUrl(tenantId, CLIENT_ID),
    logger: pino({ level: 'silent' }),
    graphBaseUrl: standIn.graphBaseUrl,
  });
});
afterEach(() => standIn.failBatches(CUSTOMER_TENANT_ID, undefined));

describe('createGraphCustomerFacts', () => {
  it('asks for every customer-side fact in one $batch after one on-behalf-of exchange in the caller’s tenant', async () => {
    const tokensBefore = standIn.tokenRequests.length;
    const batchesBefore = standIn.batches.length;
    const requestsBefore = standIn.graphRequests.length;

    await facts(caller());

    const tokenRequests = standIn.tokenRequests.slice(tokensBefore);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatchObject({
      tenantId: CUSTOMER_TENANT_ID,
      grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      clientId: CLIENT_ID,
      assertion: `sso-token-${assertion}`,
    });
    expect(tokenRequests[0]?.scope).toContain('https://graph.microsoft.com/.default');
    expect(standIn.batches.slice(batchesBefore)).toHaveLength(1);
    const urls = standIn.graphRequests.slice(requestsBefore).map((request) => request.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/organization\?\$select=.*verifiedDomains/),
        expect.stringMatching(/^\/me\?\$select=.*mobilePhone/),
        '/directory/subscriptions',
        "/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20'Add%20partner%20to%20company'&$top=20",
        '/policies/crossTenantAccessPolicy/partners?$select=tenantId,isServiceProvider',
        "/servicePrincipals?$filter=appId%20in%20('2832473f-ec63-45fb-976f-5d45a7d4bb91'%2C'a3475900-ccec-4a69-98f5-a65cd5dc5306')&$select=id,appId,displayName",
        '/me/transitiveMemberOf/microsoft.graph.directoryRole?$count=true&$select=id,displayName,roleTemplateId',
      ]),
    );
    const roleLookup = standIn.graphRequests.slice(requestsBefore).find((request) => request.url.startsWith('/me/transitiveMemberOf'));
    expect(roleLookup?.headers).toEqual({ ConsistencyLevel: 'eventual' });
  });

  it('reads the organization, its verified domains, the user and the subscriptions', async () => {
    const result = await facts(caller());

    expect(result.organization).toEqual({
      status: 'ok',
      value: {
        ...CUSTOMER_ORGANIZATION,
        verifiedDomains: [
          { name: 'vasilek.onmicrosoft.com', isDefault: false, isInitial: true },
          { name: 'vasilek.mail.onmicrosoft.com', isDefault: false, isInitial: false },
          { name: 'Vasilek.RU', isDefault: true, isInitial: false },
        ],
      },
    });
    expect(result.user).toEqual({
      status: 'ok',
      value: {
        displayName: 'Петрова Анна Сергеевна',
        givenName: 'Анна',
        surname: 'Петрова',
        mail: 'a.petrova@vasilek.ru',
        userPrincipalName: 'a.petrova@vasilek.ru',
        mobilePhone: null,
        businessPhones: ['+7 812 555-01-03'],
      },
    });
    expect(result.subscriptions.status === 'ok' && result.subscriptions.value.map((s) => [s.skuPartNumber, s.isTrial, s.totalLicenses, s.status])).toEqual([
      ['SPB', true, 25, 'Enabled'],
      ['O365_BUSINESS_ESSENTIALS', false, 12, 'Enabled'],
    ]);
    expect(result.directoryRoles).toEqual({ status: 'ok', value: [GLOBAL_ADMINISTRATOR] });
  });

  it('marks only the refused fact as needing consent, naming its permission and the consent link', async () => {
    standIn.grantScopes(CUSTOMER_TENANT_ID, ['User.Read']);
    standIn.answer(CUSTOMER_TENANT_ID, '/directory/subscriptions', insufficientPrivileges());

    const result = await facts(caller());

    expect(result.subscriptions).toEqual({ status: 'needsConsent', permissions: ['Organization.Read.All'], adminConsentUrl: consentUrl });
    expect(result.organization.status).toBe('ok');
    expect(result.user.status).toBe('ok');
  });

  it('says a role is missing, not consent, when the token carries the permission and Graph still refuses', async () => {
    standIn.answer(CUSTOMER_TENANT_ID, '/auditLogs/directoryAudits', insufficientPrivileges());

    const result = await facts(caller([DEFAULT_USER_ROLE]));

    expect(result.partnerAuditEvents).toEqual({
      status: 'needsRole',
      permissions: ['AuditLog.Read.All', 'Directory.Read.All'],
      roleTemplateIds: [...AUDIT_LOG_READER_ROLES],
    });
  });

  it('reports a tenant without the licence for audit logs as such', async () => {
    standIn.answer(
      CUSTOMER_TENANT_ID,
      '/auditLogs/directoryAudits',
      graphError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', 'Neither tenant is B2C or tenant doesn’t have premium license'),
    );

    const result = await facts(caller());

    expect(result.partnerAuditEvents).toEqual({ status: 'unavailable', reason: 'licenseRequired' });
  });

  it('marks a throttled part unavailable with its Retry-After, and a failed part as a service error', async () => {
    standIn.answer(CUSTOMER_TENANT_ID, '/policies/crossTenantAccessPolicy/partners', graphError(429, 'TooManyRequests', 'Too many requests', { 'Retry-After': '7' }));
    standIn.answer(CUSTOMER_TENANT_ID, '/servicePrincipals', graphError(503, 'ServiceUnavailable', 'Try later'));

    const result = await facts(caller());

    expect(result.crossTenantPartners).toEqual({ status: 'unavailable', reason: 'throttled', retryAfterSeconds: 7 });
    expect(result.gdapServicePrincipals).toEqual({ status: 'unavailable', reason: 'serviceError' });
    expect(result.organization.status).toBe('ok');
  });

  it('leaves every fact unavailable when the batch as a whole is throttled', async () => {
    standIn.failBatches(CUSTOMER_TENANT_ID, { status: 429, headers: { 'Retry-After': '30' } });

    const result = await facts(caller());

    const throttled = { status: 'unavailable', reason: 'throttled', retryAfterSeconds: 30 };
    expect(result.user).toEqual(throttled);
    expect(result.organization).toEqual(throttled);
    expect(result.subscriptions).toEqual(throttled);
  });

  it('does not ask Graph for the roles when the token named them', async () => {
    const requestsBefore = standIn.graphRequests.length;

    const result = await facts(caller([GLOBAL_ADMINISTRATOR]));

    expect(standIn.graphRequests.slice(requestsBefore).some((request) => request.url.startsWith('/me/transitiveMemberOf'))).toBe(false);
    expect(result.directoryRoles).toBeUndefined();
  });

  it('asks for Directory.Read.All when Graph lists directory roles without their template ids', async () => {
    standIn.answer(CUSTOMER_TENANT_ID, '/me/transitiveMemberOf/microsoft.graph.directoryRole', {
      status: 200,
      body: { value: [{ '@odata.type': '#microsoft.graph.directoryRole', id: 'r1' }] },
    });

    const result = await facts(caller());

    expect(result.directoryRoles).toEqual({ status: 'needsConsent', permissions: ['Directory.Read.All'], adminConsentUrl: consentUrl });
  });

  it('records which GUIDs an "Add partner to company" entry mentions', async () => {
    standIn.answer(CUSTOMER_TENANT_ID, '/auditLogs/directoryAudits', {
      status: 200,
      body: {
        value: [
          {
            id: 'Directory_1',
            activityDisplayName: 'Add partner to company',
            activityDateTime: '2026-01-12T09:30:00Z',
            result: 'success',
            targetResources: [{ id: '50D9236D-483E-4D08-A89C-2F3BD1C6491F', type: 'Other', modifiedProperties: [] }],
          },
        ],
      },
    });

    const result = await facts(caller());

    expect(result.partnerAuditEvents).toEqual({
      status: 'ok',
      value: [{ activityDateTime: '2026-01-12T09:30:00Z', result: 'success', mentionedIds: ['50d9236d-483e-4d08-a89c-2f3bd1c6491f'] }],
    });
  });
});
