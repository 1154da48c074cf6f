import type { CustomerFacts, PartnerFacts } from './tenant-facts.js';
import type { EvidenceItem, EvidenceLevel, EvidenceSource, Fact, Relationship, RelationshipLevel } from './tenant-response.js';

export interface RelationshipInput {
  /** The customer's tenant (from the verified token). */
  readonly tenantId: string;
  /** The distributor's tenant and its reseller's: whose relationship counts. */
  readonly partnerTenantIds: readonly string[];
  readonly customer: Pick<CustomerFacts, 'subscriptions' | 'partnerAuditEvents' | 'crossTenantPartners' | 'gdapServicePrincipals'>;
  readonly partner: PartnerFacts;
  /** Item 1 of the tenant's latest order; undefined when there is none. */
  readonly declaredInvitationAccepted: boolean | undefined;
}

/** The Microsoft apps a GDAP approval creates in the customer's tenant (see docs/architecture.md, 'Facts we rely on'). */
export const GDAP_APP_IDS: readonly string[] = [
  '2832473f-ec63-45fb-976f-5d45a7d4bb91',
  'a3475900-ccec-4a69-98f5-a65cd5dc5306',
];

const LEVEL_ORDER: readonly EvidenceLevel[] = ['confirmed', 'detected', 'declared'];

/**
 * Evidence of the CSP relationship at three levels:
 * confirmed (partner side) > detected (customer side) > declared (the
 * admin's answer) > notFound. There is no customer-side API that proves the
 * relationship, so nothing but partner-side proof yields `confirmed`.
 */
export function deriveRelationship(input: RelationshipInput): Relationship {
  const tenantId = input.tenantId.toLowerCase();
  const partners = new Set(input.partnerTenantIds.map((id) => id.toLowerCase()));
  const { customer, partner } = input;

  const evidence: EvidenceItem[] = [
    fromFact('partnerContract', 'confirmed', true, partner.contracts, (contracts) => {
      const contract = contracts.find((candidate) => candidate.customerId.toLowerCase() === tenantId);
      return contract && { observedAt: null, detail: contract.displayName ?? contract.defaultDomainName };
    }),
    fromFact('partnerGdapRelationship', 'confirmed', true, partner.gdapRelationships, (relationships) => {
      const active = relationships.find(
        (relationship) => relationship.status === 'active' && relationship.customerTenantId?.toLowerCase() === tenantId,
      );
      return active && { observedAt: active.activatedDateTime, detail: active.displayName };
    }),
    auditLogEvidence(customer.partnerAuditEvents, partners),
    fromFact('crossTenantPartner', 'detected', true, customer.crossTenantPartners, (entries) => {
      const entry = entries.find((candidate) => candidate.isServiceProvider && partners.has(candidate.tenantId.toLowerCase()));
      return entry && { observedAt: null, detail: entry.tenantId.toLowerCase() };
    }),
    fromFact('gdapServicePrincipals', 'detected', false, customer.gdapServicePrincipals, (principals) => {
      const gdap = principals.filter((principal) => GDAP_APP_IDS.includes(principal.appId.toLowerCase()));
      return gdap.length === 0 ? undefined : { observedAt: null, detail: gdap.map((principal) => principal.displayName ?? principal.appId).join(', ') };
    }),
    fromFact('partnerSubscription', 'detected', true, customer.subscriptions, (subscriptions) => {
      const owned = subscriptions.filter((subscription) => partners.has(subscription.ownerTenantId?.toLowerCase() ?? ''));
      return owned.length === 0 ? undefined : { observedAt: null, detail: owned.map((subscription) => subscription.skuPartNumber).join(', ') };
    }),
    input.declaredInvitationAccepted === true
      ? { source: 'declared', level: 'declared', partnerSpecific: true, status: 'found', observedAt: null, detail: null }
      : { source: 'declared', level: 'declared', partnerSpecific: true, status: 'notFound' },
  ];

  return { level: strongestLevel(evidence), evidence };
}

function strongestLevel(evidence: readonly EvidenceItem[]): RelationshipLevel {
  return LEVEL_ORDER.find((level) => evidence.some((item) => item.level === level && item.status === 'found')) ?? 'notFound';
}

interface Finding {
  readonly observedAt: string | null;
  readonly detail: string | null;
}

function fromFact<T>(
  source: EvidenceSource,
  level: EvidenceLevel,
  partnerSpecific: boolean,
  fact: Fact<T>,
  find: (value: T) => Finding | undefined,
): EvidenceItem {
  const base = { source, level, partnerSpecific };
  if (fact.status !== 'ok') return { ...base, ...fact };
  const finding = find(fact.value);
  return finding === undefined ? { ...base, status: 'notFound' } : { ...base, status: 'found', ...finding };
}

/**
 * Any successful "Add partner to company" entry is evidence; it is specific
 * to this distributor only when the entry names one of its tenants.
 */
function auditLogEvidence(fact: CustomerFacts['partnerAuditEvents'], partners: ReadonlySet<string>): EvidenceItem {
  const successful = fact.status === 'ok' ? fact.value.filter((event) => event.result === null || event.result.toLowerCase() === 'success') : [];
  const ours = successful.filter((event) => event.mentionedIds.some((id) => partners.has(id.toLowerCase())));
  const events = ours.length > 0 ? ours : successful;
  const latest = events
    .map((event) => event.activityDateTime)
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);
  return fromFact('auditLog', 'detected', ours.length > 0, fact, () =>
    events.length === 0 ? undefined : { observedAt: latest ?? null, detail: null },
  );
}
