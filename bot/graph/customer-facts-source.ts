import type { CustomerFacts } from '../../src/domain/tenant/tenant-facts.js';

/** Who asks for their tenant's facts: taken from the verified SSO token. */
export interface TenantFactsCaller {
  readonly tenantId: string;
  /** The caller's Entra object id: what was read for them is remembered for them only. */
  readonly userId?: string;
  /** The SSO token, for the on-behalf-of exchange; absent in demo mode. */
  readonly token?: string;
  /** Role template ids of the token's `wids` claim, when it has one. */
  readonly roleTemplateIds?: readonly string[];
}

/** Reads the customer-side facts of the caller's tenant (Microsoft Graph, or the demo tenant). */
export type CustomerFactsSource = (caller: TenantFactsCaller) => Promise<CustomerFacts>;
