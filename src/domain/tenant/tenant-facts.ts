import type { Fact, FactProblem, OrganizationFacts, UserFacts, VerifiedDomain } from './tenant-response.js';

/**
 * What the server reads about a tenant, before it is turned into the
 * `GET /api/tenant` answer. Adapters (Microsoft Graph, the demo tenant) fill
 * these; `assembleTenantResponse` interprets them.
 */

export interface OrganizationRecord extends OrganizationFacts {
  readonly verifiedDomains: readonly VerifiedDomain[];
}

/** A `companySubscription` as Graph reports it. */
export interface SubscriptionRecord {
  readonly id: string;
  readonly skuId: string | null;
  readonly skuPartNumber: string;
  readonly isTrial: boolean;
  readonly status: string;
  readonly totalLicenses: number;
  readonly ownerTenantId: string | null;
  readonly createdDateTime: string | null;
  readonly nextLifecycleDateTime: string | null;
}

/** An "Add partner to company" directory audit entry. */
export interface PartnerAuditEvent {
  readonly activityDateTime: string | null;
  /** `success` or `failure`; null when not reported. */
  readonly result: string | null;
  /** Every GUID the entry mentions (lower case), to tell which partner was added. */
  readonly mentionedIds: readonly string[];
}

export interface CrossTenantPartner {
  readonly tenantId: string;
  readonly isServiceProvider: boolean;
}

export interface ServicePrincipalRecord {
  readonly appId: string;
  readonly displayName: string | null;
}

/** Customer-side facts, read with the signed-in admin's delegated (OBO) access. */
export interface CustomerFacts {
  readonly user: Fact<UserFacts>;
  readonly organization: Fact<OrganizationRecord>;
  readonly subscriptions: Fact<readonly SubscriptionRecord[]>;
  readonly partnerAuditEvents: Fact<readonly PartnerAuditEvent[]>;
  readonly crossTenantPartners: Fact<readonly CrossTenantPartner[]>;
  readonly gdapServicePrincipals: Fact<readonly ServicePrincipalRecord[]>;
  /** Role template ids from Graph; absent when they were not looked up (the token named them). */
  readonly directoryRoles?: Fact<readonly string[]>;
}

/** Customer facts when none could be read, all for the same reason. */
export function unreadCustomerFacts(problem: FactProblem, options: { readonly withDirectoryRoles: boolean }): CustomerFacts {
  return {
    user: problem,
    organization: problem,
    subscriptions: problem,
    partnerAuditEvents: problem,
    crossTenantPartners: problem,
    gdapServicePrincipals: problem,
    ...(options.withDirectoryRoles ? { directoryRoles: problem } : {}),
  };
}

export interface PartnerContract {
  readonly customerId: string;
  readonly displayName: string | null;
  readonly defaultDomainName: string | null;
}

export interface GdapRelationship {
  readonly id: string;
  readonly displayName: string | null;
  readonly status: string;
  readonly customerTenantId: string | null;
  readonly activatedDateTime: string | null;
}

/** Partner-side facts, read with the distributor's own app-only access. */
export interface PartnerFacts {
  readonly contracts: Fact<readonly PartnerContract[]>;
  readonly gdapRelationships: Fact<readonly GdapRelationship[]>;
}

/** Partner-side facts when the server has no partner credentials. */
export const PARTNER_NOT_CONFIGURED: PartnerFacts = {
  contracts: { status: 'unavailable', reason: 'notConfigured' },
  gdapRelationships: { status: 'unavailable', reason: 'notConfigured' },
};
