import { describeAdmin } from './admin-status.js';
import type { KnownRoles } from './admin-status.js';
import { deriveRelationship } from './relationship-evidence.js';
import { describeDomains } from './technical-domain.js';
import type { CustomerFacts, OrganizationRecord, PartnerFacts } from './tenant-facts.js';
import type { Fact, OrganizationFacts, SubscriptionFacts, TenantResponse } from './tenant-response.js';

export interface TenantResponseInput {
  readonly tenantId: string;
  readonly source: TenantResponse['source'];
  readonly adminConsentUrl: string | null;
  readonly partnerTenantIds: readonly string[];
  readonly customer: CustomerFacts;
  readonly partner: PartnerFacts;
  readonly declaredInvitationAccepted: boolean | undefined;
  /** Role template ids from the SSO token's `wids` claim; undefined when the token had none. */
  readonly tokenRoleTemplateIds: readonly string[] | undefined;
}

/** Turns what was read about a tenant into the `GET /api/tenant` answer. */
export function assembleTenantResponse(input: TenantResponseInput): TenantResponse {
  const { customer } = input;
  const partners = new Set(input.partnerTenantIds.map((id) => id.toLowerCase()));
  return {
    tenantId: input.tenantId,
    source: input.source,
    adminConsentUrl: input.adminConsentUrl,
    user: customer.user,
    organization: mapFact(customer.organization, organizationFacts),
    domains: mapFact(customer.organization, (organization) => describeDomains(organization.verifiedDomains)),
    subscriptions: mapFact(customer.subscriptions, (subscriptions) =>
      subscriptions.map(
        (subscription): SubscriptionFacts => ({
          ...subscription,
          ownedByPartner: partners.has(subscription.ownerTenantId?.toLowerCase() ?? ''),
        }),
      ),
    ),
    admin: describeAdmin(knownRoles(input.tokenRoleTemplateIds, customer.directoryRoles)),
    relationship: deriveRelationship({
      tenantId: input.tenantId,
      partnerTenantIds: input.partnerTenantIds,
      customer,
      partner: input.partner,
      declaredInvitationAccepted: input.declaredInvitationAccepted,
    }),
  };
}

/** The token's claim wins: it needs no Graph permission and reflects the roles at sign-in. */
function knownRoles(fromToken: readonly string[] | undefined, fromDirectory: CustomerFacts['directoryRoles']): KnownRoles {
  if (fromToken !== undefined) return { source: 'token', roleTemplateIds: fromToken };
  if (fromDirectory?.status === 'ok') return { source: 'directory', roleTemplateIds: fromDirectory.value };
  return { source: 'unknown' };
}

function organizationFacts(organization: OrganizationRecord): OrganizationFacts {
  const { displayName, street, city, postalCode, state, country, businessPhones } = organization;
  return { displayName, street, city, postalCode, state, country, businessPhones: [...businessPhones] };
}

function mapFact<T, U>(fact: Fact<T>, map: (value: T) => U): Fact<U> {
  return fact.status === 'ok' ? { status: 'ok', value: map(fact.value) } : fact;
}
