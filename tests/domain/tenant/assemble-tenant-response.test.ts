import { describe, expect, it } from 'vitest';
import { assembleTenantResponse } from '../../../src/domain/tenant/assemble-tenant-response.js';
import { parseTenantResponse } from '../../../src/domain/tenant/tenant-response.js';
import type { Fact, UserFacts } from '../../../src/domain/tenant/tenant-response.js';
import { CUSTOMER_ORGANIZATION, customerFacts, DISTRIBUTOR_TENANT_ID, GLOBAL_ADMINISTRATOR, responseInput, subscription } from './tenant-fixtures.js';

describe('assembleTenantResponse', () => {
  it('splits the organization into its details and its domains, and says the technical domain is not the default', () => {
    const response = assembleTenantResponse(responseInput());

    expect(response.organization).toEqual({
      status: 'ok',
      value: CUSTOMER_ORGANIZATION,
    });
    expect(response.domains).toMatchObject({
      status: 'ok',
      value: { technicalDomain: 'vasilek.onmicrosoft.com', defaultDomain: 'vasilek.ru', technicalDomainIsDefault: false },
    });
  });

  it('empties both organization and domains when the organization could not be read', () => {
    const refused = { status: 'unavailable', reason: 'serviceError' } as const;

    const response = assembleTenantResponse(responseInput({ customer: customerFacts({ organization: refused }) }));

    expect(response.organization).toEqual(refused);
    expect(response.domains).toEqual(refused);
  });

  it('marks subscriptions the partner created', () => {
    const response = assembleTenantResponse(
      responseInput({
        customer: customerFacts({
          subscriptions: { status: 'ok', value: [subscription({ isTrial: true }), subscription({ id: 'sub-2', ownerTenantId: DISTRIBUTOR_TENANT_ID })] },
        }),
      }),
    );

    expect(response.subscriptions.status === 'ok' && response.subscriptions.value.map((s) => [s.id, s.isTrial, s.ownedByPartner])).toEqual([
      ['sub-1', true, false],
      ['sub-2', false, true],
    ]);
  });

  it('takes the roles from the token when it named them, else from the directory, else calls them unknown', () => {
    const fromToken = assembleTenantResponse(
      responseInput({ tokenRoleTemplateIds: [], customer: customerFacts({ directoryRoles: { status: 'ok', value: [GLOBAL_ADMINISTRATOR] } }) }),
    );
    const fromDirectory = assembleTenantResponse(
      responseInput({ tokenRoleTemplateIds: undefined, customer: customerFacts({ directoryRoles: { status: 'ok', value: [GLOBAL_ADMINISTRATOR] } }) }),
    );
    const unknown = assembleTenantResponse(
      responseInput({
        tokenRoleTemplateIds: undefined,
        customer: customerFacts({ directoryRoles: { status: 'needsConsent', permissions: ['Directory.Read.All'], adminConsentUrl: null } }),
      }),
    );

    expect([fromToken.admin.source, fromToken.admin.isAdmin]).toEqual(['token', false]);
    expect([fromDirectory.admin.source, fromDirectory.admin.isAdmin]).toEqual(['directory', true]);
    expect([unknown.admin.source, unknown.admin.isAdmin]).toEqual(['unknown', null]);
  });

  it('produces a body the tab’s schema accepts, and that survives JSON', () => {
    const response = assembleTenantResponse(
      responseInput({
        declaredInvitationAccepted: true,
        customer: customerFacts({
          subscriptions: { status: 'needsConsent', permissions: ['Organization.Read.All'], adminConsentUrl: 'https://login.microsoftonline.com/t/adminconsent?client_id=c' },
        }),
      }),
    );

    const parsed = parseTenantResponse(JSON.parse(JSON.stringify(response)));

    expect(parsed).toEqual(response);
    const user: Fact<UserFacts> = parsed.user;
    expect(user.status).toBe('ok');
  });
});

describe('parseTenantResponse', () => {
  it('rejects a body that breaks the contract', () => {
    const response = assembleTenantResponse(responseInput());

    expect(() => parseTenantResponse({ ...response, relationship: { level: 'probably', evidence: [] } })).toThrow();
    expect(() => parseTenantResponse({ ...response, user: { status: 'ok' } })).toThrow();
    expect(() => parseTenantResponse({ ...response, subscriptions: { status: 'needsConsent' } })).toThrow();
  });
});
