import type { Server } from 'restify';
import { localeFromTag } from '../../src/domain/i18n/locale.js';
import { localizeErrors } from '../../src/domain/order/order-validation.js';
import type { CustomerAgreementService } from '../customer-agreement/customer-agreement-service.js';
import type { Logger } from '../logger.js';
import { apiError } from './api-error.js';
import { authenticated } from './authenticated.js';
import type { CallerResolver } from './caller.js';

export interface CustomerAgreementRoutesDependencies {
  readonly customerAgreements: CustomerAgreementService;
  readonly resolveCaller: CallerResolver;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/**
 * `GET` and `PUT /api/tenant/customer-agreement` (README, 'HTTP contract'):
 * the caller's own tenant only, taken from the verified token. `PUT` answers
 * 200 with the stored acceptance, 422 with field errors like orders.
 */
export function registerCustomerAgreementRoutes(server: Server, deps: CustomerAgreementRoutesDependencies): void {
  const clock = deps.clock ?? (() => new Date());

  server.get('/api/tenant/customer-agreement', authenticated(deps, async (_req, res, caller) => {
    res.json(200, await deps.customerAgreements.status(caller.tenantId));
  }));

  server.put('/api/tenant/customer-agreement', authenticated(deps, async (req, res, caller) => {
    if (!req.is('application/json')) {
      res.json(415, apiError('unsupported_media_type', 'Send the acceptance as application/json'));
      return;
    }
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      res.json(400, apiError('invalid_body', 'The body must be a JSON object: { accepted, signatory }'));
      return;
    }
    const result = await deps.customerAgreements.accept(
      {
        channel: 'tab',
        tenantId: caller.tenantId,
        userId: caller.userId,
        ...(caller.name === undefined ? {} : { userName: caller.name }),
      },
      req.body,
      clock(),
    );
    if (result.kind === 'invalid') {
      res.json(422, { errors: localizeErrors(result.errors, localeFromTag(req.header('accept-language'))) });
      return;
    }
    deps.logger.info({ tenantId: caller.tenantId, userId: caller.userId }, 'customer agreement accepted');
    res.json(200, result.status);
  }));
}
