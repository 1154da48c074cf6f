// Contract: the distributor's GDAP calls to Microsoft Graph v1.0 (bot/graph/gdap-client.ts).
// - "Create delegatedAdminRelationship" (https://learn.microsoft.com/graph/api/tenantrelationship-post-delegatedadminrelationships):
//   POST /tenantRelationships/delegatedAdminRelationships {displayName ≤ 50, unique; duration; customer{tenantId};
//   accessDetails{unifiedRoles[{roleDefinitionId}]}; autoExtendDuration}, 201 with status "created".
// - "Create requests" (https://learn.microsoft.com/graph/api/delegatedadminrelationship-post-requests):
//   POST .../{id}/requests {action:"lockForApproval"}.
// - "Get delegatedAdminRelationship", "List" with $filter, "Delete" (If-Match; created only),
//   "Create accessAssignments" (https://learn.microsoft.com/graph/api/delegatedadminrelationship-post-accessassignments).
// - Lifecycle (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationships-api-overview):
//   created → approvalPending → active → expired | terminated; the approval link is
//   https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}.
// - Application permission DelegatedAdminRelationship.ReadWrite.All; without it Graph answers 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppOnlyTokenProvider } from '../../bot/graph/app-only-token-provider.js';
import { createGdapClient } from '../../bot/graph/gdap-client.js';
import { GdapPartnerError } from '../../bot/gdap/gdap-partner.js';
import { createRelationshipBody } from '../../src/domain/gdap/gdap-relationship.js';
import { stateFromGraphStatus } from '../../src/domain/gdap/gdap-status.js';
import { gdapRecord } from '../domain/gdap/gdap-fixtures.js';
import { CUSTOMER_TENANT_ID, DISTRIBUTOR_TENANT_ID } from '../bot/graph/graph-fixtures.js';
import { addGdapStandIn } from '../support/gdap-stand-in.js';
import type { GdapStandIn } from '../support/gdap-stand-in.js';
import { startGraphStandIn } from '../support/graph-stand-in.js';
import type { GraphStandIn } from '../support/graph-stand-in.js';

const PARTNER_APP_ID = '22222222-3333-4444-5555-666666666666';
const ACCESS_GROUP = '869713c9-0b28-4d08-8949-ae07ae1bf528';

let graph: GraphStandIn;
let gdap: GdapStandIn;
beforeAll(async () => {
  graph = await startGraphStandIn();
  gdap = addGdapStandIn(graph, DISTRIBUTOR_TENANT_ID);
});
afterAll(() => graph.close());

function client() {
  return createGdapClient({
    token: createAppOnlyTokenProvider({ clientId: PARTNER_APP_ID, clientSecret: 's', tenantId: DISTRIBUTOR_TENANT_ID, networkClient: graph.networkClient }),
    graphBaseUrl: graph.graphBaseUrl,
  });
}

let names = 0;
const body = () => createRelationshipBody(gdapRecord({ tenantId: CUSTOMER_TENANT_ID, displayName: `ООО «Василёк» CSP-${++names}` }));

describe('create and lockForApproval', () => {
  it('creates with the documented body, then locks: created → approvalPending', async () => {
    const created = await client().create(body());
    expect(created).toMatchObject({ status: 'created', customerTenantId: CUSTOMER_TENANT_ID, activatedDateTime: null });
    const sent = graph.graphRequests.at(-1);
    expect(sent?.url).toBe('/tenantRelationships/delegatedAdminRelationships');

    await client().lockForApproval(created.id);
    expect((await client().get(created.id))?.status).toBe('approvalPending');
    expect(stateFromGraphStatus('approvalPending')).toBe('approvalPending');
  });

  it('400 for a display name the partner used already', async () => {
    const first = body();
    await client().create(first);
    const error = await client().create(first).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GdapPartnerError);
    expect(error).toMatchObject({ kind: 'rejected', status: 400 });
  });

  it('403 without DelegatedAdminRelationship.ReadWrite.All', async () => {
    gdap.grantPermission(false);
    try {
      const error = await client().create(body()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'permission', status: 403, code: 'Authorization_RequestDenied' });
    } finally {
      gdap.grantPermission(true);
    }
  });
});

describe('each later transition, read back with GET', () => {
  it('approvalPending → active (dates set), → expired; another → terminated', async () => {
    const one = await client().create(body());
    await client().lockForApproval(one.id);
    gdap.approve(one.id);
    const active = await client().get(one.id);
    expect(active?.status).toBe('active');
    expect(active?.activatedDateTime).not.toBeNull();
    expect(active?.endDateTime).not.toBeNull();
    gdap.end(one.id, 'expired');
    expect((await client().get(one.id))?.status).toBe('expired');

    const two = await client().create(body());
    await client().lockForApproval(two.id);
    gdap.approve(two.id);
    gdap.end(two.id, 'terminated');
    expect(stateFromGraphStatus((await client().get(two.id))?.status ?? '')).toBe('terminated');
  });

  it('locking twice is refused (400), as is deleting what is no longer created', async () => {
    const one = await client().create(body());
    await client().lockForApproval(one.id);
    await expect(client().lockForApproval(one.id)).rejects.toMatchObject({ kind: 'rejected' });
    const locked = await client().get(one.id);
    if (!locked) throw new Error('relationship missing');
    await expect(client().delete(locked)).rejects.toMatchObject({ kind: 'rejected' });
  });
});

describe('find, delete, assign access', () => {
  it('finds by display name (quotes doubled in the filter) and deletes a created one with its ETag', async () => {
    const named = { ...body(), displayName: "O'Brien CSP-1" };
    const created = await client().create(named);
    expect((await client().findByDisplayName("O'Brien CSP-1"))?.id).toBe(created.id);
    await client().delete(created);
    expect(await client().get(created.id)).toBeUndefined();
  });

  it('assigns a security group the roles of an active relationship', async () => {
    const one = await client().create(body());
    await client().lockForApproval(one.id);
    gdap.approve(one.id);
    const id = await client().assignAccess(one.id, ACCESS_GROUP, ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
