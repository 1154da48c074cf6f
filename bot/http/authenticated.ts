import type { Request, Response } from 'restify';
import { UnauthorizedError } from '../auth/sso-token-verifier.js';
import type { Logger } from '../logger.js';
import { StorageUnavailableError } from '../storage/storage-errors.js';
import { apiError } from './api-error.js';
import type { Caller, CallerResolver } from './caller.js';

export interface AuthenticatedDependencies {
  readonly resolveCaller: CallerResolver;
  readonly logger: Logger;
}

type AuthenticatedHandler = (req: Request, res: Response, caller: Caller) => Promise<void>;

/** Resolves the caller first and maps the failures every route shares to clear answers. */
export function authenticated(
  deps: AuthenticatedDependencies,
  handler: AuthenticatedHandler,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    res.header('Cache-Control', 'no-store');
    let caller: Caller;
    try {
      caller = await deps.resolveCaller(req);
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
      res.header('WWW-Authenticate', 'Bearer');
      res.json(401, apiError('unauthorized', `Sign-in required: ${error.message}`));
      return;
    }
    try {
      await handler(req, res, caller);
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      deps.logger.warn({ err: error }, 'storage unavailable');
      res.header('Retry-After', '5');
      res.json(503, apiError('storage_unavailable', 'Order storage is temporarily unavailable. Retry shortly with the same submissionId: a retry never creates a second order.'));
    }
  };
}
