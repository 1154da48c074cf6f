import { describe, expect, it } from 'vitest';
import { createDemoCustomerFacts } from '../../../bot/graph/demo-tenant.js';
import { assembleTenantResponse } from '../../../src/domain/tenant/assemble-tenant-response.js';
import { PARTNER_NOT_CONFIGURED } from '../../../src/domain/tenant/tenant-facts.js';
import { prefillFromTenant } from '../../../src/domain/tenant/tenant-prefill.js';
import { DISTRIBUTOR_TENANT_ID, PARTNER_TENANT_IDS } from './graph-fixtures.js';

const DEMO_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

async function demoTenant() {
  const facts = createDemoCustomerFacts({ partnerTenantId: DISTRIBUTOR_TENANT_ID, clock: () => new Date('2026-03-01T09:00:00Z') });
  const customer = await facts({ tenantId: DEMO_TENANT_ID });
  return assembleTenantResponse({
    tenantId: DEMO_TENANT_ID,
    source: 'demo',
    adminConsentUrl: null,
    partnerTenantIds: PARTNER_TENANT_IDS,
    customer,
    partner: PARTNER_NOT_CONFIGURED,
    declaredInvitationAccepted: undefined,
    tokenRoleTemplateIds: undefined,
  });
}

describe('createDemoCustomerFacts', () => {
  it('dates the trial from the clock, so it is always running', async () => {
    const tenant = await demoTenant();

    const trial = tenant.subscriptions.status === 'ok' ? tenant.subscriptions.value.find((s) => s.isTrial) : undefined;
    expect(trial).toMatchObject({ skuPartNumber: 'SPB', status: 'Enabled', createdDateTime: '2026-02-19T09:00:00.000Z', nextLifecycleDateTime: '2026-03-21T09:00:00.000Z' });
  });

  it('shows the relationship as detected through the partner’s subscription, and never as confirmed', async () => {
    const tenant = await demoTenant();

    expect(tenant.relationship.level).toBe('detected');
    expect(tenant.relationship.evidence.filter((item) => item.status === 'found').map((item) => item.source)).toEqual(['partnerSubscription']);
    expect(tenant.relationship.evidence.find((item) => item.source === 'partnerContract')).toMatchObject({ status: 'unavailable', reason: 'notConfigured' });
  });

  it('prefills a believable order: the Romashka organization, its admin, and the trial to convert', async () => {
    const { values, trials } = prefillFromTenant(await demoTenant(), { offeredSkus: ['SPB', 'O365_BUSINESS_ESSENTIALS'] });

    expect(values).toEqual({
      invitationAccepted: true,
      technicalDomain: 'romashka.onmicrosoft.com',
      organization: { name: 'ООО «Ромашка»', address: { postalCode: '101000', city: 'Москва', street: 'ул. Мясницкая, д. 1' } },
      contact: { fullName: 'Иванов Иван Иванович', phone: '+7 916 123-45-67', email: 'i.ivanov@romashka.ru' },
      subscriptionKind: 'trialConversion',
      lines: [{ sku: 'SPB' }],
      trial: { sku: 'SPB', licenses: 25, endsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect(trials.map((trial) => trial.skuPartNumber)).toEqual(['SPB']);
  });
});
