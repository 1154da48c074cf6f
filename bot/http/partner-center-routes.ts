import type { Request, Response, Server } from 'restify';
import { ConsentRequiredError, InteractionRequiredError, TokenAcquisitionError } from '../graph/token-errors.js';
import type { Logger } from '../logger.js';
import type { PartnerCenterHandOffService } from '../partner-center/partner-center-hand-off.js';
import { apiError } from './api-error.js';
import { authenticated } from './authenticated.js';
import type { StaffCaller, StaffCallerResolver } from './staff-caller.js';

export interface PartnerCenterRoutesDependencies {
  readonly handOff: PartnerCenterHandOffService;
  readonly resolveStaff: StaffCallerResolver;
  readonly logger: Logger;
}

const TENANT_ID = /^[0-9A-Za-z-]{1,100}$/;

/**
 * The distributor's view of a customer's MCA (README, 'HTTP contract'):
 * `GET /api/distributor/customers/:tenantId/customer-agreement` — the
 * confirmation as Partner Center asks for it and the last hand-off;
 * `POST …/customer-agreement/partner-center` — send it to Partner Center as the
 * staff member. Staff only (401 / 403 `not_staff`).
 */
export function registerPartnerCenterRoutes(server: Server, deps: PartnerCenterRoutesDependencies): void {
  server.get('/api/distributor/customers/:tenantId/customer-agreement', staffOnly(deps, async (_staff, tenantId, res) => {
    res.json(200, await deps.handOff.view(tenantId));
  }));

  server.post('/api/distributor/customers/:tenantId/customer-agreement/partner-center', staffOnly(deps, async (staff, tenantId, res) => {
    let result;
    try {
      result = await deps.handOff.send(staff, tenantId);
    } catch (error) {
      if (!(error instanceof TokenAcquisitionError || error instanceof ConsentRequiredError || error instanceof InteractionRequiredError)) throw error;
      deps.logger.warn({ err: error, tenantId }, 'no Partner Center token for the staff member');
      res.json(502, apiError('partner_center_token_failed', 'Microsoft Entra ID did not issue a Partner Center token for you. Check that your account has a Partner Center role and multifactor sign-in.'));
      return;
    }
    if (result.kind === 'notConfigured') {
      res.json(409, apiError('partner_center_not_configured', 'Partner Center access is not configured on this server (PARTNER_CENTER_HANDOFF). Copy the confirmation into Partner Center instead.'));
      return;
    }
    if (result.kind === 'notAccepted') {
      res.json(422, apiError('customer_agreement_missing', 'The customer has not accepted the Microsoft Customer Agreement yet.'));
      return;
    }
    res.json(200, result.handOff);
  }));
}

function staffOnly(
  deps: PartnerCenterRoutesDependencies,
  handler: (staff: StaffCaller, tenantId: string, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return authenticated({ resolveCaller: deps.resolveStaff, logger: deps.logger }, async (req, res, staff) => {
    const tenantId = String(req.params?.['tenantId'] ?? '');
    if (!TENANT_ID.test(tenantId)) {
      res.json(400, apiError('invalid_tenant', 'The customer tenant id is not valid.', 'tenantId'));
      return;
    }
    await handler(staff, tenantId, res);
  });
}
