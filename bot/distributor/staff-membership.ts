import { LRUCache } from 'lru-cache';
import type { MemberLookup, TeamsActor, TeamsMembership } from '../conversation/chat-ports.js';

/**
 * Who may act on orders: a member of the distributor's tenant who is not a
 * guest. Teams says so per member (`TeamsInfo.getMember` → `userRole`; the
 * examples of "Get single member details" in "Get Teams specific context for
 * your bot", https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context,
 * show `user` for a regular user and `anonymous`). Only `user` counts as
 * staff, so `guest` and any other or missing role are refused. A guest of the
 * distributor's team acts in the distributor's tenant, so the tenant of the
 * activity alone would let them in.
 *
 * Answers are cached briefly, so a busy inbox does not ask Teams on every
 * click, yet a removed member or a demoted account loses access within minutes.
 */
export type StaffVerdict = 'staff' | 'guest' | 'notMember';

/** How long one answer of Teams is trusted. */
export const MEMBERSHIP_CACHE_TTL_MS = 5 * 60 * 1000;
/** How many members' answers are kept; the least recently used goes first. */
export const MEMBERSHIP_CACHE_MAX_ENTRIES = 2_000;

export interface StaffMembershipOptions {
  readonly distributorTenantId: string;
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  readonly clock?: () => Date;
}

export class StaffMembership {
  private readonly distributorTenantId: string;
  private readonly verdicts: LRUCache<string, StaffVerdict>;

  constructor(options: StaffMembershipOptions) {
    this.distributorTenantId = options.distributorTenantId.toLowerCase();
    const clock = options.clock ?? (() => new Date());
    this.verdicts = new LRUCache<string, StaffVerdict>({
      max: options.maxEntries ?? MEMBERSHIP_CACHE_MAX_ENTRIES,
      ttl: options.ttlMs ?? MEMBERSHIP_CACHE_TTL_MS,
      // Expiry follows the injected clock (read on every get), so tests can move time.
      perf: { now: () => clock().getTime() },
      ttlResolution: 0,
    });
  }

  /**
   * The actor's standing in the distributor's tenant. Throws when Teams could
   * not be asked (the caller says "try again"); such failures are not cached.
   */
  async verdict(actor: TeamsActor, lookUp: MemberLookup): Promise<StaffVerdict> {
    const key = `${actor.tenantId.toLowerCase()}|${actor.teamsUserId}`;
    const cached = this.verdicts.get(key);
    if (cached !== undefined) return cached;
    const verdict = this.judge(await lookUp());
    this.verdicts.set(key, verdict);
    return verdict;
  }

  private judge(member: TeamsMembership | undefined): StaffVerdict {
    if (member === undefined) return 'notMember';
    // A member from another tenant (e.g. through a shared channel) is not the distributor's staff.
    if (member.tenantId !== undefined && member.tenantId.toLowerCase() !== this.distributorTenantId) return 'notMember';
    return member.userRole === 'user' ? 'staff' : 'guest';
  }
}
