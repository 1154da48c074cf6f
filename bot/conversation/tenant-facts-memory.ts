import { LRUCache } from 'lru-cache';
import type { TenantResponse } from '../../src/domain/tenant/tenant-response.js';

/** What was last learned for one user of a tenant, by the tab (`GET /api/tenant`) or the bot's sign-in. */
export interface RememberedTenantFacts {
  readonly tenant: TenantResponse;
  readonly storedAt: Date;
}

export interface TenantFactsMemoryOptions {
  /** How many users' facts are kept; the least recently used go first. */
  readonly maxEntries?: number;
  /** How long facts count as current. */
  readonly maxAgeMs?: number;
  readonly clock?: () => Date;
}

const DEFAULT_MAX_ENTRIES = 1_000;
const DEFAULT_MAX_AGE_MS = 30 * 60 * 1000;

/**
 * The facts last read for each user of each tenant, in memory only: the chat
 * prefills its order form from them where it cannot sign the user in itself
 * (demo mode, the Playground), and skips a sign-in it has just done. Keyed by
 * tenant and user (Entra object id), because the facts include the user's
 * own name, e-mail and phone: one admin's must never fill in another's form.
 * Bounded and expiring, because facts change and a process restart may forget them.
 */
export class TenantFactsMemory {
  private readonly entries: LRUCache<string, RememberedTenantFacts>;
  private readonly maxAgeMs: number;
  private readonly clock: () => Date;

  constructor(options: TenantFactsMemoryOptions = {}) {
    this.entries = new LRUCache({ max: options.maxEntries ?? DEFAULT_MAX_ENTRIES });
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.clock = options.clock ?? (() => new Date());
  }

  remember(tenant: TenantResponse, userId: string): void {
    this.entries.set(key(tenant.tenantId, userId), { tenant, storedAt: this.clock() });
  }

  /** The facts last read for this user of the tenant, if still current; none for a user without an object id. */
  recall(tenantId: string, userId: string | undefined): RememberedTenantFacts | undefined {
    if (userId === undefined) return undefined;
    const entryKey = key(tenantId, userId);
    const entry = this.entries.get(entryKey);
    if (entry === undefined) return undefined;
    // Our own clock rather than lru-cache's TTL, so expiry follows the injected clock.
    if (this.clock().getTime() - entry.storedAt.getTime() > this.maxAgeMs) {
      this.entries.delete(entryKey);
      return undefined;
    }
    return entry;
  }

  /** Whether this very user's facts were read recently enough that signing in again would add nothing. */
  hasCurrentFactsFor(tenantId: string, userId: string | undefined): boolean {
    return this.recall(tenantId, userId) !== undefined;
  }
}

function key(tenantId: string, userId: string): string {
  return `${tenantId.toLowerCase()}|${userId.toLowerCase()}`;
}
