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
import type { DeliveryRecord } from './delivery-entity.js';

/**
 * Reads and conditionally rewrites outbox records. They live in the orders
 * table, in the tenant's partition, because only there can they be written in
 * the same transaction as the order they deliver.
 */
export class DeliveryStore {
  constructor(private readonly table: TableClient) {}

  /**
   * Records due now across all tenants: pending ones whose next attempt is
   * due, and claimed ones whose lease ran out (their worker died).
   */
  async findDue(now: Date, limit: number): Promise<DeliveryRecord[]> {
    const filter = odata`kind eq ${DELIVERY_KIND} and ((state eq ${'pending'} and nextAttemptAt le ${now}) or (state eq ${'delivering'} and leaseUntil le ${now}))`;
    const due: DeliveryRecord[] = [];
    if (limit <= 0) return due;
    try {
      for await (const entity of this.table.listEntities({ queryOptions: { filter } })) {
        due.push(parseDeliveryEntity(entity));
        if (due.length >= limit) break;
      }
    } catch (error) {
      throw toStorageError(error, 'finding due deliveries');
    }
    return due;
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
    try {
      const { etag } = await this.write(current, next);
      if (etag === undefined) throw new Error('storage answered an update without an ETag');
      return { ...next, etag };
    } catch (error) {
      const status = storageStatusCode(error);
      if (status === 412 || status === 404) return undefined;
      throw toStorageError(error, 'updating a delivery');
    }
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
