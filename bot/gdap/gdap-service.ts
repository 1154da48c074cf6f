import { gdapDisplayName } from '../../src/domain/gdap/gdap-display-name.js';
import { createRelationshipBody } from '../../src/domain/gdap/gdap-relationship.js';
import type { GdapRelationshipRecord } from '../../src/domain/gdap/gdap-relationship.js';
import { autoExtendDurationFor } from '../../src/domain/gdap/gdap-roles.js';
import { isOpen, stateFromGraphStatus } from '../../src/domain/gdap/gdap-status.js';
import type { Logger } from '../logger.js';
import { GdapWriteConflictError } from '../storage/gdap-store.js';
import type { GdapStore, StoredGdap } from '../storage/gdap-store.js';
import { GdapPartnerError } from './gdap-partner.js';
import type { GdapPartner, PartnerRelationship } from './gdap-partner.js';

export interface GdapSettings {
  /** `GDAP_ROLES` */
  readonly roles: readonly string[];
  /** `GDAP_DURATION` */
  readonly duration: string;
  /** `GDAP_ACCESS_GROUP_ID`: the distributor's security group that gets the roles once active. */
  readonly accessGroupId?: string | undefined;
}

/** Side effects the service asks for; failures are logged and retried by the next sweep. */
export interface GdapEffects {
  /** The approval card to the customer admins' chats; answers how many got it (0: no chat known yet). */
  sendCustomerCard(record: GdapRelationshipRecord): Promise<number>;
  /** A short notice in the distributor's channel that the customer approved. */
  announceActive(record: GdapRelationshipRecord): Promise<void>;
}

export interface GdapServiceOptions {
  readonly store: GdapStore;
  readonly partner: GdapPartner;
  readonly settings: GdapSettings;
  readonly effects: GdapEffects;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** A `creating`/`created` row younger than this may still be worked on by its request; sweeps leave it (default 2 min). */
  readonly resumeAfterMs?: number;
  /** Rows one sweep looks at (default 100). */
  readonly sweepBatch?: number;
}

export interface GdapRequest {
  readonly tenantId: string;
  readonly organization: string;
  /** The order number staff asked from; it makes the display name unique. */
  readonly orderId: string;
}

export type GdapRequestResult =
  | { readonly kind: 'requested'; readonly record: GdapRelationshipRecord }
  | { readonly kind: 'exists'; readonly record: GdapRelationshipRecord };

/** Graph refused the request itself (not an outage): e.g. the display name is taken by another customer's relationship. */
export class GdapRequestRejectedError extends Error {
  override readonly name = 'GdapRequestRejectedError';
}

/**
 * The GDAP loop for one customer tenant: request (create, then
 * lockForApproval), the customer's card, status from Graph, and what follows
 * activation (access assignment, the distributor's notice).
 *
 * Crash safety: each step is stored before the next starts. The intent
 * (`creating`, with its unique display name) is written before Graph is
 * asked to create, so a crash between Graph's answer and the next write
 * leaves a row the sweep resolves by display name: found, it is adopted and
 * locked; not found, the intent is removed and staff may ask again. A
 * `created` row is locked by the sweep. No relationship is left unlocked
 * and unknown to the app.
 */
export class GdapService {
  private readonly clock: () => Date;
  private readonly resumeAfterMs: number;

  constructor(private readonly options: GdapServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.resumeAfterMs = options.resumeAfterMs ?? 2 * 60_000;
  }

  async request(request: GdapRequest): Promise<GdapRequestResult> {
    const tenantId = request.tenantId.toLowerCase();
    const existing = await this.options.store.get(tenantId);
    if (existing && isOpen(existing.record.state)) return { kind: 'exists', record: existing.record };
    const now = this.clock().toISOString();
    const { roles, duration } = this.options.settings;
    const intent: GdapRelationshipRecord = {
      tenantId,
      state: 'creating',
      // Names stay unique across the partner's relationships, old ones included: a repeat gets the day it was asked.
      displayName: gdapDisplayName(request.organization, existing ? `${request.orderId} ${now.slice(0, 10)}` : request.orderId),
      relationshipId: null,
      roles,
      duration,
      autoExtendDuration: autoExtendDurationFor(roles),
      orderId: request.orderId,
      requestedAt: now,
      activatedAt: null,
      endDateTime: null,
      refreshedAt: now,
      accessAssignmentId: null,
      customerCardSent: false,
      activeNoticeSent: false,
    };
    let stored: StoredGdap;
    try {
      stored = await this.options.store.put(intent, existing);
    } catch (error) {
      if (!(error instanceof GdapWriteConflictError)) throw error;
      const winner = await this.options.store.get(tenantId);
      if (winner) return { kind: 'exists', record: winner.record };
      throw error;
    }
    return { kind: 'requested', record: (await this.advance(stored)).record };
  }

  /** The stored relationship, refreshed from Graph first when older than `maxAgeMs`. */
  async current(tenantId: string, maxAgeMs = 60_000): Promise<GdapRelationshipRecord | undefined> {
    const stored = await this.options.store.get(tenantId.toLowerCase());
    if (stored === undefined) return undefined;
    if (this.ageMs(stored) < maxAgeMs) return stored.record;
    try {
      return (await this.refresh(stored)).record;
    } catch (error) {
      // The stored state is still true as far as anyone knows; Graph's outage must not hide it.
      this.options.logger.warn({ err: error, tenantId }, 'GDAP refresh failed; answering the stored state');
      return stored.record;
    }
  }

  /**
   * One pass over what waits: intents and unlocked relationships left by a
   * crash, pending approvals (asked of Graph), active ones whose follow-up
   * did not finish. Runs on the outbox worker's schedule.
   */
  async sweep(): Promise<void> {
    const waiting = await this.options.store.listWaiting(this.options.sweepBatch ?? 100);
    for (const stored of waiting) {
      const { state, tenantId } = stored.record;
      // A request may be between its steps right now.
      if ((state === 'creating' || state === 'created') && this.ageMs(stored) < this.resumeAfterMs) continue;
      try {
        if (state === 'approvalPending' || state === 'active') await this.refresh(stored);
        else await this.advance(stored);
      } catch (error) {
        if (error instanceof GdapWriteConflictError) continue;
        this.options.logger.warn({ err: error, tenantId, state }, 'GDAP sweep could not move a relationship on');
      }
    }
  }

  /** Demo mode's approval moved the relationship in the demo partner: read it back at once. */
  async refreshNow(tenantId: string): Promise<GdapRelationshipRecord | undefined> {
    return this.current(tenantId, 0);
  }

  /** Moves a row forward from wherever it stands, storing each step before the next. */
  private async advance(stored: StoredGdap): Promise<StoredGdap> {
    let current = stored;
    if (current.record.state === 'creating') current = await this.create(current);
    if (current.record.state === 'creating') return current;
    if (current.record.state === 'created') current = await this.lock(current);
    if (current.record.state === 'approvalPending' && !current.record.customerCardSent) current = await this.sendCard(current);
    return current;
  }

  private async create(stored: StoredGdap): Promise<StoredGdap> {
    const { record } = stored;
    let relationship: PartnerRelationship | undefined;
    if (this.ageMs(stored) >= this.resumeAfterMs) {
      // Resuming after a crash: Graph may have created it before the process died.
      relationship = await this.options.partner.findByDisplayName(record.displayName);
      if (relationship === undefined || !isAdoptable(relationship, record.tenantId)) {
        this.options.logger.warn({ tenantId: record.tenantId, displayName: record.displayName }, 'GDAP request never reached Graph; its intent is removed');
        await this.options.store.remove(stored);
        return stored;
      }
    } else {
      try {
        relationship = await this.options.partner.create(createRelationshipBody(record));
      } catch (error) {
        if (error instanceof GdapPartnerError && error.kind === 'permission') {
          // Refused before anything was made: nothing to resume.
          await this.options.store.remove(stored);
          throw error;
        }
        if (!(error instanceof GdapPartnerError) || error.kind !== 'rejected') throw error;
        // A duplicate display name: ours if it is this customer's (a retry after a lost answer).
        const found = await this.options.partner.findByDisplayName(record.displayName);
        if (found === undefined || !isAdoptable(found, record.tenantId)) {
          await this.options.store.remove(stored);
          throw new GdapRequestRejectedError(`Microsoft Graph refused the request: ${error.message}`);
        }
        relationship = found;
      }
    }
    return this.store(stored, this.withGraph(record, relationship));
  }

  private async lock(stored: StoredGdap): Promise<StoredGdap> {
    const id = stored.record.relationshipId;
    if (id === null) throw new Error('a created GDAP row without a relationship id');
    try {
      await this.options.partner.lockForApproval(id);
    } catch (error) {
      if (!(error instanceof GdapPartnerError) || error.kind !== 'rejected') throw error;
      // Locked already (by a request that crashed after it): Graph's status says so.
    }
    const relationship = await this.options.partner.get(id);
    return this.store(stored, relationship ? this.withGraph(stored.record, relationship) : { ...stored.record, state: 'approvalPending' });
  }

  private async sendCard(stored: StoredGdap): Promise<StoredGdap> {
    let sent = 0;
    try {
      sent = await this.options.effects.sendCustomerCard(stored.record);
    } catch (error) {
      this.options.logger.warn({ err: error, tenantId: stored.record.tenantId }, 'GDAP card not sent to the customer; the next sweep tries again');
    }
    return sent > 0 ? this.store(stored, { ...stored.record, customerCardSent: true }) : stored;
  }

  private async refresh(stored: StoredGdap): Promise<StoredGdap> {
    const id = stored.record.relationshipId;
    // An intent without an id is the sweep's to resume: its request may still be running.
    if (id === null) return stored;
    const relationship = await this.options.partner.get(id);
    let current = relationship === undefined
      ? await this.store(stored, { ...stored.record, refreshedAt: this.clock().toISOString() })
      : await this.store(stored, this.withGraph(stored.record, relationship));
    if (current.record.state === 'approvalPending' && !current.record.customerCardSent) current = await this.sendCard(current);
    if (current.record.state === 'active') current = await this.followActivation(current);
    return current;
  }

  /** After activation: the access assignment (when configured), then the distributor's notice; each stored once done. */
  private async followActivation(stored: StoredGdap): Promise<StoredGdap> {
    let current = stored;
    const { accessGroupId } = this.options.settings;
    const { record } = current;
    if (accessGroupId !== undefined && record.accessAssignmentId === null && record.relationshipId !== null) {
      const assignmentId = await this.options.partner.assignAccess(record.relationshipId, accessGroupId, record.roles);
      current = await this.store(current, { ...current.record, accessAssignmentId: assignmentId });
    }
    if (!current.record.activeNoticeSent) {
      await this.options.effects.announceActive(current.record);
      current = await this.store(current, { ...current.record, activeNoticeSent: true });
    }
    return current;
  }

  private withGraph(record: GdapRelationshipRecord, relationship: PartnerRelationship): GdapRelationshipRecord {
    return {
      ...record,
      relationshipId: relationship.id,
      state: stateFromGraphStatus(relationship.status) ?? (record.state === 'creating' ? 'created' : record.state),
      activatedAt: relationship.activatedDateTime ?? record.activatedAt,
      endDateTime: relationship.endDateTime ?? record.endDateTime,
      refreshedAt: this.clock().toISOString(),
    };
  }

  private store(previous: StoredGdap, record: GdapRelationshipRecord): Promise<StoredGdap> {
    return this.options.store.put(record, previous);
  }

  private ageMs(stored: StoredGdap): number {
    return this.clock().getTime() - Date.parse(stored.record.refreshedAt);
  }
}

/** A relationship found by our display name is ours to resume only if it is this customer's and not yet approved or ended. */
function isAdoptable(relationship: PartnerRelationship, tenantId: string): boolean {
  const state = stateFromGraphStatus(relationship.status);
  return relationship.customerTenantId === tenantId && (state === 'created' || state === 'approvalPending');
}
