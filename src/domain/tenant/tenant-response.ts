import { z } from 'zod';
import { GDAP_STATES } from '../gdap/gdap-status.js';
import type { GdapState } from '../gdap/gdap-status.js';
import { customerAgreementStatusSchema } from '../customer-agreement/customer-agreement-response.js';

/**
 * The body of `GET /api/tenant` (tenant facts and relationship evidence): what the server
 * learned about the signed-in admin's tenant. The tab parses it with
 * `tenantResponseSchema`; every fact carries its own state, so one missing
 * permission empties one fact and never the whole answer.
 */

/** Why a fact is empty. */
export const factProblemSchema = z.discriminatedUnion('status', [
  /** The app lacks a delegated permission: an administrator grants it with the consent link. */
  z.object({
    status: z.literal('needsConsent'),
    permissions: z.array(z.string()),
    adminConsentUrl: z.string().nullable(),
  }),
  /** The permission is granted, but the signed-in user holds none of these directory roles. */
  z.object({
    status: z.literal('needsRole'),
    permissions: z.array(z.string()),
    roleTemplateIds: z.array(z.string()),
  }),
  z.object({
    status: z.literal('unavailable'),
    reason: z.enum([
      /** Throttled (429): retry after `retryAfterSeconds`. */
      'throttled',
      /** Microsoft answered with an error or not at all: retry later. */
      'serviceError',
      /** This server is not set up to ask (e.g. no partner credentials). */
      'notConfigured',
      /** The tenant's licence does not include this data (e.g. audit logs). */
      'licenseRequired',
      /** Access was refused for a reason consent cannot fix (e.g. the distributor's own app). */
      'accessDenied',
    ]),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
]);
export type FactProblem = z.infer<typeof factProblemSchema>;

function factSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), value }), ...factProblemSchema.options]);
}

/** A fact that is either known (`ok`) or empty for a stated reason. */
export type Fact<T> = { readonly status: 'ok'; readonly value: T } | FactProblem;

export const userFactsSchema = z.object({
  displayName: z.string().nullable(),
  /** Graph's `givenName` and `surname`; absent from answers of older servers. */
  givenName: z.string().nullable().optional(),
  surname: z.string().nullable().optional(),
  mail: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  businessPhones: z.array(z.string()),
});
export type UserFacts = z.infer<typeof userFactsSchema>;

export const organizationFactsSchema = z.object({
  displayName: z.string().nullable(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  state: z.string().nullable(),
  country: z.string().nullable(),
  businessPhones: z.array(z.string()),
});
export type OrganizationFacts = z.infer<typeof organizationFactsSchema>;

export const verifiedDomainSchema = z.object({
  name: z.string(),
  isDefault: z.boolean(),
  isInitial: z.boolean(),
});
export type VerifiedDomain = z.infer<typeof verifiedDomainSchema>;

export const domainFactsSchema = z.object({
  /** The initial `*.onmicrosoft.com` domain: the "technical domain" of the order form. */
  technicalDomain: z.string().nullable(),
  defaultDomain: z.string().nullable(),
  /** False means the tab explains how to make the technical domain the default one. */
  technicalDomainIsDefault: z.boolean(),
  verified: z.array(verifiedDomainSchema),
});
export type DomainFacts = z.infer<typeof domainFactsSchema>;

export const subscriptionFactsSchema = z.object({
  id: z.string(),
  skuId: z.string().nullable(),
  skuPartNumber: z.string(),
  isTrial: z.boolean(),
  /** Enabled, Warning, Suspended, Deleted or LockedOut. */
  status: z.string(),
  totalLicenses: z.number().int(),
  /** The partner tenant that created the subscription, if a partner did. */
  ownerTenantId: z.string().nullable(),
  /** Whether `ownerTenantId` is this distributor or its reseller. */
  ownedByPartner: z.boolean(),
  createdDateTime: z.string().nullable(),
  nextLifecycleDateTime: z.string().nullable(),
});
export type SubscriptionFacts = z.infer<typeof subscriptionFactsSchema>;

export const adminStepSchema = z.enum(['acceptInvitation', 'grantConsent', 'checkRelationship', 'setDefaultDomain']);

export const adminFactsSchema = z.object({
  /** Global Administrator: can do every step. Null when the roles could not be read. */
  isAdmin: z.boolean().nullable(),
  /** Where the roles came from: the SSO token's `wids` claim, or Graph. */
  source: z.enum(['token', 'directory', 'unknown']),
  roleTemplateIds: z.array(z.string()),
  steps: z.array(
    z.object({
      step: adminStepSchema,
      requiredRoleTemplateIds: z.array(z.string()),
      /** Null when the roles are unknown. */
      allowed: z.boolean().nullable(),
    }),
  ),
});
export type AdminFacts = z.infer<typeof adminFactsSchema>;

export const evidenceLevelSchema = z.enum(['confirmed', 'detected', 'declared']);
export type EvidenceLevel = z.infer<typeof evidenceLevelSchema>;

export const relationshipLevelSchema = z.enum(['confirmed', 'detected', 'declared', 'notFound']);
export type RelationshipLevel = z.infer<typeof relationshipLevelSchema>;

export const evidenceSourceSchema = z.enum([
  /** Partner side: the customer is in the distributor's `GET /contracts`. */
  'partnerContract',
  /** Partner side: an active GDAP relationship with the customer. */
  'partnerGdapRelationship',
  /** Customer side: "Add partner to company" in the directory audit log. */
  'auditLog',
  /** Customer side: the partner is a service provider in the cross-tenant access policy. */
  'crossTenantPartner',
  /** Customer side: the GDAP service principals exist (some partner, not necessarily this one). */
  'gdapServicePrincipals',
  /** Customer side: a subscription owned by the partner's tenant. */
  'partnerSubscription',
  /** The admin answered "invitation accepted" in a previous order. */
  'declared',
]);
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;

const evidenceBase = {
  source: evidenceSourceSchema,
  level: evidenceLevelSchema,
  /** False when the evidence shows a relationship with some partner, not necessarily this one. */
  partnerSpecific: z.boolean(),
};

export const evidenceItemSchema = z.discriminatedUnion('status', [
  z.object({
    ...evidenceBase,
    status: z.literal('found'),
    observedAt: z.string().nullable(),
    detail: z.string().nullable(),
  }),
  z.object({ ...evidenceBase, status: z.literal('notFound') }),
  ...factProblemSchema.options.map((problem) => problem.extend(evidenceBase)),
]);
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const relationshipSchema = z.object({
  /** The strongest level with evidence found. Only partner-side proof makes it `confirmed`. */
  level: relationshipLevelSchema,
  evidence: z.array(evidenceItemSchema),
});
export type Relationship = z.infer<typeof relationshipSchema>;

/** The caller's GDAP relationship as the distributor requested it (README, 'GDAP per customer'). */
export const tenantGdapSchema = z.object({
  status: z.enum(GDAP_STATES as [GdapState, ...GdapState[]]),
  /** The admin center's approval page; null until the request is locked for approval. */
  invitationUrl: z.string().nullable(),
  roles: z.array(z.string()),
  endDateTime: z.string().nullable(),
});
export type TenantGdap = z.infer<typeof tenantGdapSchema>;

export const tenantResponseSchema = z.object({
  tenantId: z.string(),
  /** `demo` answers come from the built-in demo tenant, not Microsoft Graph. */
  source: z.enum(['graph', 'demo']),
  /** Where an administrator grants the app's permissions; null when the server has no app id. */
  adminConsentUrl: z.string().nullable(),
  user: factSchema(userFactsSchema),
  organization: factSchema(organizationFactsSchema),
  domains: factSchema(domainFactsSchema),
  subscriptions: factSchema(z.array(subscriptionFactsSchema)),
  admin: adminFactsSchema,
  relationship: relationshipSchema,
  /** Absent from servers before GDAP requests; null when none was requested for this tenant. */
  gdap: tenantGdapSchema.nullable().optional(),
  /** The tenant's Microsoft Customer Agreement acceptance; the server always sends it. */
  customerAgreement: customerAgreementStatusSchema.optional(),
});
export type TenantResponse = z.infer<typeof tenantResponseSchema>;

/** Parses an untrusted `GET /api/tenant` body; throws a ZodError when it does not match. */
export function parseTenantResponse(body: unknown): TenantResponse {
  return tenantResponseSchema.parse(body);
}
