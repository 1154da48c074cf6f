import { LRUCache } from 'lru-cache';
import { CUSTOMER_STEPS, deriveJourney } from '../../src/domain/journey/journey.js';
import type { Journey, JourneyOrder } from '../../src/domain/journey/journey.js';
import type { RelationshipLevel } from '../../src/domain/tenant/tenant-response.js';
import type { Logger } from '../logger.js';
import type { CustomerSummary, JourneyStore } from '../storage/journey-store.js';

/** The tenant's current MCA acceptance (bot/storage/customer-agreement-store.ts has this shape). */
export interface CustomerAgreementReader {
  get(tenantId: string): Promise<{ readonly acceptedAt: string } | undefined>;
}

/** The tenant's GDAP relationship with the distributor, as stored by the GDAP feature. */
export interface GdapStatusReader {
  get(tenantId: string): Promise<{ readonly activeSince?: string | undefined; readonly expiresAt?: string | undefined } | undefined>;
}

/** The tenant's newest orders as the journey reads them (OrderRepository.recentJourneyOrders). */
export interface JourneyOrders {
  recentJourneyOrders(tenantId: string, limit: number): Promise<readonly JourneyOrder[]>;
}

export interface CustomerJourneysOptions {
  readonly store: JourneyStore;
  readonly orders: JourneyOrders;
  readonly customerAgreements?: CustomerAgreementReader | undefined;
  readonly gdap?: GdapStatusReader | undefined;
  /** The distributor asks for GDAP (`GDAP_INVITATION_LINK` is set): the GDAP step counts. */
  readonly gdapUsed: boolean;
  readonly logger: Pick<Logger, 'warn'>;
  /** How long `changedSoon` waits, gathering a tenant's changes into one refresh (default 10 s). */
  readonly refreshDelayMs?: number;
}

/**
 * Orders read to derive the order steps: the newest ones, a bound on what one
 * refresh costs. A tenant with more sees the earliest among these as its
 * "first" order; by then it is long past its first order anyway.
 */
export const JOURNEY_ORDERS_READ = 50;

/** Tenants (and evidence levels) this process already recorded, so repeat visits cost no write. */
const RECORDED_CACHE = 10_000;

/**
 * Each customer's journey, derived from what is stored (docs/architecture.md,
 * 'The journey and scheduled work'), and the summary the staff's list and the
 * scheduler read, refreshed whenever something happens to the tenant.
 */
export class CustomerJourneys {
  private readonly recorded = new LRUCache<string, true>({ max: RECORDED_CACHE });
  /** One refresh per tenant at a time in this process. */
  private readonly running = new Map<string, Promise<RefreshedJourney>>();
  /** The one refresh waiting for the running one: it reads facts written after that one read them. */
  private readonly queued = new Map<string, Promise<RefreshedJourney>>();
  /** Tenants with a refresh waiting in `changedSoon`. */
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: CustomerJourneysOptions) {}

  /**
   * The tab or the chat reached the server for `tenantId`: records the first
   * contact once per tenant. Never rejects (a failure is logged), so no
   * request fails because of it.
   */
  async contact(tenantId: string, via: 'tab' | 'chat'): Promise<void> {
    await this.recordOnce(`${tenantId}\ncontact`, tenantId, () => this.options.store.recordFirstContact(tenantId, via));
  }

  /** The tenant facts showed the relationship at `level`: records its first sighting. Never rejects. */
  async evidenceSeen(tenantId: string, level: RelationshipLevel): Promise<void> {
    if (level !== 'confirmed' && level !== 'detected') return;
    await this.recordOnce(`${tenantId}\n${level}`, tenantId, () => this.options.store.recordEvidence(tenantId, level));
  }

  /** Something about the tenant changed (an order, the MCA, GDAP): refreshes its summary. Never rejects. */
  async changed(tenantId: string): Promise<void> {
    try {
      await this.refresh(tenantId);
    } catch (error) {
      this.options.logger.warn({ err: error, tenantId }, 'could not refresh the customer journey');
    }
  }

  /**
   * An order of the tenant was written: refreshes its summary a little later,
   * once for all the writes meanwhile, so a burst of orders costs one refresh
   * (each reads the tenant's newest orders) instead of one per order.
   */
  changedSoon(tenantId: string): void {
    if (this.pending.has(tenantId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(tenantId);
      void this.changed(tenantId);
    }, this.options.refreshDelayMs ?? 10_000);
    timer.unref();
    this.pending.set(tenantId, timer);
  }

  /**
   * Drops the refreshes still waiting (at shutdown). Their summaries stay as
   * they were until the tenant's next event or reminder pass; the customer's
   * own checklist is always derived afresh.
   */
  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  /** «Не напоминать». */
  async stopReminders(tenantId: string, by: string | undefined): Promise<void> {
    await this.options.store.optOut(tenantId, by);
    await this.refresh(tenantId);
  }

  /** The journey derived now from the stored facts; its summary is stored when it changed. */
  refresh(tenantId: string): Promise<RefreshedJourney> {
    const queued = this.queued.get(tenantId);
    if (queued) return queued;
    const running = this.running.get(tenantId);
    if (!running) return this.start(tenantId);
    // The running refresh may have read the facts before this call's change: derive once more after it.
    const next = running
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(tenantId);
        return this.start(tenantId);
      });
    this.queued.set(tenantId, next);
    return next;
  }

  private start(tenantId: string): Promise<RefreshedJourney> {
    const refresh = this.derive(tenantId).finally(() => {
      if (this.running.get(tenantId) === refresh) this.running.delete(tenantId);
    });
    this.running.set(tenantId, refresh);
    return refresh;
  }

  private async derive(tenantId: string): Promise<RefreshedJourney> {
    const { store, orders, customerAgreements, gdap, gdapUsed } = this.options;
    const [rows, recent, agreement, relationship] = await Promise.all([
      store.readTenant(tenantId),
      orders.recentJourneyOrders(tenantId, JOURNEY_ORDERS_READ),
      customerAgreements?.get(tenantId),
      gdap?.get(tenantId),
    ]);
    // The step counts once GDAP is asked of every customer, or was requested for this one.
    const gdapStep = gdapUsed || relationship !== undefined;
    const journey = deriveJourney({
      firstContactAt: rows.firstContactAt,
      invitationEvidence: rows.invitationEvidence,
      mcaAcceptedAt: agreement?.acceptedAt,
      gdap: gdapStep ? { used: true, activeSince: relationship?.activeSince } : { used: false },
      orders: recent,
    });
    const current = journey.current;
    const summary: CustomerSummary = {
      tenantId,
      current,
      stuckSince: journey.stuckSince,
      evidenceLevel: journey.evidenceLevel,
      mcaAccepted: journey.mcaAccepted,
      firstContactAt: rows.firstContactAt ?? null,
      organizationName: recent[0]?.organizationName ?? null,
      waitingOrders: recent.filter((order) => order.status === 'submitted').length,
      gdapExpiresAt: relationship?.expiresAt ?? null,
      remindable: current !== null && CUSTOMER_STEPS.has(current) && !rows.remindedSteps.has(current) && !rows.optedOut,
    };
    await store.saveSummary(summary);
    return { journey, summary };
  }

  private async recordOnce(key: string, tenantId: string, record: () => Promise<boolean>): Promise<void> {
    if (this.recorded.has(key)) return;
    try {
      const created = await record();
      this.recorded.set(key, true);
      if (created) await this.refresh(tenantId);
    } catch (error) {
      this.options.logger.warn({ err: error, tenantId }, 'could not record a journey fact');
    }
  }
}

export interface RefreshedJourney {
  readonly journey: Journey;
  readonly summary: CustomerSummary;
}
