import { DAY_MS } from './journey.js';
import type { JourneyStepId } from './journey.js';
import { newCustomersSince, reminderDue } from './journey-schedule.js';

/** What the digest needs of one customer (the stored customer summary has these fields). */
export interface DigestCustomerFacts {
  readonly tenantId: string;
  readonly organizationName: string | null;
  readonly current: JourneyStepId | null;
  readonly stuckSince: string | null;
  readonly firstContactAt: string | null;
  readonly waitingOrders: number;
  readonly gdapExpiresAt: string | null;
}

export interface StaffDigest {
  readonly newCustomers: readonly DigestCustomerFacts[];
  readonly stuck: readonly DigestCustomerFacts[];
  readonly waitingOrders: readonly DigestCustomerFacts[];
  readonly gdapExpiring: readonly DigestCustomerFacts[];
}

/** GDAP relationships ending within this many days are listed. */
export const GDAP_EXPIRY_WARNING_DAYS = 30;

/**
 * The morning digest's four lists: customers new since the previous working
 * day's digest, customers stuck beyond `stuckAfterDays`, customers with
 * orders waiting for the distributor, and GDAP relationships ending soon.
 */
export function selectDigest(
  customers: readonly DigestCustomerFacts[],
  now: Date,
  options: { readonly timeZone: string; readonly stuckAfterDays: number },
): StaffDigest {
  const newSince = newCustomersSince(now, options.timeZone).getTime();
  const gdapUntil = now.getTime() + GDAP_EXPIRY_WARNING_DAYS * DAY_MS;
  const byStuckSince = (a: DigestCustomerFacts, b: DigestCustomerFacts): number => (a.stuckSince ?? '').localeCompare(b.stuckSince ?? '');
  return {
    newCustomers: customers.filter((customer) => customer.firstContactAt !== null && Date.parse(customer.firstContactAt) >= newSince),
    stuck: customers
      .filter((customer) => customer.current !== null && reminderDue(customer.stuckSince, now, options.stuckAfterDays))
      .sort(byStuckSince),
    waitingOrders: customers.filter((customer) => customer.waitingOrders > 0),
    gdapExpiring: customers.filter((customer) => {
      const ends = customer.gdapExpiresAt === null ? Number.NaN : Date.parse(customer.gdapExpiresAt);
      return ends >= now.getTime() && ends <= gdapUntil;
    }),
  };
}

/** Staff get a digest only when there is something to report. */
export function isDigestEmpty(digest: StaffDigest): boolean {
  return digest.newCustomers.length + digest.stuck.length + digest.waitingOrders.length + digest.gdapExpiring.length === 0;
}
