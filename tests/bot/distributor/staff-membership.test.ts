import { describe, expect, it } from 'vitest';
import type { TeamsMembership } from '../../../bot/conversation/chat-ports.js';
import { MEMBERSHIP_CACHE_TTL_MS, StaffMembership } from '../../../bot/distributor/staff-membership.js';
import { DISTRIBUTOR_TENANT_ID, distributorStaff } from './distributor-fixtures.js';

/** A lookup that answers `member` and counts how often Teams was asked. */
function teamsAnswering(member: TeamsMembership | undefined) {
  const lookup = async () => {
    lookup.calls += 1;
    return member;
  };
  lookup.calls = 0;
  return lookup;
}

function membership(clock: () => Date = () => new Date('2026-11-20T10:00:00.000Z'), maxEntries?: number) {
  return new StaffMembership({ distributorTenantId: DISTRIBUTOR_TENANT_ID, clock, ...(maxEntries === undefined ? {} : { maxEntries }) });
}

describe('StaffMembership', () => {
  it.each([
    [{ userRole: 'user', tenantId: DISTRIBUTOR_TENANT_ID.toLowerCase() }, 'staff'],
    [{ userRole: 'user' }, 'staff'],
    [{ userRole: 'guest', tenantId: DISTRIBUTOR_TENANT_ID }, 'guest'],
    [{ userRole: 'anonymous', tenantId: DISTRIBUTOR_TENANT_ID }, 'guest'],
    [{ tenantId: DISTRIBUTOR_TENANT_ID }, 'guest'],
    [{ userRole: 'user', tenantId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c' }, 'notMember'],
    [undefined, 'notMember'],
  ] as const)('judges %j as %s', async (member, verdict) => {
    expect(await membership().verdict(distributorStaff(), teamsAnswering(member))).toBe(verdict);
  });

  it('asks Teams once per member while the answer is fresh, and again after MEMBERSHIP_CACHE_TTL_MS', async () => {
    let now = new Date('2026-11-20T10:00:00.000Z').getTime();
    const staff = membership(() => new Date(now));
    const teams = teamsAnswering({ userRole: 'user' });

    await staff.verdict(distributorStaff(), teams);
    now += MEMBERSHIP_CACHE_TTL_MS - 1;
    await staff.verdict(distributorStaff(), teams);
    expect(teams.calls).toBe(1);

    now += 2;
    await staff.verdict(distributorStaff(), teams);
    expect(teams.calls).toBe(2);
  });

  it('keeps each member apart, and at most maxEntries of them', async () => {
    const staff = membership(undefined, 2);
    const guest = teamsAnswering({ userRole: 'guest' });
    const user = teamsAnswering({ userRole: 'user' });

    expect(await staff.verdict(distributorStaff({ teamsUserId: '29:1guest' }), guest)).toBe('guest');
    expect(await staff.verdict(distributorStaff(), user)).toBe('staff');
    await staff.verdict(distributorStaff({ teamsUserId: '29:1third' }), user);
    await staff.verdict(distributorStaff({ teamsUserId: '29:1guest' }), guest);

    // The guest's answer was the least recently used of three in a cache of two.
    expect(guest.calls).toBe(2);
  });

  it('does not remember a failed lookup', async () => {
    const staff = membership();
    const failing = async (): Promise<TeamsMembership> => {
      throw new Error('connector unavailable');
    };

    await expect(staff.verdict(distributorStaff(), failing)).rejects.toThrow('connector unavailable');
    expect(await staff.verdict(distributorStaff(), teamsAnswering({ userRole: 'user' }))).toBe('staff');
  });
});
