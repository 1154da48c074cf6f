import { queryAtMost } from './table-reads.js';
import { odata } from '@azure/data-tables';
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { PendingDelivery } from '../../src/domain/order/order-events.js';
import { deliveryKeyOf } from './delivery-entity.js';
import { GroupCommit } from './group-commit.js';
import { storageStatusCode, toStorageError } from './storage-errors.js';

/**
 * The outbox's due index: one small row per outbox record that may need an
 * attempt, in the orders table under a time-bucket partition
 * (`due|2026-12-04T22:40`, one per minute) with the record's tenant and row
 * key as its row key. A sweep reads the buckets up to now by key, so its cost
 * follows the work that is due, not the number of orders ever stored.
 *
 * A due row is only a hint: the record it names decides. The invariant the
 * writers keep (docs/architecture.md, "The outbox"): every `pending` or
 * `delivering` record has a due row in a bucket no later than its due time,
 * written before the record itself, because the two live in different
 * partitions and no transaction spans both.
 */

export const DUE_KIND = 'due';
const DUE_PREFIX = 'due|';

/** Where a due row for work due at `at` goes: the minute it falls in. */
export function dueBucket(at: Date): string {
  return `${DUE_PREFIX}${at.toISOString().slice(0, 16)}`;
}

/** One record to find again at `dueAt`. */
export interface DueEntry {
  readonly tenantId: string;
  /** The record's RowKey in the tenant's partition. */
  readonly recordKey: string;
  readonly dueAt: Date;
}

/** A due row as read, with what a conditional delete needs. */
export interface DueRow {
  readonly bucket: string;
  readonly tenantId: string;
  readonly recordKey: string;
  readonly etag: string;
  /** When the row was (last) written, by the storage's clock. */
  readonly writtenAt: Date;
  /**
   * Set on a row held back because its record was missing or finished when
   * a sweep looked: when that row was first written, so holding it again
   * does not restart its grace period.
   */
  readonly heldSince?: Date | undefined;
}

const dueRowSchema = z.object({
  partitionKey: z.string().startsWith(DUE_PREFIX),
  tenantId: z.string().min(1),
  recordKey: z.string().min(1),
  etag: z.string(),
  timestamp: z.string().transform((value) => new Date(value)),
  heldSince: z.date().optional(),
});

/** The due rows of records a commit is about to store: due at their first attempt. */
export function dueEntriesOf(deliveries: readonly PendingDelivery[]): DueEntry[] {
  return deliveries.map((delivery) => ({
    tenantId: delivery.tenantId,
    recordKey: deliveryKeyOf(delivery),
    dueAt: delivery.firstAttemptAt,
  }));
}

export class OutboxDueIndex {
  /** Concurrent commits' due rows share their bucket's partition, and so share requests. */
  private readonly group: GroupCommit;

  constructor(private readonly table: TableClient) {
    this.group = new GroupCommit(table);
  }

  /**
   * The due rows of records about to be stored (a commit's new records, due
   * at their first attempt), written with other commits' rows of the same
   * bucket in one request when they arrive together
   * (bot/storage/group-commit.ts). Resolves once they are stored, so the
   * records' own write still comes after them.
   */
  async scheduleFirstAttempts(entries: readonly DueEntry[]): Promise<void> {
    try {
      await Promise.all(entries.map((entry) => this.group.write({ kind: 'upsert', entity: dueEntity(entry), mode: 'Replace' })));
    } catch (error) {
      throw toStorageError(error, 'scheduling deliveries');
    }
  }

  /**
   * Writes (or rewrites) a due row per entry. Entries of one bucket go in one
   * entity-group transaction (they share its partition), so a commit's
   * records, which share their first attempt time, cost one request.
   */
  async schedule(entries: readonly DueEntry[], heldSince?: Date): Promise<void> {
    if (entries.length === 0) return;
    const byBucket = new Map<string, TableEntity[]>();
    for (const entry of entries) {
      const bucket = dueBucket(entry.dueAt);
      const rows = byBucket.get(bucket) ?? [];
      rows.push(dueEntity(entry, heldSince));
      byBucket.set(bucket, rows);
    }
    try {
      await Promise.all(
        [...byBucket.values()].flatMap((rows) => chunks(rows, MAX_TRANSACTION_ROWS)).map((rows) =>
          rows.length === 1 && rows[0] !== undefined
            ? this.table.upsertEntity(rows[0], 'Replace')
            : this.table.submitTransaction(rows.map((row): TransactionAction => ['upsert', row, 'Replace'])),
        ),
      );
    } catch (error) {
      throw toStorageError(error, 'scheduling deliveries');
    }
  }

  /** Due rows of every bucket up to `now`'s, oldest bucket first, at most `limit`. */
  async read(now: Date, limit: number): Promise<DueRow[]> {
    const filter = odata`PartitionKey ge ${DUE_PREFIX} and PartitionKey le ${dueBucket(now)}`;
    return (await queryAtMost(this.table, filter, limit, 'reading due deliveries')).map(parseDueRow);
  }

  /** Deletes a row as read; a row rewritten or deleted since is left alone. */
  async remove(row: DueRow): Promise<void> {
    await this.deleteIgnoringGone(row.bucket, dueRowKey(row.tenantId, row.recordKey), row.etag);
  }

  /**
   * Deletes the row written for `entry`, if it is still there (its record is
   * finished for good); with other deletes of its bucket in one request when
   * they arrive together.
   */
  async forget(entry: DueEntry): Promise<void> {
    try {
      await this.group.write({ kind: 'delete', partitionKey: dueBucket(entry.dueAt), rowKey: dueRowKey(entry.tenantId, entry.recordKey) });
    } catch (error) {
      if (storageStatusCode(error) === 404) return;
      throw toStorageError(error, 'removing a due delivery');
    }
  }

  private async deleteIgnoringGone(bucket: string, rowKey: string, etag?: string): Promise<void> {
    try {
      await this.table.deleteEntity(bucket, rowKey, etag === undefined ? {} : { etag });
    } catch (error) {
      const status = storageStatusCode(error);
      if (status === 404 || status === 412) return;
      throw toStorageError(error, 'removing a due delivery');
    }
  }
}

/** An entity-group transaction holds at most 100 operations. */
const MAX_TRANSACTION_ROWS = 100;

function dueEntity(entry: DueEntry, heldSince?: Date): TableEntity {
  return {
    partitionKey: dueBucket(entry.dueAt),
    rowKey: dueRowKey(entry.tenantId, entry.recordKey),
    kind: DUE_KIND,
    tenantId: entry.tenantId,
    recordKey: entry.recordKey,
    ...(heldSince !== undefined && { heldSince }),
  };
}

function dueRowKey(tenantId: string, recordKey: string): string {
  return `${tenantId}|${recordKey}`;
}

function parseDueRow(entity: Readonly<Record<string, unknown>>): DueRow {
  const result = dueRowSchema.safeParse(entity);
  if (!result.success) throw new Error(`stored due row has an unexpected shape: ${z.prettifyError(result.error)}`);
  const { partitionKey, timestamp, ...row } = result.data;
  return { ...row, bucket: partitionKey, writtenAt: timestamp };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
