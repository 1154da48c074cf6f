import { describe, expect, it } from 'vitest';
import { activeGdapRelationships, createRelationshipBody, gdapView, tenantGdapOf } from '../../../src/domain/gdap/gdap-relationship.js';
import { gdapRecord } from './gdap-fixtures.js';

const record = gdapRecord({
  tenantId: '4b827261-d21f-4aa9-b7db-7fa1f56fb163',
  state: 'approvalPending',
  displayName: 'ООО «Ромашка» CSP-7K2M9QX4',
  relationshipId: '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836',
  roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
});

describe('createRelationshipBody', () => {
  it('has the documented shape of "Create delegatedAdminRelationship"', () => {
    expect(createRelationshipBody(record)).toEqual({
      displayName: 'ООО «Ромашка» CSP-7K2M9QX4',
      duration: 'P730D',
      customer: { tenantId: '4b827261-d21f-4aa9-b7db-7fa1f56fb163' },
      accessDetails: { unifiedRoles: [{ roleDefinitionId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b' }] },
      autoExtendDuration: 'P180D',
    });
  });
});

describe('gdapView', () => {
  it('carries the approval link once locked for approval, not before', () => {
    expect(gdapView(record).invitationUrl).toBe(
      'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836',
    );
    expect(gdapView({ ...record, state: 'created' }).invitationUrl).toBeNull();
  });
});

describe('tenantGdapOf and activeGdapRelationships', () => {
  it('tell the customer the state and link, and count only an active relationship as proof', () => {
    expect(tenantGdapOf(undefined)).toBeNull();
    expect(tenantGdapOf(record)).toEqual({ status: 'approvalPending', invitationUrl: gdapView(record).invitationUrl, roles: record.roles, endDateTime: null });
    expect(activeGdapRelationships(record)).toEqual([]);
    const active = { ...record, state: 'active' as const, activatedAt: '2026-12-05T00:05:00Z' };
    expect(activeGdapRelationships(active)).toEqual([
      { id: record.relationshipId, displayName: record.displayName, status: 'active', customerTenantId: record.tenantId, activatedDateTime: '2026-12-05T00:05:00Z' },
    ]);
  });
});
