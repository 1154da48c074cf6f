import { unreadCustomerFacts } from '../../src/domain/tenant/tenant-facts.js';
import type { Logger } from '../logger.js';
import { customerFactRequests } from './customer-fact-requests.js';
import { readCustomerFacts } from './customer-facts-reader.js';
import type { CustomerFactsSource } from './customer-facts-source.js';
import { GraphBatchError, sendGraphBatch } from './graph-batch.js';
import { batchFailure } from './graph-part-outcome.js';
import type { OboTokenProvider } from './obo-token-provider.js';
import { TokenAcquisitionError } from './token-errors.js';

export interface GraphCustomerFactsOptions {
  readonly obo: OboTokenProvider;
  /** The consent link shown for each missing permission; null when unknown. */
  readonly adminConsentUrl: (tenantId: string) => string | null;
  readonly logger: Logger;
  readonly graphBaseUrl?: string;
  readonly timeoutMs?: number;
}

/**
 * Customer-side facts from Microsoft Graph: one on-behalf-of exchange, then
 * one `$batch`. A refused or failed part empties only its
 * own fact; a failed batch leaves every fact `unavailable`. Token failures
 * (consent missing, sign-in needed) are thrown as `TokenError`s: without a
 * token there is nothing to show.
 */
export function createGraphCustomerFacts(options: GraphCustomerFactsOptions): CustomerFactsSource {
  return async (caller) => {
    if (caller.token === undefined) throw new TokenAcquisitionError('no SSO token to exchange for Microsoft Graph');
    const token = await options.obo(caller.tenantId, caller.token);
    const rolesFromToken = caller.roleTemplateIds !== undefined;
    const context = { grantedScopes: token.grantedScopes, adminConsentUrl: options.adminConsentUrl(caller.tenantId), side: 'customer' } as const;
    try {
      const parts = await sendGraphBatch({
        accessToken: token.accessToken,
        requests: customerFactRequests({ rolesFromToken }),
        ...(options.graphBaseUrl === undefined ? {} : { baseUrl: options.graphBaseUrl }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      return readCustomerFacts(parts, context, { rolesFromToken });
    } catch (error) {
      if (!(error instanceof GraphBatchError)) throw error;
      options.logger.warn({ err: error, tenantId: caller.tenantId }, 'Graph batch for tenant facts failed');
      return unreadCustomerFacts(batchFailure(error), { withDirectoryRoles: !rolesFromToken });
    }
  };
}
