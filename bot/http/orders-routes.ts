import type { Server } from 'restify';
import { localeFromTag } from '../../src/domain/i18n/locale.js';
import { localizeErrors } from '../../src/domain/order/order-validation.js';
import { customerOrderView } from '../orders/customer-order-view.js';
import type { OrderService } from '../orders/order-service.js';
import type { Logger } from '../logger.js';
import { apiError } from './api-error.js';
import { authenticated } from './authenticated.js';
import type { Caller, CallerResolver } from './caller.js';

export interface OrdersRoutesDependencies {
  readonly orders: OrderService;
  readonly resolveCaller: CallerResolver;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/** `POST /api/orders`, `GET /api/orders`, `GET /api/orders/:id` (README, 'HTTP contract'). */
export function registerOrdersRoutes(server: Server, deps: OrdersRoutesDependencies): void {
  const clock = deps.clock ?? (() => new Date());

  server.post('/api/orders', authenticated(deps, async (req, res, caller) => {
    if (!req.is('application/json')) {
      res.json(415, apiError('unsupported_media_type', 'Send the order as application/json'));
      return;
    }
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      res.json(400, apiError('invalid_body', 'The body must be a JSON object: the order'));
      return;
    }
    const result = await deps.orders.submit(caller.tenantId, req.body, { now: clock(), ...actor(caller) });
    if (result.kind === 'invalid') {
      res.json(422, { errors: localizeErrors(result.errors, localeFromTag(req.header('accept-language'))) });
      return;
    }
    if (result.kind === 'rateLimited') {
      const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - clock().getTime()) / 1000));
      res.header('Retry-After', String(seconds));
      res.json(429, apiError('rate_limited', `Too many order submissions from your organization this minute. Retry after ${seconds} s with the same submissionId.`));
      return;
    }
    if (result.kind === 'busy') {
      res.header('Retry-After', String(result.retryAfterSeconds));
      res.json(503, apiError('busy', `The server is taking as many orders as it can just now and stored nothing. Retry after ${result.retryAfterSeconds} s with the same submissionId: a retry never creates a second order.`));
      return;
    }
    if (result.kind === 'tooManyOpenOrders') {
      res.json(429, apiError('too_many_open_orders', `Your organization has ${result.limit} orders not yet completed, the most allowed. Send a new one once the distributor completes one of them.`));
      return;
    }
    res.json(result.kind === 'created' ? 201 : 200, customerOrderView(result.order));
  }));

  server.get('/api/orders', authenticated(deps, async (_req, res, caller) => {
    res.json(200, { orders: (await deps.orders.list(caller.tenantId)).map(customerOrderView) });
  }));

  server.get('/api/orders/:id', authenticated(deps, async (req, res, caller) => {
    const id = String(req.params?.['id'] ?? '');
    const order = await deps.orders.get(caller.tenantId, id);
    if (order === undefined) {
      res.json(404, apiError('order_not_found', `No order ${id} in your organization`, 'id'));
      return;
    }
    res.json(200, customerOrderView(order));
  }));
}

/** Who acts, for the history, and who submits (the token's object id), so status notices reach them. */
function actor(caller: Caller): { actor?: string; submitter: { userId: string } } {
  const name = caller.name ?? caller.userPrincipalName;
  return { ...(name !== undefined && { actor: name }), submitter: { userId: caller.userId } };
}
