import { LRUCache } from 'lru-cache';
import type { TenantResponse } from '../../src/domain/tenant/tenant-response.js';

/** What was last learned about a tenant, by the tab (`GET /api/tenant`) or the bot's sign-in. */
export interface RememberedTenantFacts {
  readonly tenant: TenantResponse;
  /** The Entra object id of the user the facts were read for, when known (the bot's sign-in knows it). */
  readonly userId?: string;
  readonly storedAt: Date;
}

export interface TenantFactsMemoryOptions {
  /** How many tenants are kept; the least recently used one goes first. */
  readonly maxTenants?: number;
  /** How long facts count as current. */
  readonly maxAgeMs?: number;
  readonly clock?: () => Date;
}

const DEFAULT_MAX_TENANTS = 1_000;
const DEFAULT_MAX_AGE_MS = 30 * 60 * 1000;

/**
 * The facts last read for each tenant, in memory only: the chat prefills its
 * order form from them where it cannot sign the user in itself (demo mode,
 * the Playground), and skips a sign-in it has just done. Bounded and
 * expiring, because facts change and a process restart may forget them.
 */
export class TenantFactsMemory {
  private readonly entries: LRUCache<string, RememberedTenantFacts>;
  private readonly maxAgeMs: number;
  private readonly clock: () => Date;

  constructor(options: TenantFactsMemoryOptions = {}) {
    this.entries = new LRUCache({ max: options.maxTenants ?? DEFAULT_MAX_TENANTS });
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.clock = options.clock ?? (() => new Date());
  }

  remember(tenant: TenantResponse, userId?: string): void {
    this.entries.set(key(tenant.tenantId), { tenant, storedAt: this.clock(), ...(userId === undefined ? {} : { userId }) });
  }

  /** The tenant's facts if they are still current. */
  recall(tenantId: string): RememberedTenantFacts | undefined {
    const entry = this.entries.get(key(tenantId));
    if (entry === undefined) return undefined;
    // Our own clock rather than lru-cache's TTL, so expiry follows the injected clock.
    if (this.clock().getTime() - entry.storedAt.getTime() > this.maxAgeMs) {
      this.entries.delete(key(tenantId));
      return undefined;
    }
    return entry;
  }

  /** Whether this very user signed in recently enough that asking again would add nothing. */
  hasCurrentFactsFor(tenantId: string, userId: string | undefined): boolean {
    const entry = this.recall(tenantId);
    return entry !== undefined && userId !== undefined && entry.userId === userId;
  }
}

function key(tenantId: string): string {
  return tenantId.toLowerCase();
}
