import type { TabConfig } from '../../../src/tab/config/tab-config.js';
import type { OrderView } from '../../../src/tab/api/order-response.js';
import type { TenantResponse } from '../../../src/domain/tenant/tenant-response.js';

/** Shared test data for the tab: a config, a tenant answer like the demo tenant's, a stored order. */

export const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
export const DOMAIN_NAME_ADMIN = '8329153b-31d0-4727-b945-745eb3bc5f31';

export const tabConfig: TabConfig = {
  distributorName: 'Contoso Distribution',
  invitationUrl: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship#/BillingAccounts/partner-invitation',
  catalog: [
    { sku: 'O365_BUSINESS_ESSENTIALS', displayName: 'Microsoft 365 Business Basic' },
    { sku: 'SPB', displayName: 'Microsoft 365 Business Premium' },
    { sku: 'EXCHANGESTANDARD', displayName: 'Exchange Online (Plan 1)' },
  ],
  timeZone: 'Europe/Moscow',
  today: '2026-11-23',
  demo: true,
  aadAppClientId: undefined,
  botId: undefined,
};

export function tenantResponse(overrides: Partial<TenantResponse> = {}): TenantResponse {
  return {
    tenantId: '11111111-2222-3333-4444-555555555555',
    source: 'demo',
    adminConsentUrl: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/adminconsent?client_id=app',
    user: {
      status: 'ok',
      value: {
        displayName: 'Иванов Иван Иванович',
        mail: 'i.ivanov@romashka.ru',
        userPrincipalName: 'i.ivanov@romashka.ru',
        mobilePhone: '+7 916 123-45-67',
        businessPhones: [],
      },
    },
    organization: {
      status: 'ok',
      value: {
        displayName: 'ООО «Ромашка»',
        street: 'ул. Мясницкая, д. 1',
        city: 'Москва',
        postalCode: '101000',
        state: null,
        country: 'Россия',
        businessPhones: [],
      },
    },
    domains: {
      status: 'ok',
      value: {
        technicalDomain: 'romashka.onmicrosoft.com',
        defaultDomain: 'romashka.ru',
        technicalDomainIsDefault: false,
        verified: [
          { name: 'romashka.onmicrosoft.com', isDefault: false, isInitial: true },
          { name: 'romashka.ru', isDefault: true, isInitial: false },
        ],
      },
    },
    subscriptions: {
      status: 'ok',
      value: [
        {
          id: 'trial-spb',
          skuId: null,
          skuPartNumber: 'SPB',
          isTrial: true,
          status: 'Enabled',
          totalLicenses: 25,
          ownerTenantId: null,
          ownedByPartner: false,
          createdDateTime: '2026-11-01T00:00:00Z',
          nextLifecycleDateTime: '2026-12-13T00:00:00Z',
        },
      ],
    },
    admin: {
      isAdmin: true,
      source: 'token',
      roleTemplateIds: [GLOBAL_ADMIN],
      steps: [
        { step: 'acceptInvitation', requiredRoleTemplateIds: [GLOBAL_ADMIN], allowed: true },
        { step: 'grantConsent', requiredRoleTemplateIds: [GLOBAL_ADMIN], allowed: true },
        { step: 'checkRelationship', requiredRoleTemplateIds: [GLOBAL_ADMIN], allowed: true },
        { step: 'setDefaultDomain', requiredRoleTemplateIds: [GLOBAL_ADMIN, DOMAIN_NAME_ADMIN], allowed: true },
      ],
    },
    relationship: {
      level: 'detected',
      evidence: [
        { source: 'partnerContract', level: 'confirmed', partnerSpecific: true, status: 'unavailable', reason: 'notConfigured' },
        {
          source: 'auditLog',
          level: 'detected',
          partnerSpecific: true,
          status: 'needsConsent',
          permissions: ['AuditLog.Read.All'],
          adminConsentUrl: null,
        },
        {
          source: 'partnerSubscription',
          level: 'detected',
          partnerSpecific: true,
          status: 'found',
          observedAt: null,
          detail: 'O365_BUSINESS_ESSENTIALS',
        },
        { source: 'declared', level: 'declared', partnerSpecific: true, status: 'notFound' },
      ],
    },
    ...overrides,
  };
}

/** A member without admin roles: every admin step is refused. */
export function memberAdminFacts(): TenantResponse['admin'] {
  const admin = tenantResponse().admin;
  return { ...admin, isAdmin: false, roleTemplateIds: [], steps: admin.steps.map((step) => ({ ...step, allowed: false })) };
}

export function storedOrder(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 'CSP-7K2M9Q4X',
    tenantId: '11111111-2222-3333-4444-555555555555',
    status: 'submitted',
    revision: 1,
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    history: [{ status: 'submitted', at: '2026-11-23T09:00:00.000Z', by: 'Иванов Иван Иванович', revision: 1 }],
    submissionId: '6f1b7c1e-4c1a-4c35-9a55-2c1d3f1e9b11',
    invitationAccepted: true,
    technicalDomain: 'romashka.onmicrosoft.com',
    lines: [{ sku: 'SPB', quantity: 25 }],
    activationDate: '2026-12-01',
    organization: {
      name: 'ООО «Ромашка»',
      inn: '0012345673',
      address: { postalCode: '101000', city: 'Москва', street: 'ул. Мясницкая, д. 1' },
    },
    contact: { fullName: 'Иванов Иван Иванович', phone: '+79161234567', email: 'i.ivanov@romashka.ru' },
    subscriptionKind: 'trialConversion',
    deliveries: [{ channel: 'teams', revision: 1, state: 'delivered', attempts: 1, deliveredAt: '2026-11-23T09:00:05.000Z' }],
    ...overrides,
  };
}
