import { DIRECTORY_ROLES } from '../../src/domain/tenant/directory-roles.js';
import type { CustomerFacts } from '../../src/domain/tenant/tenant-facts.js';
import type { CustomerFactsSource } from './customer-facts-source.js';

export interface DemoTenantOptions {
  /** The partner tenant that "owns" the demo's paid subscription, so the relationship shows as detected. */
  readonly partnerTenantId: string;
  readonly clock?: () => Date;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * The built-in demo tenant for demo mode (`npm start`, no credentials): a believable
 * Russian small business whose facts reach every state the tab shows: a
 * technical domain that is not the default one, a Business Premium trial to
 * convert, a subscription created by the partner (relationship "detected",
 * never "confirmed": there are no partner credentials in demo mode), and one
 * fact that needs admin consent.
 */
export function createDemoCustomerFacts(options: DemoTenantOptions): CustomerFactsSource {
  const clock = options.clock ?? (() => new Date());
  return () => Promise.resolve(demoFacts(options.partnerTenantId.toLowerCase(), clock()));
}

function demoFacts(partnerTenantId: string, now: Date): CustomerFacts {
  const daysFromNow = (days: number): string => new Date(now.getTime() + days * DAY_MS).toISOString();
  return {
    user: {
      status: 'ok',
      value: {
        displayName: 'Иванов Иван Иванович',
        givenName: 'Иван',
        surname: 'Иванов',
        mail: 'i.ivanov@romashka.ru',
        userPrincipalName: 'i.ivanov@romashka.ru',
        mobilePhone: '+7 916 123-45-67',
        businessPhones: ['+7 495 123-45-67'],
      },
    },
    organization: {
      status: 'ok',
      value: {
        displayName: 'ООО «Ромашка»',
        street: 'ул. Мясницкая, д. 1',
        city: 'Москва',
        postalCode: '101000',
        state: 'Москва',
        country: 'Россия',
        businessPhones: ['+7 495 123-45-67'],
        verifiedDomains: [
          { name: 'romashka.onmicrosoft.com', isDefault: false, isInitial: true },
          { name: 'romashka.ru', isDefault: true, isInitial: false },
        ],
      },
    },
    subscriptions: {
      status: 'ok',
      value: [
        {
          id: '3f1c2a9e-7b4d-4e8a-9c61-2d5b8e0f4a17',
          skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
          skuPartNumber: 'SPB',
          isTrial: true,
          status: 'Enabled',
          totalLicenses: 25,
          ownerTenantId: null,
          createdDateTime: daysFromNow(-10),
          nextLifecycleDateTime: daysFromNow(20),
        },
        {
          id: '8a7e5d3c-1b2f-4c6d-9e8a-7f6b5c4d3e2a',
          skuId: '3b555118-da6a-4418-894f-7df1e2096870',
          skuPartNumber: 'O365_BUSINESS_ESSENTIALS',
          isTrial: false,
          status: 'Enabled',
          totalLicenses: 10,
          ownerTenantId: partnerTenantId,
          createdDateTime: daysFromNow(-120),
          nextLifecycleDateTime: daysFromNow(245),
        },
        {
          id: 'c5d4e3f2-a1b0-4c9d-8e7f-6a5b4c3d2e1f',
          skuId: 'f30db892-07e9-47e9-837c-80727f46fd3d',
          skuPartNumber: 'FLOW_FREE',
          isTrial: false,
          status: 'Enabled',
          totalLicenses: 10_000,
          ownerTenantId: null,
          createdDateTime: daysFromNow(-400),
          nextLifecycleDateTime: null,
        },
      ],
    },
    // Many tenants never consent to audit-log reading: the demo shows that state too.
    partnerAuditEvents: { status: 'needsConsent', permissions: ['AuditLog.Read.All', 'Directory.Read.All'], adminConsentUrl: null },
    crossTenantPartners: { status: 'ok', value: [] },
    gdapServicePrincipals: { status: 'ok', value: [] },
    directoryRoles: { status: 'ok', value: [DIRECTORY_ROLES.globalAdministrator.templateId] },
  };
}
