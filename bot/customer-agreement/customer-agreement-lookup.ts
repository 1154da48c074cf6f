import type { CustomerAgreementAcceptance } from '../../src/domain/customer-agreement/customer-agreement.js';
import type { CustomerAgreementFact } from '../../src/domain/customer-agreement/customer-agreement-fact.js';

/** Reads a tenant's current MCA acceptance; `CustomerAgreementStore` is the one in production. */
export interface CustomerAgreementLookup {
  get(tenantId: string): Promise<CustomerAgreementAcceptance | undefined>;
}

/** The fact the distributor reads next to an order; `undefined` when no lookup is wired (no line shown). */
export async function readCustomerAgreementFact(
  lookup: CustomerAgreementLookup | undefined,
  tenantId: string,
): Promise<CustomerAgreementFact | undefined> {
  if (lookup === undefined) return undefined;
  return (await lookup.get(tenantId))?.acceptedAt ?? null;
}
