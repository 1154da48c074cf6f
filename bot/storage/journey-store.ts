import { queryAtMost, readRow } from './table-reads.js';
import { odata } from '@azure/data-tables';
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { JOURNEY_STEPS } from '../../src/domain/journey/journey.js';
import type { JourneyStepId } from '../../src/domain/journey/journey.js';
import {
  CUSTOMERS_PARTITION,
  customerSummarySchema,
  DIGEST_PARTITION,
  evidenceRowKey,
  FIRST_CONTACT_ROW,
  OPT_OUT_ROW,
  parseSummaryEntity,
  REMIND_ROWS,
  remindRowKey,
  remindRowsBefore,
  remindRowTenant,
  reminderRowKey,
  STUCK_ROWS,
  stuckRowKey,
  stuckRowsBefore,
  summaryEntity,
  TENANT_ROWS,
  tenantRowKey,
} from './journey-entity.js';
import type { CustomerSummary, ReminderOutcome } from './journey-entity.js';
import { storageStatusCode, toStorageError } from './storage-errors.js';
import { assertKeyPart } from './table-keys.js';

export { JOURNEY_TABLE } from './journey-entity.js';
export type { CustomerSummary, ReminderOutcome } from './journey-entity.js';

/** What the tenant's own partition of the journey table holds (a handful of rows, read in one query). */
export interface TenantJourneyRows {
  readonly firstContactAt?: string | undefined;
  /** The first sighting at the strongest level seen, and when any level was first seen. */
  readonly invitationEvidence?: { readonly level: 'confirmed' | 'detected'; readonly at: string } | undefined;
  /** Steps whose reminder was claimed (sent or not). */
  readonly remindedSteps: ReadonlySet<JourneyStepId>;
  readonly optedOut: boolean;
}

export interface CustomerPage {
  readonly customers: readonly CustomerSummary[];
  /** Pass back to read the next page; absent on the last. */
  readonly nextCursor?: string;
}

/** A `cursor` that this store did not hand out. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

const SAVE_ATTEMPTS = 5;
/** Rows of one tenant's partition: first contact, two evidence levels, one claim per step, the opt-out. */
const TENANT_ROWS_MAX = 20;

/**
 * The journey's stored facts, the staff's customer list and the claims of
 * scheduled work (docs/architecture.md, 'The journey and scheduled work').
 * Every read is a point read or a key-range query; nothing scans the table.
 * Claims are inserts that fail with 409 when any instance made them first.
 */
export class JourneyStore {
  constructor(
    private readonly table: TableClient,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Records the first contact once per tenant; true when this call made it. */
  recordFirstContact(tenantId: string, via: 'tab' | 'chat'): Promise<boolean> {
    assertKeyPart(tenantId, 'tenant id');
    return this.insert({ partitionKey: tenantId, rowKey: FIRST_CONTACT_ROW, at: this.now(), via }, 'recording a first contact');
  }

  /** Records the first sighting of the relationship at `level`; true when this call made it. */
  recordEvidence(tenantId: string, level: 'confirmed' | 'detected'): Promise<boolean> {
    assertKeyPart(tenantId, 'tenant id');
    return this.insert({ partitionKey: tenantId, rowKey: evidenceRowKey(level), at: this.now() }, 'recording relationship evidence');
  }

  async readTenant(tenantId: string): Promise<TenantJourneyRows> {
    assertKeyPart(tenantId, 'tenant id');
    const rows = await queryAtMost(this.table, odata`PartitionKey eq ${tenantId}`, TENANT_ROWS_MAX, 'reading a tenant journey');
    const at = (rowKey: string): string | undefined => {
      const value = rows.find((row) => row['rowKey'] === rowKey)?.['at'];
      return typeof value === 'string' ? value : undefined;
    };
    const confirmed = at(evidenceRowKey('confirmed'));
    const detected = at(evidenceRowKey('detected'));
    const firstSeen = [confirmed, detected].filter((time): time is string => time !== undefined).sort()[0];
    const remindedSteps = new Set(JOURNEY_STEPS.filter((step) => rows.some((row) => row['rowKey'] === reminderRowKey(step))));
    const firstContactAt = at(FIRST_CONTACT_ROW);
    return {
      ...(firstContactAt === undefined ? {} : { firstContactAt }),
      ...(firstSeen === undefined ? {} : { invitationEvidence: { level: confirmed === undefined ? 'detected' : 'confirmed', at: firstSeen } }),
      remindedSteps,
      optedOut: rows.some((row) => row['rowKey'] === OPT_OUT_ROW),
    };
  }

  /** Takes the reminder of `step` for this instance; false when it was taken before (by anyone, ever). */
  claimReminder(tenantId: string, step: JourneyStepId): Promise<boolean> {
    assertKeyPart(tenantId, 'tenant id');
    return this.insert(
      { partitionKey: tenantId, rowKey: reminderRowKey(step), at: this.now(), outcome: 'claimed' satisfies ReminderOutcome },
      'claiming a reminder',
    );
  }

  async settleReminder(tenantId: string, step: JourneyStepId, outcome: ReminderOutcome, activityId?: string): Promise<void> {
    await this.merge(
      { partitionKey: tenantId, rowKey: reminderRowKey(step), outcome, settledAt: this.now(), ...(activityId === undefined ? {} : { activityId }) },
      'settling a reminder',
    );
  }

  /** «Не напоминать»: no more reminders for the tenant. Repeating it changes nothing. */
  async optOut(tenantId: string, by: string | undefined): Promise<void> {
    assertKeyPart(tenantId, 'tenant id');
    await this.insert({ partitionKey: tenantId, rowKey: OPT_OUT_ROW, at: this.now(), ...(by === undefined ? {} : { by }) }, 'stopping reminders');
  }

  async getSummary(tenantId: string): Promise<CustomerSummary | undefined> {
    const entity = await readRow(this.table, CUSTOMERS_PARTITION, tenantRowKey(tenantId), 'reading a customer summary');
    return entity && parseSummaryEntity(entity);
  }

  /**
   * Stores the summary with its index rows in one transaction, conditional
   * on the summary read (another instance's newer write makes it read and
   * try again). Unchanged summaries are not written.
   */
  async saveSummary(summary: CustomerSummary): Promise<'saved' | 'unchanged'> {
    const key = tenantRowKey(summary.tenantId);
    for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
      const entity = await readRow(this.table, CUSTOMERS_PARTITION, key, 'reading a customer summary');
      const previous = entity && parseSummaryEntity(entity);
      // Parsed both ways, so property order never counts as a change.
      if (previous && JSON.stringify(previous) === JSON.stringify(customerSummarySchema.parse(summary))) return 'unchanged';
      const etag = typeof entity?.['etag'] === 'string' ? entity['etag'] : undefined;
      const actions: TransactionAction[] = [
        previous && etag !== undefined
          ? ['update', summaryEntity(summary, key), 'Replace', { etag }]
          : ['create', summaryEntity(summary, key)],
      ];
      const stuck = stuckRowKey(summary);
      if (previous && stuckRowKey(previous) !== stuck) actions.push(['delete', { partitionKey: CUSTOMERS_PARTITION, rowKey: stuckRowKey(previous) }]);
      actions.push(['upsert', summaryEntity(summary, stuck), 'Replace']);
      const remind = remindRowKey(summary);
      const previousRemind = previous && remindRowKey(previous);
      if (previousRemind !== undefined && previousRemind !== remind) actions.push(['delete', { partitionKey: CUSTOMERS_PARTITION, rowKey: previousRemind }]);
      if (remind !== undefined) actions.push(['upsert', { partitionKey: CUSTOMERS_PARTITION, rowKey: remind, kind: 'remind' }, 'Replace']);
      try {
        await this.table.submitTransaction(actions);
        return 'saved';
      } catch (error) {
        const status = storageStatusCode(error);
        // 412: changed since read; 409: created meanwhile; 404: an index row already moved by that other write.
        if ((status === 412 || status === 409 || status === 404) && attempt < SAVE_ATTEMPTS) continue;
        throw toStorageError(error, 'saving a customer summary');
      }
    }
    throw new Error(`customer summary of ${summary.tenantId} kept changing during ${SAVE_ATTEMPTS} attempts`);
  }

  /**
   * One page of customers, longest stuck first; with `stuckBefore`, only
   * those whose last progress was before it. A key-range query: its cost is
   * the page, whatever the number of customers.
   */
  async listCustomers(options: { readonly stuckBefore?: Date | undefined; readonly cursor?: string | undefined; readonly limit: number }): Promise<CustomerPage> {
    const from = options.cursor === undefined ? STUCK_ROWS.from : afterKey(decodeCursor(options.cursor));
    const below = options.stuckBefore === undefined ? STUCK_ROWS.below : stuckRowsBefore(options.stuckBefore);
    // One more row than the page says whether there is a next page.
    const rows = await queryAtMost(this.table, 
      odata`PartitionKey eq ${CUSTOMERS_PARTITION} and RowKey ge ${from} and RowKey lt ${below}`,
      options.limit + 1,
      'listing customers',
    );
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    return {
      customers: page.map(parseSummaryEntity),
      ...(rows.length > options.limit && last ? { nextCursor: encodeCursor(String(last['rowKey'])) } : {}),
    };
  }

  /** Tenants whose reminder may be due: stuck since before `stuckBefore`, at most `limit`, longest stuck first. */
  async dueReminders(stuckBefore: Date, limit: number): Promise<string[]> {
    const rows = await queryAtMost(this.table, 
      odata`PartitionKey eq ${CUSTOMERS_PARTITION} and RowKey ge ${REMIND_ROWS.from} and RowKey lt ${remindRowsBefore(stuckBefore)}`,
      limit,
      'reading due reminders',
    );
    return rows.map((row) => remindRowTenant(String(row['rowKey'])));
  }

  /** Every customer's summary, at most `limit` (the daily digest's one pass over the list). */
  async listSummaries(limit: number): Promise<CustomerSummary[]> {
    const rows = await queryAtMost(this.table, 
      odata`PartitionKey eq ${CUSTOMERS_PARTITION} and RowKey ge ${TENANT_ROWS.from} and RowKey lt ${TENANT_ROWS.below}`,
      limit,
      'reading customer summaries',
    );
    return rows.map(parseSummaryEntity);
  }

  async hasDigest(date: string): Promise<boolean> {
    return (await readRow(this.table, DIGEST_PARTITION, date, 'reading a digest claim')) !== undefined;
  }

  /** Takes the digest of `date` (YYYY-MM-DD) for this instance; false when it was taken before. */
  claimDigest(date: string, outcome: 'claimed' | 'empty'): Promise<boolean> {
    assertKeyPart(date, 'digest date');
    return this.insert({ partitionKey: DIGEST_PARTITION, rowKey: date, at: this.now(), outcome }, 'claiming a digest');
  }

  async settleDigest(date: string, outcome: 'sent' | 'noInbox' | 'failed'): Promise<void> {
    await this.merge({ partitionKey: DIGEST_PARTITION, rowKey: date, outcome, settledAt: this.now() }, 'settling a digest');
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private async insert(entity: TableEntity, operation: string): Promise<boolean> {
    try {
      await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (storageStatusCode(error) === 409) return false;
      throw toStorageError(error, operation);
    }
  }

  private async merge(entity: TableEntity, operation: string): Promise<void> {
    try {
      await this.table.upsertEntity(entity, 'Merge');
    } catch (error) {
      throw toStorageError(error, operation);
    }
  }

}

/** The smallest key after `key` ('\u0000' is not allowed in keys; ' ' sorts lowest among the allowed). */
function afterKey(key: string): string {
  return `${key} `;
}

function encodeCursor(rowKey: string): string {
  return Buffer.from(rowKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const rowKey = /^[A-Za-z0-9_-]{1,700}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  // Table keys forbid / \\ # ? and control characters.
  if (!rowKey.startsWith(STUCK_ROWS.from) || rowKey.length > 400 || /[/\\#?\p{Cc}]/u.test(rowKey)) {
    throw new InvalidCursorError('cursor: not a cursor this list handed out');
  }
  return rowKey;
}
