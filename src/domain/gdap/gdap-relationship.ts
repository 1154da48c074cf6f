import { renderGdapApprovalLink } from '../invitation/invitation-link.js';
import type { GdapRelationship } from '../tenant/tenant-facts.js';
import type { TenantGdap } from '../tenant/tenant-response.js';
import type { GdapState } from './gdap-status.js';

/** What is stored per customer tenant (bot/storage/gdap-store.ts keeps it durably). */
export interface GdapRelationshipRecord {
  /** The customer's tenant (lower-case GUID). */
  readonly tenantId: string;
  readonly state: GdapState;
  /** Unique per partner: how a `creating` intent is found again after a crash. */
  readonly displayName: string;
  /** Graph's id; null while `creating`. */
  readonly relationshipId: string | null;
  readonly roles: readonly string[];
  readonly duration: string;
  readonly autoExtendDuration: string;
  /** The order it was requested for, when staff asked from an order. */
  readonly orderId: string | null;
  readonly requestedAt: string;
  readonly activatedAt: string | null;
  readonly endDateTime: string | null;
  /** When Graph was last asked (or the record last changed). */
  readonly refreshedAt: string;
  /** The access assignment made for `GDAP_ACCESS_GROUP_ID` once active. */
  readonly accessAssignmentId: string | null;
  /** The approval card reached the customer's chat (so a sweep does not send it again). */
  readonly customerCardSent: boolean;
  /** The distributor's channel heard that it became active. */
  readonly activeNoticeSent: boolean;
}

/** The body of "Create delegatedAdminRelationship" (https://learn.microsoft.com/graph/api/tenantrelationship-post-delegatedadminrelationships). */
export interface CreateRelationshipBody {
  readonly displayName: string;
  readonly duration: string;
  readonly customer: { readonly tenantId: string };
  readonly accessDetails: { readonly unifiedRoles: readonly { readonly roleDefinitionId: string }[] };
  readonly autoExtendDuration: string;
}

export function createRelationshipBody(record: Pick<GdapRelationshipRecord, 'tenantId' | 'displayName' | 'duration' | 'roles' | 'autoExtendDuration'>): CreateRelationshipBody {
  return {
    displayName: record.displayName,
    duration: record.duration,
    customer: { tenantId: record.tenantId },
    accessDetails: { unifiedRoles: record.roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
    autoExtendDuration: record.autoExtendDuration,
  };
}

/** The customer's approval link exists once the relationship is locked for approval. */
export function invitationUrlOf(record: Pick<GdapRelationshipRecord, 'state' | 'relationshipId'>): string | null {
  if (record.relationshipId === null || (record.state !== 'approvalPending' && record.state !== 'active')) return null;
  return renderGdapApprovalLink(record.relationshipId);
}

/** What the API answers about a relationship (README, 'HTTP contract'). */
export type GdapView = Pick<
  GdapRelationshipRecord,
  'relationshipId' | 'roles' | 'duration' | 'autoExtendDuration' | 'orderId' | 'requestedAt' | 'activatedAt' | 'endDateTime' | 'refreshedAt'
> & {
  readonly status: GdapState;
  readonly invitationUrl: string | null;
};

export function gdapView(record: GdapRelationshipRecord): GdapView {
  return {
    relationshipId: record.relationshipId,
    status: record.state,
    invitationUrl: invitationUrlOf(record),
    roles: record.roles,
    duration: record.duration,
    autoExtendDuration: record.autoExtendDuration,
    orderId: record.orderId,
    requestedAt: record.requestedAt,
    activatedAt: record.activatedAt,
    endDateTime: record.endDateTime,
    refreshedAt: record.refreshedAt,
  };
}

/** What `GET /api/tenant` tells the customer about it (`gdap`), or null when nothing was requested. */
export function tenantGdapOf(record: GdapRelationshipRecord | undefined): TenantGdap | null {
  if (record === undefined) return null;
  return { status: record.state, invitationUrl: invitationUrlOf(record), roles: [...record.roles], endDateTime: record.endDateTime };
}

/** An active relationship, as partner-side evidence reads Graph's (relationship-evidence.ts): proof of the relationship. */
export function activeGdapRelationships(record: GdapRelationshipRecord | undefined): GdapRelationship[] {
  if (record?.state !== 'active' || record.relationshipId === null) return [];
  return [{ id: record.relationshipId, displayName: record.displayName, status: 'active', customerTenantId: record.tenantId, activatedDateTime: record.activatedAt }];
}
