import type { OrderFormValues } from '../cards/order-form-values.js';
import type { SubscriptionFacts, TenantResponse } from './tenant-response.js';

export interface TenantPrefill {
  /** Order form values the tenant's facts suggest; fields nothing suggests are absent. */
  readonly values: OrderFormValues;
  /** The tenant's trial subscriptions that can still be converted, the suggested one first. */
  readonly trials: readonly SubscriptionFacts[];
}

export interface PrefillOptions {
  /** The distributor's catalog (`skuPartNumber`s): a trial is suggested as an order line only if offered. */
  readonly offeredSkus?: readonly string[];
}

/** Trials past these states can no longer be converted (Microsoft's subscription lifecycle). */
const GONE_STATUSES = new Set(['deleted', 'lockedout']);

/**
 * Suggests order form values from the tenant's facts: the technical domain,
 * the organization's name and address, the signed-in admin as the contact,
 * and a trial conversion when a trial exists. The admin reviews everything;
 * the INN, quantities and activation date are never guessed.
 */
export function prefillFromTenant(tenant: TenantResponse, options: PrefillOptions = {}): TenantPrefill {
  const user = tenant.user.status === 'ok' ? tenant.user.value : undefined;
  const organization = tenant.organization.status === 'ok' ? tenant.organization.value : undefined;
  const technicalDomain = tenant.domains.status === 'ok' ? tenant.domains.value.technicalDomain : null;
  const trials = convertibleTrials(tenant, options.offeredSkus);
  const suggestedTrial = trials[0];
  const offered = options.offeredSkus === undefined ? undefined : new Set(options.offeredSkus);

  const values: Mutable<OrderFormValues> = {};
  if (tenant.relationship.level !== 'notFound') values.invitationAccepted = true;
  if (technicalDomain !== null) values.technicalDomain = technicalDomain;

  const address = present({ postalCode: organization?.postalCode, city: organization?.city, street: organization?.street });
  const organizationValues = present({ name: organization?.displayName });
  if (address !== undefined || organizationValues !== undefined) {
    values.organization = { ...organizationValues, ...(address === undefined ? {} : { address }) };
  }

  const contact = present({
    fullName: user?.displayName,
    phone: user?.mobilePhone ?? user?.businessPhones[0] ?? organization?.businessPhones[0],
    email: user?.mail ?? emailLike(user?.userPrincipalName),
  });
  if (contact !== undefined) values.contact = contact;

  if (tenant.subscriptions.status === 'ok') {
    values.subscriptionKind = suggestedTrial === undefined ? 'new' : 'trialConversion';
  }
  if (suggestedTrial !== undefined && (offered === undefined || offered.has(suggestedTrial.skuPartNumber))) {
    values.lines = [{ sku: suggestedTrial.skuPartNumber }];
  }
  if (suggestedTrial !== undefined) {
    const endsOn = suggestedTrial.nextLifecycleDateTime?.slice(0, 10);
    values.trial = { sku: suggestedTrial.skuPartNumber, licenses: suggestedTrial.totalLicenses, ...(endsOn === undefined ? {} : { endsOn }) };
  }
  return { values, trials };
}

/** Offered trials first, then the one closest to its next lifecycle step (it expires soonest). */
function convertibleTrials(tenant: TenantResponse, offeredSkus: readonly string[] | undefined): SubscriptionFacts[] {
  if (tenant.subscriptions.status !== 'ok') return [];
  const offered = new Set(offeredSkus ?? []);
  const rank = (trial: SubscriptionFacts): number => (offered.has(trial.skuPartNumber) ? 0 : 1);
  return tenant.subscriptions.value
    .filter((subscription) => subscription.isTrial && !GONE_STATUSES.has(subscription.status.toLowerCase()))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.nextLifecycleDateTime ?? '\uffff').localeCompare(b.nextLifecycleDateTime ?? '\uffff'),
    );
}

type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

/** The entries with a non-blank value, or undefined when there are none. */
function present<K extends string>(entries: Record<K, string | null | undefined>): Partial<Record<K, string>> | undefined {
  const result: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(entries) as [K, string | null | undefined][]) {
    if (typeof value === 'string' && value.trim() !== '') result[key] = value.trim();
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

/** A user principal name is often, but not always, the user's mailbox; use it only when it looks like one. */
export function emailLike(value: string | null | undefined): string | undefined {
  return value !== null && value !== undefined && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) && !value.toUpperCase().includes('#EXT#') ? value : undefined;
}
