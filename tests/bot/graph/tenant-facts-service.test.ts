import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { CustomerFactsSource, TenantFactsCaller } from '../../../bot/graph/customer-facts-source.js';
import { createTenantFactsService } from '../../../bot/graph/tenant-facts-service.js';
import type { CustomerFacts } from '../../../src/domain/tenant/tenant-facts.js';
import { CLIENT_ID, CUSTOMER_TENANT_ID, GLOBAL_ADMINISTRATOR, PARTNER_TENANT_IDS } from './graph-fixtures.js';

const logger = pino({ level: 'silent' });
const nothing: CustomerFacts = {
  user: { status: 'unavailable', reason: 'serviceError' },
  organization: { status: 'unavailable', reason: 'serviceError' },
  subscriptions: { status: 'ok', value: [] },
  partnerAuditEvents: { status: 'ok', value: [] },
  crossTenantPartners: { status: 'ok', value: [] },
  gdapServicePrincipals: { status: 'ok', value: [] },
};

function recordingSource(): { source: CustomerFactsSource; callers: TenantFactsCaller[] } {
  const callers: TenantFactsCaller[] = [];
  return {
    callers,
    source: (caller) => {
      callers.push(caller);
      return Promise.resolve(nothing);
    },
  };
}

describe('createTenantFactsService', () => {
  it('passes the caller on, and uses the token’s roles and the consent link of the caller’s tenant', async () => {
    const { source, callers } = recordingSource();
    const service = createTenantFactsService({ source: 'graph', customerFacts: source, clientId: CLIENT_ID, partnerTenantIds: PARTNER_TENANT_IDS, logger });
    const caller = { tenantId: CUSTOMER_TENANT_ID, token: 'sso', roleTemplateIds: [GLOBAL_ADMINISTRATOR] };

    const tenant = await service(caller);

    expect(callers).toEqual([caller]);
    expect(tenant.adminConsentUrl).toBe(`https://login.microsoftonline.com/${CUSTOMER_TENANT_ID}/adminconsent?client_id=${CLIENT_ID}`);
    expect(tenant.admin).toMatchObject({ source: 'token', isAdmin: true });
  });

  it('marks the partner side not configured without partner credentials, and has no consent link without an app id', async () => {
    const service = createTenantFactsService({ source: 'graph', customerFacts: recordingSource().source, partnerTenantIds: PARTNER_TENANT_IDS, logger });

    const tenant = await service({ tenantId: CUSTOMER_TENANT_ID });

    expect(tenant.adminConsentUrl).toBeNull();
    expect(tenant.relationship.evidence.find((item) => item.source === 'partnerGdapRelationship')).toMatchObject({ status: 'unavailable', reason: 'notConfigured' });
  });

  it('keeps the page when the partner side throws', async () => {
    const service = createTenantFactsService({
      source: 'graph',
      customerFacts: recordingSource().source,
      partnerConfirmation: () => Promise.reject(new Error('boom')),
      partnerTenantIds: PARTNER_TENANT_IDS,
      logger,
    });

    const tenant = await service({ tenantId: CUSTOMER_TENANT_ID });

    expect(tenant.relationship.level).toBe('notFound');
    expect(tenant.relationship.evidence.find((item) => item.source === 'partnerContract')).toMatchObject({ status: 'unavailable', reason: 'serviceError' });
  });
});
