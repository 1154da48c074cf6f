import { z } from 'zod';
import type {
  CrossTenantPartner,
  CustomerFacts,
  OrganizationRecord,
  PartnerAuditEvent,
  ServicePrincipalRecord,
  SubscriptionRecord,
} from '../../src/domain/tenant/tenant-facts.js';
import type { Fact, FactProblem, UserFacts } from '../../src/domain/tenant/tenant-response.js';
import { CUSTOMER_FACT_REQUESTS } from './customer-fact-requests.js';
import type { CustomerFactId } from './customer-fact-requests.js';
import type { GraphBatchPart } from './graph-batch.js';
import { partOutcome } from './graph-part-outcome.js';
import type { RefusalContext } from './graph-part-outcome.js';

/**
 * Reads the customer-side batch answers (Graph v1.0 resource shapes:
 * organization, user, companySubscription, directoryAudit,
 * crossTenantAccessPolicyConfigurationPartner, servicePrincipal,
 * directoryRole) into the domain's facts.
 */
export function readCustomerFacts(
  parts: ReadonlyMap<string, GraphBatchPart>,
  context: RefusalContext,
  options: { readonly rolesFromToken: boolean },
): CustomerFacts {
  const outcome = <T>(id: CustomerFactId, read: (body: unknown) => T | undefined): Fact<T> =>
    partOutcome(parts.get(id), CUSTOMER_FACT_REQUESTS[id], context, read);
  return {
    user: outcome('me', readUser),
    organization: outcome('organization', readOrganization),
    subscriptions: outcome('subscriptions', readSubscriptions),
    partnerAuditEvents: outcome('partnerAuditEvents', readAuditEvents),
    crossTenantPartners: outcome('crossTenantPartners', readCrossTenantPartners),
    gdapServicePrincipals: outcome('gdapServicePrincipals', readServicePrincipals),
    ...(options.rolesFromToken ? {} : { directoryRoles: directoryRolesFact(outcome('directoryRoles', readDirectoryRoles), context) }),
  };
}

const text = z.string().nullish().transform((value) => value ?? null);
const texts = z.array(z.string()).nullish().transform((value) => value ?? []);
const collection = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item) });

const userSchema = z.object({
  displayName: text,
  // First and last name as the directory keeps them: the MCA signatory's, never split from displayName.
  givenName: text,
  surname: text,
  mail: text,
  userPrincipalName: text,
  mobilePhone: text,
  businessPhones: texts,
});

const organizationSchema = collection(
  z.object({
    displayName: text,
    street: text,
    city: text,
    postalCode: text,
    state: text,
    country: text,
    businessPhones: texts,
    verifiedDomains: z
      .array(z.object({ name: z.string(), isDefault: z.boolean().nullish(), isInitial: z.boolean().nullish() }))
      .nullish(),
  }),
);

const subscriptionSchema = z.object({
  id: z.string(),
  skuId: text,
  skuPartNumber: z.string(),
  isTrial: z.boolean().nullish(),
  status: text,
  totalLicenses: z.number().int().nullish(),
  ownerTenantId: text,
  createdDateTime: text,
  nextLifecycleDateTime: text,
});

const auditEventSchema = z.object({ activityDateTime: text, result: text }).loose();

const crossTenantPartnerSchema = z.object({ tenantId: z.string(), isServiceProvider: z.boolean().nullish() });

const servicePrincipalSchema = z.object({ appId: z.string(), displayName: text });

const directoryRoleSchema = z.object({ roleTemplateId: text });

function readUser(body: unknown): UserFacts | undefined {
  return userSchema.safeParse(body).data;
}

function readOrganization(body: unknown): OrganizationRecord | undefined {
  const organization = organizationSchema.safeParse(body).data?.value[0];
  if (organization === undefined) return undefined;
  const { verifiedDomains, ...facts } = organization;
  return {
    ...facts,
    verifiedDomains: (verifiedDomains ?? []).map((domain) => ({
      name: domain.name,
      isDefault: domain.isDefault === true,
      isInitial: domain.isInitial === true,
    })),
  };
}

function readSubscriptions(body: unknown): SubscriptionRecord[] | undefined {
  return collection(subscriptionSchema)
    .safeParse(body)
    .data?.value.map((subscription) => ({
      ...subscription,
      isTrial: subscription.isTrial === true,
      status: subscription.status ?? 'Unknown',
      totalLicenses: subscription.totalLicenses ?? 0,
      ownerTenantId: subscription.ownerTenantId?.toLowerCase() ?? null,
    }));
}

const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The entry's layout for partner additions is not documented: any GUID it carries may name the partner. */
function readAuditEvents(body: unknown): PartnerAuditEvent[] | undefined {
  return collection(auditEventSchema)
    .safeParse(body)
    .data?.value.map((event) => ({
      activityDateTime: event.activityDateTime,
      result: event.result,
      mentionedIds: [...new Set((JSON.stringify(event).match(GUID_IN_TEXT) ?? []).map((id) => id.toLowerCase()))],
    }));
}

function readCrossTenantPartners(body: unknown): CrossTenantPartner[] | undefined {
  return collection(crossTenantPartnerSchema)
    .safeParse(body)
    .data?.value.map((partner) => ({ tenantId: partner.tenantId.toLowerCase(), isServiceProvider: partner.isServiceProvider === true }));
}

function readServicePrincipals(body: unknown): ServicePrincipalRecord[] | undefined {
  return collection(servicePrincipalSchema).safeParse(body).data?.value;
}

function readDirectoryRoles(body: unknown): (string | null)[] | undefined {
  return collection(directoryRoleSchema)
    .safeParse(body)
    .data?.value.map((role) => role.roleTemplateId?.toLowerCase() ?? null);
}

/**
 * With only User.Read, Graph lists directory roles without their
 * properties; reading the template ids then needs Directory.Read.All.
 */
function directoryRolesFact(fact: Fact<(string | null)[]>, context: RefusalContext): Fact<string[]> {
  if (fact.status !== 'ok') return fact;
  const resolved = fact.value.filter((id): id is string => id !== null);
  if (resolved.length === fact.value.length) return { status: 'ok', value: resolved };
  const problem: FactProblem = { status: 'needsConsent', permissions: ['Directory.Read.All'], adminConsentUrl: context.adminConsentUrl };
  return problem;
}
