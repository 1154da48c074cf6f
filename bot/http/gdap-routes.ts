import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { gdapView } from '../../src/domain/gdap/gdap-relationship.js';
import { GdapPartnerError } from '../gdap/gdap-partner.js';
import { GdapRequestRejectedError } from '../gdap/gdap-service.js';
import type { GdapService } from '../gdap/gdap-service.js';
import type { Logger } from '../logger.js';
import type { OrderService } from '../orders/order-service.js';
import { StorageUnavailableError } from '../storage/storage-errors.js';
import { apiError } from './api-error.js';
import { authenticated } from './authenticated.js';
import type { StaffCaller, StaffCallerResolver } from './staff-caller.js';

export interface GdapRoutesDependencies {
  readonly gdap: GdapService;
  readonly orders: Pick<OrderService, 'get' | 'findLatest'>;
  readonly resolveStaff: StaffCallerResolver;
  /** Which path parameters are customer tenant ids: GUIDs (and, in demo mode, the Playground's tenant). */
  readonly isCustomerTenantId: (tenantId: string) => boolean;
  /** Demo mode: the demo-only approval route works; anywhere else it answers 403. */
  readonly demo: boolean;
  /** Demo mode's partner: the customer's approval, done from the board. */
  readonly approveDemo?: (relationshipId: string) => void;
  readonly logger: Logger;
}

const PATH = '/api/distributor/customers/:tenantId/gdap';
const requestBodySchema = z.object({ orderId: z.string().regex(/^CSP-[0-9A-Z]{8}$/, 'an order number like CSP-7K2M9QX4').optional() }).strict();

type StaffHandler = (req: Request, res: Response, tenantId: string, caller: StaffCaller) => Promise<void>;

/**
 * The distributor's GDAP routes (README, 'HTTP contract'), staff only:
 * - `POST …/gdap` `{orderId?}`: requests GDAP for the customer, named after
 *   the order (the latest one when none is named); 201 with the
 *   relationship, 409 when one is pending or active;
 * - `GET …/gdap`: the stored state, refreshed from Graph when older than a minute;
 * - `POST …/gdap/demo-approve`: demo mode only, the customer's approval.
 */
export function registerGdapRoutes(server: Server, deps: GdapRoutesDependencies): void {
  server.post(PATH, staffRoute(deps, async (req, res, tenantId) => {
    const body = requestBodySchema.safeParse(req.body ?? {});
    if (!body.success) {
      res.json(400, apiError('invalid_body', `Expected {"orderId"?: "CSP-…"}: ${body.error.issues[0]?.message ?? ''}`, String(body.error.issues[0]?.path[0] ?? '')));
      return;
    }
    const order = body.data.orderId === undefined ? await deps.orders.findLatest(tenantId) : await deps.orders.get(tenantId, body.data.orderId);
    if (order === undefined) {
      res.json(404, apiError('order_not_found', 'GDAP is requested for an order of this customer (its number names the relationship), and there is none.', 'orderId'));
      return;
    }
    const result = await deps.gdap.request({ tenantId, organization: order.organization.name, orderId: order.id });
    if (result.kind === 'exists') {
      res.json(409, { ...apiError('gdap_exists', `A GDAP relationship for this customer is ${result.record.state} already.`), gdap: gdapView(result.record) });
      return;
    }
    res.json(201, gdapView(result.record));
  }));

  server.get(PATH, staffRoute(deps, async (_req, res, tenantId) => {
    const record = await deps.gdap.current(tenantId);
    if (record === undefined) {
      res.json(404, apiError('gdap_not_found', 'No GDAP relationship was requested for this customer.'));
      return;
    }
    res.json(200, gdapView(record));
  }));

  server.post(`${PATH}/demo-approve`, staffRoute(deps, async (_req, res, tenantId) => {
    if (!deps.demo || deps.approveDemo === undefined) {
      res.json(403, apiError('demo_only', 'Only the customer approves GDAP, in the Microsoft 365 admin center; this shortcut exists in demo mode only.'));
      return;
    }
    const record = await deps.gdap.current(tenantId, Number.POSITIVE_INFINITY);
    if (record?.state !== 'approvalPending' || record.relationshipId === null) {
      res.json(409, apiError('gdap_not_pending', 'There is no GDAP request waiting for approval.'));
      return;
    }
    deps.approveDemo(record.relationshipId);
    const refreshed = await deps.gdap.refreshNow(tenantId);
    res.json(200, gdapView(refreshed ?? record));
  }));
}

/** Staff only (authenticated() answers 401/403/503), with the failures every GDAP route shares mapped to clear answers. */
function staffRoute(deps: GdapRoutesDependencies, handler: StaffHandler): (req: Request, res: Response) => Promise<void> {
  return authenticated({ resolveCaller: deps.resolveStaff, logger: deps.logger }, async (req, res, caller) => {
    const tenantId = String(req.params?.['tenantId'] ?? '').toLowerCase();
    if (!deps.isCustomerTenantId(tenantId)) {
      res.json(400, apiError('tenant_id_format', 'The customer is named by its Microsoft Entra tenant id (a GUID).', 'tenantId'));
      return;
    }
    try {
      await handler(req, res, tenantId, caller);
    } catch (error) {
      answerFailure(error, res, deps.logger, tenantId);
    }
  });
}

function answerFailure(error: unknown, res: Response, logger: Logger, tenantId: string): void {
  if (error instanceof GdapRequestRejectedError) {
    res.json(422, apiError('gdap_rejected', error.message));
  } else if (error instanceof GdapPartnerError && error.kind === 'permission') {
    logger.error({ err: error, tenantId }, 'the partner app may not manage GDAP');
    res.json(502, apiError('gdap_permission_missing', 'The distributor’s app lacks the Microsoft Graph application permission DelegatedAdminRelationship.ReadWrite.All (README, "GDAP per customer").'));
  } else if (error instanceof GdapPartnerError) {
    logger.warn({ err: error, tenantId }, 'Microsoft Graph unavailable for GDAP');
    res.header('Retry-After', '30');
    res.json(503, apiError('graph_unavailable', 'Microsoft Graph did not complete the GDAP request; try again shortly (the next sweep resumes a half-done request).'));
  } else if (error instanceof StorageUnavailableError) {
    logger.warn({ err: error }, 'storage unavailable');
    res.header('Retry-After', '5');
    res.json(503, apiError('storage_unavailable', 'Storage is temporarily unavailable. Retry shortly.'));
  } else {
    throw error;
  }
}
