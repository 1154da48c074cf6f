import { LRUCache } from 'lru-cache';
import type { CustomerAgreementAcceptance } from '../../src/domain/customer-agreement/customer-agreement.js';
import type { CustomerAgreementLookup } from './customer-agreement-lookup.js';

export interface CachedCustomerAgreementLookupOptions {
  /** How long a tenant's answer is reused (default 60 s). */
  readonly ttlMs?: number;
  /** How many tenants' answers are kept; the least recently used go first (default 10 000). */
  readonly maxTenants?: number;
  readonly clock?: () => Date;
}

const DEFAULT_TTL_MS = 60_000;
const DEFAULT_MAX_TENANTS = 10_000;

/** `undefined` (not accepted) is an answer too; lru-cache cannot hold it bare. */
type Answer = { readonly acceptance: CustomerAgreementAcceptance | undefined };

/**
 * A tenant's MCA acceptance as the distributor reads it next to an order
 * (Teams card, webhook card, e-mail): each delivery channel of each order
 * asks, so one order would read it once per channel. Kept in this process
 * for a short while, and reads of one tenant at the same moment share one
 * storage read. Stale by at most `ttlMs` for an acceptance made on another
 * instance; one made in this process drops its entry (`forget`, wired in
 * bot/app.ts). Never for a decision: completing an order and the customer's
 * own status read storage afresh.
 */
export class CachedCustomerAgreementLookup implements CustomerAgreementLookup {
  private readonly answers: LRUCache<string, Answer>;
  private readonly reads = new Map<string, Promise<CustomerAgreementAcceptance | undefined>>();

  constructor(
    private readonly source: CustomerAgreementLookup,
    options: CachedCustomerAgreementLookupOptions = {},
  ) {
    const clock = options.clock ?? (() => new Date());
    this.answers = new LRUCache<string, Answer>({
      max: options.maxTenants ?? DEFAULT_MAX_TENANTS,
      ttl: options.ttlMs ?? DEFAULT_TTL_MS,
      // Expiry follows the injected clock.
      perf: { now: () => clock().getTime() },
      ttlResolution: 0,
    });
  }

  get(tenantId: string): Promise<CustomerAgreementAcceptance | undefined> {
    const cached = this.answers.get(tenantId);
    if (cached !== undefined) return Promise.resolve(cached.acceptance);
    const pending = this.reads.get(tenantId);
    if (pending !== undefined) return pending;
    const read = this.source.get(tenantId);
    this.reads.set(tenantId, read);
    // Kept only if no `forget` came meanwhile: a read begun before an acceptance must not hide it.
    const current = (): boolean => this.reads.get(tenantId) === read;
    read.then(
      (acceptance) => {
        if (!current()) return;
        this.reads.delete(tenantId);
        this.answers.set(tenantId, { acceptance });
      },
      () => {
        // A failed read is not remembered; the caller gets the failure.
        if (current()) this.reads.delete(tenantId);
      },
    );
    return read;
  }

  /** The tenant's acceptance changed in this process: the next reading asks storage. */
  forget(tenantId: string): void {
    this.answers.delete(tenantId);
    this.reads.delete(tenantId);
  }
}
