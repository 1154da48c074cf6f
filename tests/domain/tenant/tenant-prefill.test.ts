import { describe, expect, it } from 'vitest';
import { assembleTenantResponse } from '../../../src/domain/tenant/assemble-tenant-response.js';
import { prefillFromTenant } from '../../../src/domain/tenant/tenant-prefill.js';
import type { CustomerFacts } from '../../../src/domain/tenant/tenant-facts.js';
import { customerFacts, DISTRIBUTOR_TENANT_ID, responseInput, subscription } from './tenant-fixtures.js';

const tenant = (customer: Partial<CustomerFacts> = {}, declared?: boolean) =>
  assembleTenantResponse(responseInput({ customer: customerFacts(customer), declaredInvitationAccepted: declared }));

describe('prefillFromTenant', () => {
  it('fills the technical domain, the organization and the admin as the contact', () => {
    const { values } = prefillFromTenant(tenant());

    expect(values).toEqual({
      technicalDomain: 'vasilek.onmicrosoft.com',
      organization: { name: 'ООО «Василёк»', address: { postalCode: '191186', city: 'Санкт-Петербург', street: 'Невский пр., д. 28' } },
      contact: { fullName: 'Петрова Анна Сергеевна', phone: '+7 921 555-01-04', email: 'a.petrova@vasilek.ru' },
      subscriptionKind: 'new',
    });
  });

  it('suggests converting a trial, the offered one first, and names the trials', () => {
    const { values, trials } = prefillFromTenant(
      tenant({
        subscriptions: {
          status: 'ok',
          value: [
            subscription({ id: 'paid', isTrial: false, skuPartNumber: 'O365_BUSINESS_ESSENTIALS' }),
            subscription({ id: 'visio', isTrial: true, skuPartNumber: 'VISIOCLIENT', nextLifecycleDateTime: '2026-01-20T00:00:00Z' }),
            subscription({ id: 'spb', isTrial: true, skuPartNumber: 'SPB', nextLifecycleDateTime: '2026-02-01T00:00:00Z' }),
            subscription({ id: 'gone', isTrial: true, skuPartNumber: 'ENTERPRISEPACK', status: 'Deleted' }),
          ],
        },
      }),
      { offeredSkus: ['SPB', 'O365_BUSINESS_ESSENTIALS'] },
    );

    expect(values.subscriptionKind).toBe('trialConversion');
    expect(values.lines).toEqual([{ sku: 'SPB' }]);
    expect(trials.map((trial) => trial.id)).toEqual(['spb', 'visio']);
  });

  it('suggests no order line for a trial the distributor does not offer', () => {
    const { values, trials } = prefillFromTenant(
      tenant({ subscriptions: { status: 'ok', value: [subscription({ isTrial: true, skuPartNumber: 'VISIOCLIENT' })] } }),
      { offeredSkus: ['SPB'] },
    );

    expect(values.subscriptionKind).toBe('trialConversion');
    expect(values.lines).toBeUndefined();
    expect(trials).toHaveLength(1);
  });

  it('leaves the subscription kind open when the subscriptions could not be read', () => {
    const { values, trials } = prefillFromTenant(
      tenant({ subscriptions: { status: 'needsConsent', permissions: ['Organization.Read.All'], adminConsentUrl: null } }),
    );

    expect(values.subscriptionKind).toBeUndefined();
    expect(trials).toEqual([]);
  });

  it('answers "invitation accepted" when there is evidence or a previous answer', () => {
    const detected = tenant({ subscriptions: { status: 'ok', value: [subscription({ ownerTenantId: DISTRIBUTOR_TENANT_ID })] } });

    expect(prefillFromTenant(detected).values.invitationAccepted).toBe(true);
    expect(prefillFromTenant(tenant({}, true)).values.invitationAccepted).toBe(true);
    expect(prefillFromTenant(tenant()).values.invitationAccepted).toBeUndefined();
  });

  it('falls back to a business phone and to a mailbox-like sign-in name, and skips a guest’s name', () => {
    const withUser = (mail: string | null, userPrincipalName: string | null) =>
      prefillFromTenant(
        tenant({
          user: { status: 'ok', value: { displayName: '  ', mail, userPrincipalName, mobilePhone: null, businessPhones: ['+7 812 555-01-03'] } },
        }),
      ).values.contact;

    expect(withUser(null, 'a.petrova@vasilek.ru')).toEqual({ phone: '+7 812 555-01-03', email: 'a.petrova@vasilek.ru' });
    expect(withUser(null, 'anna_gmail.com#EXT#@vasilek.onmicrosoft.com')).toEqual({ phone: '+7 812 555-01-03' });
  });

  it('suggests nothing it cannot read', () => {
    const problem = { status: 'unavailable', reason: 'serviceError' } as const;

    const { values } = prefillFromTenant(tenant({ user: problem, organization: problem, subscriptions: problem }));

    expect(values).toEqual({});
  });
});
