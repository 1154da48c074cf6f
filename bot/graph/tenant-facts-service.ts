import { adminConsentUrl } from '../../src/domain/tenant/admin-consent-link.js';
import { assembleTenantResponse } from '../../src/domain/tenant/assemble-tenant-response.js';
import { PARTNER_NOT_CONFIGURED } from '../../src/domain/tenant/tenant-facts.js';
import type { PartnerFacts } from '../../src/domain/tenant/tenant-facts.js';
import type { TenantResponse } from '../../src/domain/tenant/tenant-response.js';
import type { Logger } from '../logger.js';
import type { CustomerFactsSource, TenantFactsCaller } from './customer-facts-source.js';
import type { PartnerConfirmation } from './partner-confirmation.js';

export interface TenantFactsServiceOptions {
  readonly source: TenantResponse['source'];
  readonly customerFacts: CustomerFactsSource;
  /** Partner-side proof; without it the relationship is never `confirmed`. */
  readonly partnerConfirmation?: PartnerConfirmation;
  /** The multi-tenant app id, for the admin-consent link; undefined when none is configured. */
  readonly clientId?: string;
  /** The distributor's and its reseller's tenants: whose relationship counts. */
  readonly partnerTenantIds: readonly string[];
  /** Item 1 ("invitation accepted") of the tenant's latest order, if any. */
  readonly latestInvitationAnswer?: (tenantId: string) => Promise<boolean | undefined>;
  readonly logger: Logger;
}

/** The `GET /api/tenant` answer for a caller. Throws a `TokenError` when Graph cannot be reached on their behalf. */
export type TenantFactsService = (caller: TenantFactsCaller) => Promise<TenantResponse>;

/** Gathers the customer side, the partner side and the declared answer at once, then assembles them. */
export function createTenantFactsService(options: TenantFactsServiceOptions): TenantFactsService {
  const { logger } = options;
  return async (caller) => {
    const [customer, partner, declared] = await Promise.all([
      options.customerFacts(caller),
      partnerFacts(options.partnerConfirmation, caller.tenantId, logger),
      declaredAnswer(options.latestInvitationAnswer, caller.tenantId, logger),
    ]);
    return assembleTenantResponse({
      tenantId: caller.tenantId,
      source: options.source,
      adminConsentUrl: options.clientId === undefined ? null : adminConsentUrl(caller.tenantId, options.clientId),
      partnerTenantIds: options.partnerTenantIds,
      customer,
      partner,
      declaredInvitationAccepted: declared,
      tokenRoleTemplateIds: caller.roleTemplateIds,
    });
  };
}

async function partnerFacts(confirm: PartnerConfirmation | undefined, tenantId: string, logger: Logger): Promise<PartnerFacts> {
  if (confirm === undefined) return PARTNER_NOT_CONFIGURED;
  try {
    return await confirm(tenantId);
  } catch (error) {
    logger.warn({ err: error, tenantId }, 'partner-side confirmation failed');
    return { contracts: { status: 'unavailable', reason: 'serviceError' }, gdapRelationships: { status: 'unavailable', reason: 'serviceError' } };
  }
}

/** A storage outage only hides the declared answer; it does not fail the page. */
async function declaredAnswer(
  latest: TenantFactsServiceOptions['latestInvitationAnswer'],
  tenantId: string,
  logger: Logger,
): Promise<boolean | undefined> {
  if (latest === undefined) return undefined;
  try {
    return await latest(tenantId);
  } catch (error) {
    logger.warn({ err: error, tenantId }, 'could not read the latest order for the declared answer');
    return undefined;
  }
}
