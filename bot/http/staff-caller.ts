import type { Request } from 'restify';
import type { Caller } from './caller.js';

/**
 * A member of the distributor's staff calling `/api/distributor/*`: a verified
 * Teams SSO caller of `DISTRIBUTOR_TENANT_ID` who is not a guest and, when
 * `DISTRIBUTOR_STAFF_GROUP_ID` is set, a member of that group. In demo mode
 * the demo caller is staff.
 */
export interface StaffCaller extends Caller {
  readonly staff: true;
}

/**
 * Resolves the caller of a distributor route. Rejects with `UnauthorizedError`
 * (401) without a valid token, and with `NotStaffError` (403) for a valid
 * caller who is not staff: another tenant, a guest, or outside the group.
 */
export type StaffCallerResolver = (req: Request) => Promise<StaffCaller>;

/** A signed-in caller who is not the distributor's staff; the API answers 403. */
export class NotStaffError extends Error {
  constructor(readonly reason: 'otherTenant' | 'guest' | 'notInGroup') {
    super(`not the distributor's staff: ${reason}`);
    this.name = 'NotStaffError';
  }
}
