import { PARTNER_NOT_CONFIGURED } from '../../../src/domain/tenant/tenant-facts.js';
import type { CustomerFacts, OrganizationRecord, PartnerFacts, SubscriptionRecord } from '../../../src/domain/tenant/tenant-facts.js';
import type { TenantResponseInput } from '../../../src/domain/tenant/assemble-tenant-response.js';

export const TENANT_ID = 'c0ffee00-1111-4222-8333-444455556666';
export const DISTRIBUTOR_TENANT_ID = '50d9236d-483e-4d08-a89c-2f3bd1c6491f';
export const RESELLER_TENANT_ID = '60d2bbc8-7aaa-466e-b72d-a90f270a72ee';
export const OTHER_PARTNER_TENANT_ID = '77777777-7777-4777-8777-777777777777';
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';

/** The customer tenant's organization as Graph describes it, without its domains. */
export const CUSTOMER_ORGANIZATION: Omit<OrganizationRecord, 'verifiedDomains'> = {
  displayName: 'ООО «Василёк»',
  street: 'Невский пр., д. 28',
  city: 'Санкт-Петербург',
  postalCode: '191186',
  state: null,
  country: 'Россия',
  businessPhones: ['+7 812 555-01-02'],
};

export function subscription(overrides: Partial<SubscriptionRecord> = {}): SubscriptionRecord {
  return {
    id: 'sub-1',
    skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
    skuPartNumber: 'SPB',
    isTrial: false,
    status: 'Enabled',
    totalLicenses: 10,
    ownerTenantId: null,
    createdDateTime: '2026-01-01T00:00:00Z',
    nextLifecycleDateTime: '2026-12-01T00:00:00Z',
    ...overrides,
  };
}

/** A consented tenant with no sign of any partner relationship. */
export function customerFacts(overrides: Partial<CustomerFacts> = {}): CustomerFacts {
  return {
    user: {
      status: 'ok',
      value: {
        displayName: 'Петрова Анна Сергеевна',
        mail: 'a.petrova@vasilek.ru',
        userPrincipalName: 'a.petrova@vasilek.ru',
        mobilePhone: '+7 921 555-01-04',
        businessPhones: ['+7 812 555-01-03'],
      },
    },
    organization: {
      status: 'ok',
      value: {
        ...CUSTOMER_ORGANIZATION,
        verifiedDomains: [
          { name: 'vasilek.onmicrosoft.com', isDefault: false, isInitial: true },
          { name: 'vasilek.ru', isDefault: true, isInitial: false },
        ],
      },
    },
    subscriptions: { status: 'ok', value: [] },
    partnerAuditEvents: { status: 'ok', value: [] },
    crossTenantPartners: { status: 'ok', value: [] },
    gdapServicePrincipals: { status: 'ok', value: [] },
    ...overrides,
  };
}

export const partnerNothingFound: PartnerFacts = {
  contracts: { status: 'ok', value: [] },
  gdapRelationships: { status: 'ok', value: [] },
};

export function responseInput(overrides: Partial<TenantResponseInput> = {}): TenantResponseInput {
  return {
    tenantId: TENANT_ID,
    source: 'graph',
    adminConsentUrl: `https://login.microsoftonline.com/${TENANT_ID}/adminconsent?client_id=11111111-2222-3333-4444-555555555555`,
    partnerTenantIds: [DISTRIBUTOR_TENANT_ID, RESELLER_TENANT_ID],
    customer: customerFacts(),
    partner: PARTNER_NOT_CONFIGURED,
    declaredInvitationAccepted: undefined,
    tokenRoleTemplateIds: [GLOBAL_ADMINISTRATOR],
    ...overrides,
  };
}
