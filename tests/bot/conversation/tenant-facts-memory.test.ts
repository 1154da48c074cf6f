import { describe, expect, it } from 'vitest';
import { TenantFactsMemory } from '../../../bot/conversation/tenant-facts-memory.js';
import { assembleTenantResponse } from '../../../src/domain/tenant/assemble-tenant-response.js';
import { responseInput, TENANT_ID } from '../../domain/tenant/tenant-fixtures.js';

const USER = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const COLLEAGUE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function tenant(tenantId = TENANT_ID) {
  return assembleTenantResponse(responseInput({ tenantId }));
}

describe('TenantFactsMemory', () => {
  it('recalls the facts last stored for a user of a tenant, whatever the case of the ids', () => {
    const memory = new TenantFactsMemory();
    const facts = tenant();
    memory.remember(facts, USER);
    expect(memory.recall(TENANT_ID.toUpperCase(), USER.toUpperCase())).toMatchObject({ tenant: facts });
    expect(memory.recall('0f0f0f0f-1111-4222-8333-444455556666', USER)).toBeUndefined();
  });

  it("never gives one user's facts to a colleague of the same tenant, or to an actor without an object id", () => {
    const memory = new TenantFactsMemory();
    memory.remember(tenant(), USER);
    expect(memory.recall(TENANT_ID, COLLEAGUE)).toBeUndefined();
    expect(memory.recall(TENANT_ID, undefined)).toBeUndefined();
  });

  it('forgets facts older than their maximum age', () => {
    let now = new Date('2026-11-20T10:00:00Z');
    const memory = new TenantFactsMemory({ maxAgeMs: 60_000, clock: () => now });
    memory.remember(tenant(), USER);
    now = new Date('2026-11-20T10:01:00Z');
    expect(memory.recall(TENANT_ID, USER)).toBeDefined();
    now = new Date('2026-11-20T10:01:01Z');
    expect(memory.recall(TENANT_ID, USER)).toBeUndefined();
  });

  it('keeps at most maxEntries users, dropping the least recently used', () => {
    const memory = new TenantFactsMemory({ maxEntries: 2 });
    const [first, second, third] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'] as const;
    memory.remember(tenant(first), USER);
    memory.remember(tenant(second), USER);
    memory.recall(first, USER);
    memory.remember(tenant(third), USER);
    expect(memory.recall(second, USER)).toBeUndefined();
    expect(memory.recall(first, USER)).toBeDefined();
    expect(memory.recall(third, USER)).toBeDefined();
  });

  it('says a user has current facts only after their own sign-in', () => {
    const memory = new TenantFactsMemory();
    memory.remember(tenant(), COLLEAGUE);
    expect(memory.hasCurrentFactsFor(TENANT_ID, USER)).toBe(false);
    memory.remember(tenant(), USER);
    expect(memory.hasCurrentFactsFor(TENANT_ID, USER)).toBe(true);
    expect(memory.hasCurrentFactsFor(TENANT_ID, undefined)).toBe(false);
  });
});
