import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerSideRelationship, createTenantFacts } from '../../../bot/graph/tenant-facts-wiring.js';
import type { TenantFactsSettings } from '../../../bot/graph/tenant-facts-wiring.js';
import { startGraphStandIn } from '../../support/graph-stand-in.js';
import type { GraphStandIn } from '../../support/graph-stand-in.js';
import {
  CLIENT_ID,
  contractOf,
  CUSTOMER_TENANT_ID,
  DISTRIBUTOR_TENANT_ID,
  GLOBAL_ADMINISTRATOR,
  RESELLER_TENANT_ID,
  scriptCustomerTenant,
  scriptDistributorTenant,
} from './graph-fixtures.js';

let standIn: GraphStandIn;
beforeAll(async () => {
  standIn = await startGraphStandIn();
});
afterAll(() => standIn.close());

const settings = (overrides: Partial<TenantFactsSettings> = {}): TenantFactsSettings => ({
  distributorTenantId: DISTRIBUTOR_TENANT_ID,
  otherPartnerTenantIds: [RESELLER_TENANT_ID, undefined],
  logger: pino({ level: 'silent' }),
  networkClient: standIn.networkClient,
  graphBaseUrl: standIn.graphBaseUrl,
  ...overrides,
});

describe('createTenantFacts', () => {
  it('answers from the demo tenant when there is no Entra app', async () => {
    const tenant = await createTenantFacts(settings())({ tenantId: '00000000-0000-0000-0000-0000000000001' });

    expect(tenant.source).toBe('demo');
    expect(tenant.relationship.level).toBe('detected');
  });

  it('reads Graph on the caller’s behalf, and asks the partner side when the distributor’s app is configured', async () => {
    scriptCustomerTenant(standIn);
    scriptDistributorTenant(standIn);
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: contractOf(CUSTOMER_TENANT_ID) });
    const service = createTenantFacts(
      settings({
        aad: { clientId: CLIENT_ID, clientSecret: 'secret' },
        partnerGraph: { clientId: '22222222-3333-4444-5555-666666666666', clientSecret: 'partner' },
      }),
    );

    const tenant = await service({ tenantId: CUSTOMER_TENANT_ID, token: 'sso-wiring', roleTemplateIds: [GLOBAL_ADMINISTRATOR] });

    expect(tenant.source).toBe('graph');
    expect(tenant.organization.status).toBe('ok');
    expect(tenant.relationship.level).toBe('confirmed');
  });

  it('never confirms without the distributor’s app', async () => {
    scriptCustomerTenant(standIn);
    const service = createTenantFacts(settings({ aad: { clientId: CLIENT_ID, clientSecret: 'secret' } }));

    const tenant = await service({ tenantId: CUSTOMER_TENANT_ID, token: 'sso-wiring-2' });

    expect(tenant.relationship.evidence.find((item) => item.source === 'partnerContract')).toMatchObject({ status: 'unavailable', reason: 'notConfigured' });
  });

  it('marks every fact not configured when the Entra app has no client secret for the on-behalf-of exchange', async () => {
    const tokensBefore = standIn.tokenRequests.length;
    const service = createTenantFacts(settings({ aad: { clientId: CLIENT_ID } }));

    const tenant = await service({ tenantId: CUSTOMER_TENANT_ID, token: 'sso-wiring-3' });

    expect(tenant.user).toEqual({ status: 'unavailable', reason: 'notConfigured' });
    expect(tenant.domains).toEqual({ status: 'unavailable', reason: 'notConfigured' });
    expect(tenant.adminConsentUrl).toBe(`https://login.microsoftonline.com/${CUSTOMER_TENANT_ID}/adminconsent?client_id=${CLIENT_ID}`);
    expect(standIn.tokenRequests.length).toBe(tokensBefore);
  });
});

describe('createPartnerSideRelationship (the board\'s "evidence now")', () => {
  const partnerGraph = { clientId: '22222222-3333-4444-5555-666666666666', clientSecret: 'partner' };
  const OTHER_CUSTOMER = 'c0ffee00-9999-4222-8333-444455556666';

  it('is not there without the distributor\'s own Graph app', () => {
    expect(createPartnerSideRelationship(settings())).toBeUndefined();
  });

  it('confirms from the partner side, else falls back to what the order declared', async () => {
    scriptDistributorTenant(standIn);
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: contractOf(CUSTOMER_TENANT_ID) });
    const relationship = createPartnerSideRelationship(settings({ partnerGraph }));

    expect(await relationship?.(CUSTOMER_TENANT_ID, true)).toBe('confirmed');
    expect(await relationship?.(OTHER_CUSTOMER, true)).toBe('declared');
    expect(await relationship?.(OTHER_CUSTOMER, false)).toBe('notFound');
  });
});
