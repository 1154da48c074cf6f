import type { Server } from 'restify';
import { adminConsentUrl } from '../../src/domain/tenant/admin-consent-link.js';
import type { TenantGdap } from '../../src/domain/tenant/tenant-response.js';
import type { CustomerAgreementStatus } from '../../src/domain/customer-agreement/customer-agreement.js';
import type { TenantFactsService } from '../graph/tenant-facts-service.js';
import { ConsentRequiredError, InteractionRequiredError, TokenAcquisitionError } from '../graph/token-errors.js';
import type { Logger } from '../logger.js';
import { apiError } from './api-error.js';
import type { Caller, CallerResolver } from './caller.js';
import { authenticated } from './authenticated.js';

export interface TenantRoutesDependencies {
  readonly tenantFacts: TenantFactsService;
  readonly resolveCaller: CallerResolver;
  readonly logger: Logger;
  /** The multi-tenant app id, for the admin-consent link of a consent error. */
  readonly clientId?: string;
  /** The tenant's GDAP relationship, when GDAP requests are set up (refreshed from Graph when older than a minute). */
  readonly gdap?: (tenantId: string) => Promise<TenantGdap | null>;
  /** The tenant's MCA acceptance, answered as `customerAgreement`. */
  readonly customerAgreementStatus: (tenantId: string) => Promise<CustomerAgreementStatus>;
}

/**
 * `GET /api/tenant` (README, 'HTTP contract'): the signed-in admin's tenant facts,
 * relationship evidence and MCA acceptance (`customerAgreement`). Answers 200 even when single facts are empty
 * (each says why); 403 `consent_required` when nobody in the tenant has
 * consented to the app yet (the body carries `adminConsentUrl`); 403
 * `interaction_required` when the user must sign in again (with `claims`,
 * Entra's challenge, when given); 502 `graph_token_failed` when no Graph
 * token could be had for another reason.
 */
export function registerTenantRoutes(server: Server, deps: TenantRoutesDependencies): void {
  server.get('/api/tenant', authenticated(deps, async (_req, res, caller) => {
    const roleTemplateIds = tokenRoles(caller);
    try {
      // Both at once: the stored acceptance is independent of Graph.
      const [tenant, customerAgreement] = await Promise.all([
        deps.tenantFacts({
          tenantId: caller.tenantId,
          userId: caller.userId,
          ...(caller.token === undefined ? {} : { token: caller.token }),
          ...(roleTemplateIds === undefined ? {} : { roleTemplateIds }),
        }),
        deps.customerAgreementStatus(caller.tenantId),
      ]);
      res.json(200, { ...tenant, customerAgreement, ...(deps.gdap === undefined ? {} : { gdap: await gdapOf(deps, caller.tenantId) }) });
    } catch (error) {
      if (error instanceof ConsentRequiredError) {
        res.json(403, {
          ...apiError('consent_required', 'An administrator of your organization has to grant the app its permissions first (admin consent).'),
          adminConsentUrl: deps.clientId === undefined ? null : adminConsentUrl(caller.tenantId, deps.clientId),
        });
      } else if (error instanceof InteractionRequiredError) {
        res.json(403, {
          ...apiError('interaction_required', 'Sign in again to let the app read your organization’s details.'),
          ...(error.claims === undefined ? {} : { claims: error.claims }),
        });
      } else if (error instanceof TokenAcquisitionError) {
        deps.logger.warn({ err: error, tenantId: caller.tenantId }, 'no Graph token for tenant facts');
        res.json(502, apiError('graph_token_failed', 'Microsoft Entra ID did not issue a token to read your organization’s details. Retry later.'));
      } else {
        throw error;
      }
    }
  }));
}

/** A GDAP outage hides only the GDAP part; the tenant facts still answer. */
async function gdapOf(deps: TenantRoutesDependencies, tenantId: string): Promise<TenantGdap | null> {
  try {
    return (await deps.gdap?.(tenantId)) ?? null;
  } catch (error) {
    deps.logger.warn({ err: error, tenantId }, 'could not read the GDAP relationship for the tenant');
    return null;
  }
}

/**
 * The SSO verifier adds the token's `wids` claim to the caller; `Caller`
 * does not declare it, so it is read defensively.
 */
function tokenRoles(caller: Caller): readonly string[] | undefined {
  const roles = (caller as Caller & { readonly roleTemplateIds?: unknown }).roleTemplateIds;
  return Array.isArray(roles) && roles.every((role) => typeof role === 'string') ? (roles as string[]) : undefined;
}
