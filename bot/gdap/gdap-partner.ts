import type { CreateRelationshipBody } from '../../src/domain/gdap/gdap-relationship.js';

/**
 * A `delegatedAdminRelationship` as Graph answers it, read down to what the
 * app uses ("delegatedAdminRelationship resource type",
 * https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship).
 */
export interface PartnerRelationship {
  readonly id: string;
  readonly displayName: string;
  /** Graph's status, as sent (see `stateFromGraphStatus`). */
  readonly status: string;
  readonly customerTenantId: string | null;
  readonly activatedDateTime: string | null;
  readonly endDateTime: string | null;
  /** `@odata.etag`, needed to delete. */
  readonly etag: string | null;
  /** A `resellerDelegatedAdminRelationship` an indirect provider made for its reseller. */
  readonly indirectProviderTenantId: string | null;
  readonly isPartnerConsentPending: boolean | null;
}

/**
 * The distributor's side of GDAP, app-only: Microsoft Graph in production
 * (bot/graph/gdap-client.ts), a built-in stand-in in demo mode
 * (bot/graph/demo-partner.ts). Failures are `GdapPartnerError`s.
 */
export interface GdapPartner {
  create(body: CreateRelationshipBody): Promise<PartnerRelationship>;
  /** `POST .../{id}/requests {action:"lockForApproval"}`: the customer may approve from then on. */
  lockForApproval(relationshipId: string): Promise<void>;
  get(relationshipId: string): Promise<PartnerRelationship | undefined>;
  /** Display names are unique per partner, so at most one. */
  findByDisplayName(displayName: string): Promise<PartnerRelationship | undefined>;
  /** Only a `created` relationship can be deleted. */
  delete(relationship: PartnerRelationship): Promise<void>;
  /** Gives a security group of the distributor's tenant the roles; answers the assignment id. */
  assignAccess(relationshipId: string, securityGroupId: string, roles: readonly string[]): Promise<string>;
}

export type GdapPartnerErrorKind =
  /** 401/403: the app lacks `DelegatedAdminRelationship.ReadWrite.All` (or its service principal). */
  | 'permission'
  /** 400: Graph refused the request as it stands (e.g. a display name already used). */
  | 'rejected'
  /** 404 */
  | 'notFound'
  /** 429, 5xx, no answer: try again later. */
  | 'unavailable';

export class GdapPartnerError extends Error {
  override readonly name = 'GdapPartnerError';
  constructor(
    readonly kind: GdapPartnerErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}
