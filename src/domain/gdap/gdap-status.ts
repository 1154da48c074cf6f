/**
 * A relationship as this app tracks it. `creating` is the app's own: the
 * intent, stored before `POST .../delegatedAdminRelationships`, so a crash
 * before the answer leaves a trace the next sweep resolves. The rest follow
 * Graph's lifecycle ("GDAP API overview",
 * https://learn.microsoft.com/graph/api/resources/delegatedadminrelationships-api-overview):
 * created → (lockForApproval) approvalPending → active → expired | terminated.
 */
export type GdapState = 'creating' | 'created' | 'approvalPending' | 'active' | 'expired' | 'terminated';

export const GDAP_STATES: readonly GdapState[] = ['creating', 'created', 'approvalPending', 'active', 'expired', 'terminated'];

/** A relationship in one of these blocks a new request for the same customer (409). */
export function isOpen(state: GdapState): boolean {
  return state !== 'expired' && state !== 'terminated';
}

/** Waiting on Graph or the customer: the sweep refreshes these. */
export function needsSweep(state: GdapState): boolean {
  return state === 'creating' || state === 'created' || state === 'approvalPending';
}

/**
 * Graph's `delegatedAdminRelationshipStatus` (activating, active,
 * approvalPending, approved, created, expired, expiring, terminated,
 * terminating, terminationRequested, unknownFutureValue) in this app's
 * states. `approved`/`activating` are on the way to active, so still
 * pending; `expiring` is still active; the termination steps end it.
 * Unknown values read as undefined: the stored state is kept.
 */
export function stateFromGraphStatus(status: string): Exclude<GdapState, 'creating'> | undefined {
  switch (status) {
    case 'created':
      return 'created';
    case 'approvalPending':
    case 'approved':
    case 'activating':
      return 'approvalPending';
    case 'active':
    case 'expiring':
      return 'active';
    case 'expired':
      return 'expired';
    case 'terminated':
    case 'terminating':
    case 'terminationRequested':
      return 'terminated';
    default:
      return undefined;
  }
}
