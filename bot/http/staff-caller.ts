import type { Request } from 'restify';
import type { SsoTokenVerifier } from '../auth/sso-token-verifier.js';
import type { StaffGroupCheck } from '../graph/staff-group-check.js';
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

export interface SsoStaffCallerOptions {
  readonly verify: SsoTokenVerifier;
  /** `DISTRIBUTOR_TENANT_ID`, lower case. */
  readonly distributorTenantId: string;
  /** With `DISTRIBUTOR_STAFF_GROUP_ID` set: membership of that group. */
  readonly inStaffGroup?: StaffGroupCheck | undefined;
}

/**
 * Teams SSO staff: a verified token of the distributor's tenant, not a guest
 * (a guest's `tid` is the distributor's too, so the tenant alone would let
 * them in), and in the staff group when one is configured.
 */
export function ssoStaffCallerResolver(options: SsoStaffCallerOptions): StaffCallerResolver {
  const distributorTenantId = options.distributorTenantId.toLowerCase();
  return async (req) => {
    const caller = await options.verify(req.header('authorization'));
    if (caller.tenantId !== distributorTenantId) throw new NotStaffError('otherTenant');
    if (caller.guest) throw new NotStaffError('guest');
    if (options.inStaffGroup !== undefined && !(await options.inStaffGroup(caller))) throw new NotStaffError('notInGroup');
    return { ...caller, staff: true };
  };
}

/** Demo mode (loopback only): the demo caller is the distributor's staff. */
export function demoStaffCallerResolver(caller: Caller): StaffCallerResolver {
  const staff: StaffCaller = { ...caller, staff: true };
  return () => Promise.resolve(staff);
}
