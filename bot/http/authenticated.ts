import type { Request, Response } from 'restify';
import { UnauthorizedError } from '../auth/sso-token-verifier.js';
import { StaffGroupCheckError } from '../graph/staff-group-check.js';
import type { Logger } from '../logger.js';
import { StorageUnavailableError } from '../storage/storage-errors.js';
import { apiError } from './api-error.js';
import type { Caller } from './caller.js';
import { NotStaffError } from './staff-caller.js';

export interface AuthenticatedDependencies<C extends Caller = Caller> {
  readonly resolveCaller: (req: Request) => Promise<C>;
  readonly logger: Logger;
}

type AuthenticatedHandler<C extends Caller> = (req: Request, res: Response, caller: C) => Promise<void>;

const NOT_STAFF_REASONS: Readonly<Record<NotStaffError['reason'], string>> = {
  otherTenant: 'your account is not in the distributor\'s organization',
  guest: 'guest accounts may not use it',
  notInGroup: 'your account is not in the distributor\'s staff group',
};

/** Resolves the caller first and maps the failures every route shares to clear answers. */
export function authenticated<C extends Caller>(
  deps: AuthenticatedDependencies<C>,
  handler: AuthenticatedHandler<C>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    res.header('Cache-Control', 'no-store');
    let caller: C;
    try {
      caller = await deps.resolveCaller(req);
    } catch (error) {
      if (error instanceof NotStaffError) {
        res.json(403, apiError('not_staff', `Only the distributor's staff may use this: ${NOT_STAFF_REASONS[error.reason]}.`));
        return;
      }
      if (error instanceof StaffGroupCheckError) {
        deps.logger.warn({ err: error }, 'staff group membership could not be checked');
        res.header('Retry-After', '5');
        res.json(503, apiError('staff_check_unavailable', 'Membership of the staff group could not be checked just now. Retry shortly.'));
        return;
      }
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
