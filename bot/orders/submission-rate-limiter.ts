import { LRUCache } from 'lru-cache';

/** At most this many tenants keep a counter at a time; beyond it the least recently seen one starts afresh. */
const TENANTS_TRACKED = 10_000;
const WINDOW_MS = 60_000;

export type Admission = { readonly admitted: true } | { readonly admitted: false; readonly retryAt: Date };

/**
 * Order submissions per tenant per minute (a fixed window from a tenant's
 * first submission), counted in this process only. With several instances
 * (`instanceCount`, `INSTANCE_COUNT`) each admits its share of the limit,
 * rounded down, so all together admit at most `perMinute` even when the load
 * balancer sends every submission of a tenant to one instance; with an uneven
 * spread a tenant may be refused a little before the limit. Shared counters
 * would cost a storage round trip per submission for a limit that only
 * guards against bursts. `perMinute` 0 turns it off.
 */
export class SubmissionRateLimiter {
  private readonly windows = new LRUCache<string, { readonly startedAt: number; count: number }>({
    max: TENANTS_TRACKED,
    ttl: WINDOW_MS,
  });

  private readonly perMinute: number;

  constructor(limitPerMinute: number, instanceCount = 1) {
    if (!Number.isInteger(instanceCount) || instanceCount < 1) throw new RangeError(`instanceCount must be a whole number ≥ 1, got ${instanceCount}`);
    // At least 1: 0 would mean "off" (config.ts refuses a limit below the instance count).
    this.perMinute = limitPerMinute <= 0 ? 0 : Math.max(1, Math.floor(limitPerMinute / instanceCount));
  }

  /** Counts one submission of `tenantId` at `now`, or says when the next one will be taken. */
  admit(tenantId: string, now: Date): Admission {
    if (this.perMinute <= 0) return { admitted: true };
    const at = now.getTime();
    const window = this.windows.get(tenantId);
    if (window === undefined || at - window.startedAt >= WINDOW_MS) {
      this.windows.set(tenantId, { startedAt: at, count: 1 });
      return { admitted: true };
    }
    if (window.count < this.perMinute) {
      window.count += 1;
      return { admitted: true };
    }
    return { admitted: false, retryAt: new Date(window.startedAt + WINDOW_MS) };
  }
}
