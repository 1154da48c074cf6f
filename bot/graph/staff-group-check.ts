import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { SsoCaller } from '../auth/sso-token-verifier.js';
import { GRAPH_BASE_URL } from './graph-batch.js';
import type { OboTokenProvider } from './obo-token-provider.js';

/** How long one answer is trusted: a member removed from the group loses the board within this time. */
export const STAFF_GROUP_CACHE_TTL_MS = 5 * 60 * 1000;
const STAFF_GROUP_CACHE_MAX_ENTRIES = 2_000;
const GRAPH_TIMEOUT_MS = 10_000;

export interface StaffGroupCheckOptions {
  /** `DISTRIBUTOR_STAFF_GROUP_ID`. */
  readonly groupId: string;
  /** On-behalf-of the staff member's own SSO token. */
  readonly obo: OboTokenProvider;
  readonly graphBaseUrl?: string;
  readonly clock?: () => Date;
}

/** Whether a signed-in caller of the distributor's tenant is in the staff group; throws when that cannot be told now. */
export type StaffGroupCheck = (caller: SsoCaller) => Promise<boolean>;

const checkMemberGroupsAnswer = z.object({ value: z.array(z.string()) });

/** Graph could not say whether the caller is in the staff group; the API answers 503. */
export class StaffGroupCheckError extends Error {
  override readonly name = 'StaffGroupCheckError';
}

/**
 * Membership of the staff group. The token's `groups` claim answers when it is
 * there; otherwise one Graph call on behalf of the caller,
 * `POST /me/checkMemberGroups` with the one group id, which is transitive and
 * needs only `User.Read` for the signed-in user's own groups ("user:
 * checkMemberGroups", https://learn.microsoft.com/graph/api/user-checkmembergroups).
 * Answers are cached per user for a few minutes; failures are not cached.
 */
export function createStaffGroupCheck(options: StaffGroupCheckOptions): StaffGroupCheck {
  const groupId = options.groupId.toLowerCase();
  const clock = options.clock ?? (() => new Date());
  const answers = new LRUCache<string, boolean>({
    max: STAFF_GROUP_CACHE_MAX_ENTRIES,
    ttl: STAFF_GROUP_CACHE_TTL_MS,
    perf: { now: () => clock().getTime() },
    ttlResolution: 0,
  });
  const base = options.graphBaseUrl ?? GRAPH_BASE_URL;

  return async (caller: SsoCaller) => {
    if (caller.groupIds !== undefined) return caller.groupIds.includes(groupId);
    const key = `${caller.tenantId}|${caller.userId}`;
    const cached = answers.get(key);
    if (cached !== undefined) return cached;
    let member: boolean;
    try {
      const { accessToken } = await options.obo(caller.tenantId, caller.token);
      const response = await fetch(`${base}/me/checkMemberGroups`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ groupIds: [groupId] }),
        signal: AbortSignal.timeout(GRAPH_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`Graph answered ${response.status}`);
      const answer = checkMemberGroupsAnswer.parse(await response.json());
      member = answer.value.some((id) => id.toLowerCase() === groupId);
    } catch (error) {
      throw new StaffGroupCheckError(`staff group membership could not be checked: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    answers.set(key, member);
    return member;
  };
}
