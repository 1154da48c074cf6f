import { odata } from '@azure/data-tables';
import type { TableClient, TableEntity } from '@azure/data-tables';
import { storageStatusCode, toStorageError } from './storage-errors.js';
import {
  DELIVERY_KIND,
  deliveryEntity,
  deliveryKeyOf,
  deliveryRowRange,
  parseDeliveryEntity,
} from './delivery-entity.js';
import type { DeliveryRecord, DeliveryState } from './delivery-entity.js';
import { OutboxDueIndex, dueBucket } from './outbox-due-index.js';
import type { DueEntry, DueRow } from './outbox-due-index.js';

/**
 * Reads and conditionally rewrites outbox records. They live in the orders
 * table, in the tenant's partition, because only there can they be written in
 * the same transaction as the order they deliver.
 */
export class DeliveryStore {
  private readonly dueIndex: OutboxDueIndex;

  constructor(private readonly table: TableClient) {
    this.dueIndex = new OutboxDueIndex(table);
  }

  /**
   * Records due now across all tenants: pending ones whose next attempt is
   * due, and claimed ones whose lease ran out (their worker died). Reads the
   * due index's buckets up to now (at most `limit` rows) and each row's
   * record, and tidies the index on the way: a row whose record is not due
   * yet moves to its record's bucket; a row whose record is finished or
   * missing is deleted (see `tidy`). `full`: the page of due rows was full,
   * so more may be due.
   */
  async findDue(now: Date, limit: number): Promise<{ readonly due: DeliveryRecord[]; readonly full: boolean }> {
    const rows = await this.dueIndex.read(now, limit);
    const due: DeliveryRecord[] = [];
    for (let start = 0; start < rows.length; start += SWEEP_READS_IN_PARALLEL) {
      await Promise.all(
        rows.slice(start, start + SWEEP_READS_IN_PARALLEL).map(async (row) => {
          const record = await this.tidy(row, await this.read(row.tenantId, row.recordKey), now);
          if (record) due.push(record);
        }),
      );
    }
    return { due, full: rows.length >= limit };
  }

  /** Records of one channel still waiting (`pending`) or given up (`failed`), across all tenants. */
  async findUndelivered(channel: string, limit: number): Promise<DeliveryRecord[]> {
    const filter = odata`kind eq ${DELIVERY_KIND} and channel eq ${channel} and (state eq ${'pending'} or state eq ${'failed'})`;
    const found: DeliveryRecord[] = [];
    try {
      for await (const entity of this.table.listEntities({ queryOptions: { filter } })) {
        found.push(parseDeliveryEntity(entity));
        if (found.length >= limit) break;
      }
    } catch (error) {
      throw toStorageError(error, 'finding undelivered deliveries');
    }
    return found;
  }

  /** All delivery records of one order, every revision and channel. */
  async listForOrder(tenantId: string, orderId: string): Promise<DeliveryRecord[]> {
    const range = deliveryRowRange(orderId);
    const filter = odata`PartitionKey eq ${tenantId} and RowKey ge ${range.from} and RowKey le ${range.to}`;
    const records: DeliveryRecord[] = [];
    try {
      for await (const entity of this.table.listEntities({ queryOptions: { filter } })) {
        records.push(parseDeliveryEntity(entity));
      }
    } catch (error) {
      throw toStorageError(error, 'reading deliveries');
    }
    return records;
  }

  /**
   * Replaces `current` with `next` if nobody changed it since `current` was
   * read (ETag). Returns the written record with its new ETag, or undefined
   * when another worker got there first.
   */
  async replace(current: DeliveryRecord, next: Omit<DeliveryRecord, 'etag'>): Promise<DeliveryRecord | undefined> {
    if (deliveryKeyOf(next) !== deliveryKeyOf(current)) {
      throw new Error('a delivery record cannot change its order, revision, channel or notice');
    }
    // Earlier work needs its due row before the record says so (no transaction spans both partitions).
    if (needsDueRow(current, next)) await this.dueIndex.schedule([dueEntry(next)]);
    let written: DeliveryRecord;
    try {
      const { etag } = await this.write(current, next);
      if (etag === undefined) throw new Error('storage answered an update without an ETag');
      written = { ...next, etag };
    } catch (error) {
      const status = storageStatusCode(error);
      if (status === 412 || status === 404) return undefined;
      throw toStorageError(error, 'updating a delivery');
    }
    if (isDone(written.state) && !isFinal(current.state)) {
      // Usually the row written with the record: sweeps then never read it. Any other is tidied by a sweep.
      await this.dueIndex.forget(dueEntry(current)).catch(() => undefined);
    }
    return written;
  }

  /** One record by key, with when it was last written; undefined when it does not exist. */
  private async read(tenantId: string, recordKey: string): Promise<ReadRecord> {
    try {
      const entity = await this.table.getEntity(tenantId, recordKey);
      return { record: parseDeliveryEntity(entity), writtenAt: new Date(entity.timestamp ?? 0) };
    } catch (error) {
      if (storageStatusCode(error) === 404) return { record: undefined };
      throw toStorageError(error, 'reading a delivery');
    }
  }

  /**
   * Decides what a due row means now: its record when that is due. A
   * finished record's row goes, except a `failed` one newer than its record
   * or a missing record's, which may belong to a write still under way (a
   * retry of that channel, a commit): those wait `DUE_ROW_GRACE_MS` first,
   * moved forward so they do not keep a sweep's page.
   */
  private async tidy(row: DueRow, read: ReadRecord, now: Date): Promise<DeliveryRecord | undefined> {
    const { record } = read;
    if (record !== undefined && !isFinal(record.state)) {
      const dueAt = dueTime(record);
      if (dueAt.getTime() <= now.getTime()) return record;
      if (dueBucket(dueAt) > row.bucket) {
        await this.dueIndex.schedule([dueEntry(record)]);
        await this.dueIndex.remove(row);
      }
      return undefined;
    }
    const since = row.heldSince ?? row.writtenAt;
    const settled =
      (record !== undefined && (record.state !== 'failed' || read.writtenAt.getTime() >= row.writtenAt.getTime())) ||
      now.getTime() - since.getTime() >= DUE_ROW_GRACE_MS;
    if (settled) {
      await this.dueIndex.remove(row);
      return undefined;
    }
    const until = new Date(since.getTime() + DUE_ROW_GRACE_MS);
    if (dueBucket(until) > row.bucket) {
      await this.dueIndex.schedule([{ tenantId: row.tenantId, recordKey: row.recordKey, dueAt: until }], since);
      await this.dueIndex.remove(row);
    }
    return undefined;
  }

  /**
   * A Merge of only the changed properties when nothing is removed (the
   * usual "delivered" write: about a fifth cheaper for the storage than a
   * Replace of the whole row); a Replace when a property has to go, such as
   * an expired lease or an old error. Both conditional on the ETag.
   */
  private write(current: DeliveryRecord, next: Omit<DeliveryRecord, 'etag'>) {
    const before = deliveryEntity(current);
    const after = deliveryEntity(next);
    const removes = Object.keys(before).some((key) => !(key in after));
    if (removes) return this.table.updateEntity(after, 'Replace', { etag: current.etag });
    const changed: TableEntity = { partitionKey: after.partitionKey, rowKey: after.rowKey };
    for (const [key, value] of Object.entries(after)) {
      if (!sameValue(before[key], value)) changed[key] = value;
    }
    return this.table.updateEntity(changed, 'Merge', { etag: current.etag });
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

type ReadRecord = { readonly record: DeliveryRecord; readonly writtenAt: Date } | { readonly record: undefined };

/** Record reads a sweep has in flight at once. */
const SWEEP_READS_IN_PARALLEL = 16;

/**
 * How long a due row whose record is missing or `failed` is kept: longer
 * than any write that follows its due row (a commit, a retry of a channel)
 * can take, storage retries included.
 */
export const DUE_ROW_GRACE_MS = 10 * 60_000;

/** No attempt is waiting; a failed record can still be retried (`OutboxWorker.retryChannel`). */
function isFinal(state: DeliveryState): boolean {
  return isDone(state) || state === 'failed';
}

/** Delivered and superseded records never run again. */
function isDone(state: DeliveryState): boolean {
  return state === 'delivered' || state === 'superseded';
}

/** When a record wants its next attempt: a pending one at `nextAttemptAt`, a claimed one when its lease runs out. */
function dueTime(record: Omit<DeliveryRecord, 'etag'>): Date {
  return record.state === 'delivering' ? (record.leaseUntil ?? record.nextAttemptAt) : record.nextAttemptAt;
}

function dueEntry(record: Omit<DeliveryRecord, 'etag'>): DueEntry {
  return { tenantId: record.tenantId, recordKey: deliveryKeyOf(record), dueAt: dueTime(record) };
}

/**
 * Whether `next` needs a due row of its own: it is waiting for an attempt,
 * and the row `current` has (in a bucket no later than `current`'s due
 * time) would come too late, or `current` had none left (it was finished).
 */
function needsDueRow(current: DeliveryRecord, next: Omit<DeliveryRecord, 'etag'>): boolean {
  if (isFinal(next.state)) return false;
  return isFinal(current.state) || dueBucket(dueTime(next)) < dueBucket(dueTime(current));
}
