// Contract: the distributor's partner-side Graph calls.
// - GET /contracts, "List contracts" (https://learn.microsoft.com/graph/api/contract-list):
//   filtering on customerId is supported; customerId is an Edm.Guid ("contract resource
//   type", https://learn.microsoft.com/graph/api/resources/contract), so OData compares it
//   with an unquoted GUID literal.
// - GET /tenantRelationships/delegatedAdminRelationships, "List delegatedAdminRelationships"
//   (https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships):
//   customer.tenantId is a String; the collection may also hold resellerDelegatedAdminRelationship items.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppOnlyTokenProvider } from '../../bot/graph/app-only-token-provider.js';
import { createPartnerConfirmation } from '../../bot/graph/partner-confirmation.js';
import { startGraphStandIn } from '../support/graph-stand-in.js';
import type { GraphStandIn } from '../support/graph-stand-in.js';
import { CUSTOMER_TENANT_ID, DISTRIBUTOR_TENANT_ID, emptyCollection } from '../bot/graph/graph-fixtures.js';
import { graphErrorBodySchema } from './support/graph-error-body.js';

const PARTNER_APP_ID = '22222222-3333-4444-5555-666666666666';

/** "List contracts", response example (values filled in). */
const documentedContracts = {
  value: [
    { contractType: 'ResellerPartner', customerId: CUSTOMER_TENANT_ID, defaultDomainName: 'vasilek.onmicrosoft.com', displayName: 'ООО «Василёк»', id: 'contract-1' },
  ],
};

/** "List delegatedAdminRelationships", response example: an active relationship, a terminated one, a reseller's pending one. */
const documentedRelationships = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/tenantRelationships/$metadata#delegatedAdminRelationships',
  value: [
    {
      '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
      '@odata.etag': 'W/"JyIwMzAwZTM0ZS0wMDAwLTAyMDAtMDAwMC02MTRjZjI1YzAwMDAiJw=="',
      id: '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836',
      displayName: 'Contoso admin relationship',
      duration: 'P730D',
      customer: { tenantId: CUSTOMER_TENANT_ID, displayName: 'Contoso Inc' },
      accessDetails: { unifiedRoles: [{ roleDefinitionId: 'dd4db9a0-cc4a-4213-9f9f-70242232d97e' }] },
      status: 'active',
      autoExtendDuration: 'P180D',
      createdDateTime: '2022-02-10T11:24:42.3148266Z',
      lastModifiedDateTime: '2022-02-10T11:26:44.9941884Z',
      activatedDateTime: '2022-02-10T11:26:44.9941884Z',
      endDateTime: '2024-02-10T11:24:42.3148266Z',
    },
    {
      '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
      id: '1041ef52-a99b-4245-a3be-cbd3fa7c5ed1-8777b240-c6f0-4469-9e98-a3205431b836',
      displayName: 'Contoso subsidiary relationship',
      duration: 'P30D',
      customer: { tenantId: CUSTOMER_TENANT_ID, displayName: 'Contoso subsidiary Inc' },
      status: 'terminated',
      activatedDateTime: '2021-09-29T16:55:20.2101088Z',
    },
    {
      '@odata.type': '#microsoft.graph.resellerDelegatedAdminRelationship',
      id: '4b227261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836',
      displayName: 'Fabrikam admin relationship',
      duration: 'P180D',
      customer: { tenantId: CUSTOMER_TENANT_ID, displayName: 'Fabrikam Inc.' },
      status: 'approvalPending',
      activatedDateTime: null,
      isPartnerConsentPending: true,
      indirectProviderTenantId: '60ea59db-a506-485e-94c5-d115f369e239',
    },
  ],
};

let standIn: GraphStandIn;
beforeAll(async () => {
  standIn = await startGraphStandIn();
});
afterAll(() => standIn.close());

function confirmation() {
  return createPartnerConfirmation({
    token: createAppOnlyTokenProvider({ clientId: PARTNER_APP_ID, clientSecret: 's', tenantId: DISTRIBUTOR_TENANT_ID, networkClient: standIn.networkClient }),
    logger: pino({ level: 'silent' }),
    graphBaseUrl: standIn.graphBaseUrl,
  });
}

describe('GET /contracts', () => {
  it('filters customerId with an unquoted GUID and reads the documented answer', async () => {
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: documentedContracts });
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/tenantRelationships/delegatedAdminRelationships', { status: 200, body: emptyCollection });
    const before = standIn.graphRequests.length;

    const facts = await confirmation()(CUSTOMER_TENANT_ID);

    const sent = standIn.graphRequests.slice(before).find((request) => request.url.startsWith('/contracts'));
    expect(new URL(sent?.url ?? '', 'https://graph.invalid').searchParams.get('$filter')).toBe(`customerId eq ${CUSTOMER_TENANT_ID}`);
    expect(facts.contracts).toEqual({
      status: 'ok',
      value: [{ customerId: CUSTOMER_TENANT_ID, displayName: 'ООО «Василёк»', defaultDomainName: 'vasilek.onmicrosoft.com' }],
    });
  });

  it('is refused by the stand-in, as by Graph, when the GUID is quoted (Edm.Guid compared with Edm.String)', async () => {
    const quoted = encodeURIComponent(`customerId eq '${CUSTOMER_TENANT_ID}'`);
    const response = await fetch(`${standIn.graphBaseUrl}/contracts?$filter=${quoted}`, { headers: { authorization: 'Bearer stand-in.t1.app.1' } });

    expect(response.status).toBe(400);
    const body = graphErrorBodySchema.parse(await response.json());
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toContain("'Edm.Guid' and 'Edm.String'");
  });
});

describe('GET /tenantRelationships/delegatedAdminRelationships', () => {
  it('filters customer/tenantId as a string and reads the documented answer, reseller relationships included', async () => {
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/contracts', { status: 200, body: emptyCollection });
    standIn.answer(DISTRIBUTOR_TENANT_ID, '/tenantRelationships/delegatedAdminRelationships', { status: 200, body: documentedRelationships });
    const before = standIn.graphRequests.length;

    const facts = await confirmation()(CUSTOMER_TENANT_ID);

    const sent = standIn.graphRequests.slice(before).find((request) => request.url.startsWith('/tenantRelationships'));
    expect(new URL(sent?.url ?? '', 'https://graph.invalid').searchParams.get('$filter')).toBe(`customer/tenantId eq '${CUSTOMER_TENANT_ID}'`);
    expect(facts.gdapRelationships.status === 'ok' && facts.gdapRelationships.value.map((relationship) => [relationship.status, relationship.customerTenantId])).toEqual([
      ['active', CUSTOMER_TENANT_ID],
      ['terminated', CUSTOMER_TENANT_ID],
      ['approvalPending', CUSTOMER_TENANT_ID],
    ]);
  });
});
