import type { GraphStandIn } from '../../support/graph-stand-in.js';
import { CUSTOMER_ORGANIZATION } from '../../domain/tenant/tenant-fixtures.js';

/** Ids and Graph v1.0 answers of a customer tenant, shaped as the Graph reference pages show them. */

export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const CUSTOMER_TENANT_ID = 'c0ffee00-1111-4222-8333-444455556666';
export const DISTRIBUTOR_TENANT_ID = '50d9236d-483e-4d08-a89c-2f3bd1c6491f';
export const RESELLER_TENANT_ID = '60d2bbc8-7aaa-466e-b72d-a90f270a72ee';
export const PARTNER_TENANT_IDS = [DISTRIBUTOR_TENANT_ID, RESELLER_TENANT_ID];
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
/** The default "User" role every member's `wids` carries. */
export const DEFAULT_USER_ROLE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

export const organizationBody = {
  value: [
    {
      id: CUSTOMER_TENANT_ID,
      ...CUSTOMER_ORGANIZATION,
      verifiedDomains: [
        { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: false, isInitial: true, name: 'vasilek.onmicrosoft.com', type: 'Managed' },
        { capabilities: 'Email', isDefault: false, isInitial: false, name: 'vasilek.mail.onmicrosoft.com', type: 'Managed' },
        { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: true, isInitial: false, name: 'Vasilek.RU', type: 'Managed' },
      ],
    },
  ],
};

export const meBody = {
  id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  displayName: 'Петрова Анна Сергеевна',
  givenName: 'Анна',
  surname: 'Петрова',
  mail: 'a.petrova@vasilek.ru',
  userPrincipalName: 'a.petrova@vasilek.ru',
  mobilePhone: null,
  businessPhones: ['+7 812 555-01-03'],
};

export const subscriptionsBody = {
  value: [
    {
      id: '11111111-aaaa-4bbb-8ccc-000000000001',
      commerceSubscriptionId: 'a1',
      createdDateTime: '2026-01-02T08:00:00Z',
      isTrial: true,
      nextLifecycleDateTime: '2026-02-01T08:00:00Z',
      ownerId: null,
      ownerTenantId: null,
      ownerType: null,
      serviceStatus: [],
      skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
      skuPartNumber: 'SPB',
      status: 'Enabled',
      totalLicenses: 25,
    },
    {
      id: '11111111-aaaa-4bbb-8ccc-000000000002',
      commerceSubscriptionId: 'a2',
      createdDateTime: '2025-06-01T08:00:00Z',
      isTrial: false,
      nextLifecycleDateTime: '2026-06-01T08:00:00Z',
      ownerId: null,
      ownerTenantId: null,
      ownerType: null,
      serviceStatus: [],
      skuId: '3b555118-da6a-4418-894f-7df1e2096870',
      skuPartNumber: 'O365_BUSINESS_ESSENTIALS',
      status: 'Enabled',
      totalLicenses: 12,
    },
  ],
};

export const partnerOwnedSubscription = {
  ...subscriptionsBody.value[1],
  id: '11111111-aaaa-4bbb-8ccc-000000000003',
  skuPartNumber: 'EXCHANGESTANDARD',
  ownerTenantId: DISTRIBUTOR_TENANT_ID.toUpperCase(),
};

export const emptyCollection = { value: [] };

/** A tenant whose admin consented to everything, with nothing showing a partner relationship. */
export function scriptCustomerTenant(standIn: GraphStandIn, tenantId = CUSTOMER_TENANT_ID): void {
  standIn.grantScopes(tenantId, ['User.Read', 'Organization.Read.All', 'AuditLog.Read.All', 'Directory.Read.All', 'Policy.Read.All']);
  standIn.answer(tenantId, '/organization', { status: 200, body: organizationBody });
  standIn.answer(tenantId, '/me', { status: 200, body: meBody });
  standIn.answer(tenantId, '/directory/subscriptions', { status: 200, body: subscriptionsBody });
  standIn.answer(tenantId, '/auditLogs/directoryAudits', { status: 200, body: emptyCollection });
  standIn.answer(tenantId, '/policies/crossTenantAccessPolicy/partners', { status: 200, body: emptyCollection });
  standIn.answer(tenantId, '/servicePrincipals', { status: 200, body: emptyCollection });
  standIn.answer(tenantId, '/me/transitiveMemberOf/microsoft.graph.directoryRole', {
    status: 200,
    body: { '@odata.count': 1, value: [{ '@odata.type': '#microsoft.graph.directoryRole', id: 'r1', displayName: 'Global Administrator', roleTemplateId: GLOBAL_ADMINISTRATOR }] },
  });
}

/** The distributor's tenant, answering partner-side queries: the customer has no contract and no GDAP relationship. */
export function scriptDistributorTenant(standIn: GraphStandIn): void {
  standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: emptyCollection });
  standIn.answer(DISTRIBUTOR_TENANT_ID, '/tenantRelationships/delegatedAdminRelationships', { status: 200, body: emptyCollection });
}

export const contractOf = (customerId: string) => ({
  value: [{ id: 'contract-1', contractType: 'ResellerPartner', customerId, defaultDomainName: 'vasilek.onmicrosoft.com', displayName: 'ООО «Василёк»' }],
});

export const gdapRelationshipOf = (customerTenantId: string, status: string) => ({
  value: [
    {
      '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
      id: '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836',
      displayName: 'Vasilek GDAP',
      duration: 'P730D',
      customer: { tenantId: customerTenantId, displayName: 'ООО «Василёк»' },
      status,
      createdDateTime: '2026-01-10T11:24:42Z',
      activatedDateTime: status === 'active' ? '2026-01-10T11:26:44Z' : null,
    },
  ],
});
