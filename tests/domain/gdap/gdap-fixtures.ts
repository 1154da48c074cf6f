import type { GdapRelationshipRecord } from '../../../src/domain/gdap/gdap-relationship.js';
import { DEFAULT_GDAP_ROLES } from '../../../src/domain/gdap/gdap-roles.js';

/** A stored GDAP row; tests change what they need. */
export function gdapRecord(overrides: Partial<GdapRelationshipRecord> = {}): GdapRelationshipRecord {
  return {
    tenantId: 'c0ffee00-1111-4222-8333-444455556666',
    state: 'creating',
    displayName: 'ООО «Василёк» CSP-7K2M9QX4',
    relationshipId: null,
    roles: DEFAULT_GDAP_ROLES,
    duration: 'P730D',
    autoExtendDuration: 'P180D',
    orderId: 'CSP-7K2M9QX4',
    requestedAt: '2026-12-05T00:00:00.000Z',
    activatedAt: null,
    endDateTime: null,
    refreshedAt: '2026-12-05T00:00:00.000Z',
    accessAssignmentId: null,
    customerCardSent: false,
    activeNoticeSent: false,
    ...overrides,
  };
}
