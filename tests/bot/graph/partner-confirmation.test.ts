import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppOnlyTokenProvider } from '../../../bot/graph/app-only-token-provider.js';
import { createPartnerConfirmation } from '../../../bot/graph/partner-confirmation.js';
import type { PartnerConfirmation } from '../../../bot/graph/partner-confirmation.js';
import { entraErrors, insufficientPrivileges, startGraphStandIn } from '../../support/graph-stand-in.js';
import type { GraphStandIn } from '../../support/graph-stand-in.js';
import { contractOf, CUSTOMER_TENANT_ID, DISTRIBUTOR_TENANT_ID, emptyCollection, gdapRelationshipOf, scriptDistributorTenant } from './graph-fixtures.js';

const PARTNER_APP_ID = '22222222-3333-4444-5555-666666666666';
let standIn: GraphStandIn;
let now: Date;
let confirm: PartnerConfirmation;

beforeAll(async () => {
  standIn = await startGraphStandIn();
});
afterAll(() => standIn.close());

beforeEach(() => {
  standIn.failTokens(DISTRIBUTOR_TENANT_ID, undefined);
  scriptDistributorTenant(standIn);
  now = new Date('2026-01-15T10:00:00Z');
  confirm = createPartnerConfirmation({
    token: createAppOnlyTokenProvider({
      clientId: PARTNER_APP_ID,
      clientSecret: 'partner-secret',
      tenantId: DISTRIBUTOR_TENANT_ID,
      networkClient: standIn.networkClient,
    }),
    logger: pino({ level: 'silent' }),
    graphBaseUrl: standIn.graphBaseUrl,
    clock: () => now,
  });
});

describe('createPartnerConfirmation', () => {
  it('asks with client credentials in the distributor’s tenant, filtering both lists by the customer', async () => {
    const tokensBefore = standIn.tokenRequests.length;
    const requestsBefore = standIn.graphRequests.length;

    await confirm(CUSTOMER_TENANT_ID);

    expect(standIn.tokenRequests.slice(tokensBefore)).toEqual([
      expect.objectContaining({ tenantId: DISTRIBUTOR_TENANT_ID, grantType: 'client_credentials', clientId: PARTNER_APP_ID }),
    ]);
    expect(standIn.graphRequests.slice(requestsBefore).map((request) => [request.tenantId, request.via, request.url])).toEqual(
      expect.arrayContaining([
        [DISTRIBUTOR_TENANT_ID, 'batch', `/contracts?$filter=customerId%20eq%20${CUSTOMER_TENANT_ID}&$select=customerId,displayName,defaultDomainName`],
        [DISTRIBUTOR_TENANT_ID, 'batch', `/tenantRelationships/delegatedAdminRelationships?$filter=customer%2FtenantId%20eq%20'${CUSTOMER_TENANT_ID}'`],
      ]),
    );
  });

  it('finds the customer among the contracts', async () => {
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: contractOf(CUSTOMER_TENANT_ID) });

    const facts = await confirm(CUSTOMER_TENANT_ID);

    expect(facts.contracts).toEqual({
      status: 'ok',
      value: [{ customerId: CUSTOMER_TENANT_ID, displayName: 'ООО «Василёк»', defaultDomainName: 'vasilek.onmicrosoft.com' }],
    });
  });

  it('reads the GDAP relationships with their status and customer', async () => {
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/tenantRelationships/delegatedAdminRelationships', {
      status: 200,
      body: gdapRelationshipOf(CUSTOMER_TENANT_ID, 'active'),
    });

    const facts = await confirm(CUSTOMER_TENANT_ID);

    expect(facts.gdapRelationships).toEqual({
      status: 'ok',
      value: [
        {
          id: '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836',
          displayName: 'Vasilek GDAP',
          status: 'active',
          customerTenantId: CUSTOMER_TENANT_ID,
          activatedDateTime: '2026-01-10T11:26:44Z',
        },
      ],
    });
  });

  it('reuses a found answer for a while, then asks again', async () => {
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: contractOf(CUSTOMER_TENANT_ID) });
    const batchesBefore = standIn.batches.length;

    await confirm(CUSTOMER_TENANT_ID);
    now = new Date(now.getTime() + 4 * 60_000);
    await confirm(CUSTOMER_TENANT_ID);
    expect(standIn.batches.length - batchesBefore).toBe(1);

    now = new Date(now.getTime() + 2 * 60_000);
    await confirm(CUSTOMER_TENANT_ID);
    expect(standIn.batches.length - batchesBefore).toBe(2);
  });

  it('reuses "not found" only briefly, so an accepted invitation shows soon', async () => {
    const batchesBefore = standIn.batches.length;

    await confirm(CUSTOMER_TENANT_ID);
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: contractOf(CUSTOMER_TENANT_ID) });
    now = new Date(now.getTime() + 31_000);
    const facts = await confirm(CUSTOMER_TENANT_ID);

    expect(standIn.batches.length - batchesBefore).toBe(2);
    expect(facts.contracts.status === 'ok' && facts.contracts.value).toHaveLength(1);
  });

  it('shares one round trip between concurrent asks for the same customer', async () => {
    const batchesBefore = standIn.batches.length;

    await Promise.all([confirm(CUSTOMER_TENANT_ID), confirm(CUSTOMER_TENANT_ID), confirm(CUSTOMER_TENANT_ID)]);

    expect(standIn.batches.length - batchesBefore).toBe(1);
  });

  it('reports a refused list as access denied (the distributor’s setup), and does not reuse the answer', async () => {
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/tenantRelationships/delegatedAdminRelationships', insufficientPrivileges());
    const batchesBefore = standIn.batches.length;

    const facts = await confirm(CUSTOMER_TENANT_ID);
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/tenantRelationships/delegatedAdminRelationships', { status: 200, body: emptyCollection });
    await confirm(CUSTOMER_TENANT_ID);

    expect(facts.gdapRelationships).toEqual({ status: 'unavailable', reason: 'accessDenied' });
    expect(facts.contracts.status).toBe('ok');
    expect(standIn.batches.length - batchesBefore).toBe(2);
  });

  it('reports a failed partner token as access denied without asking Graph', async () => {
    standIn.failTokens(DISTRIBUTOR_TENANT_ID, entraErrors.invalidClient());
    const batchesBefore = standIn.batches.length;

    const facts = await confirm(CUSTOMER_TENANT_ID);

    expect(facts).toEqual({
      contracts: { status: 'unavailable', reason: 'accessDenied' },
      gdapRelationships: { status: 'unavailable', reason: 'accessDenied' },
    });
    expect(standIn.batches.length).toBe(batchesBefore);
  });

  it('never puts a tenant id that is not a GUID into a filter', async () => {
    const batchesBefore = standIn.batches.length;

    const facts = await confirm("x' or customerId ne '");

    expect(facts.contracts.status).toBe('unavailable');
    expect(standIn.batches.length).toBe(batchesBefore);
  });
});
