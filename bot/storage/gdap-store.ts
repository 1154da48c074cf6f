import { queryAtMost, readRow } from './table-reads.js';
import { odata } from '@azure/data-tables';
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { GdapRelationshipRecord } from '../../src/domain/gdap/gdap-relationship.js';
import { GDAP_STATES } from '../../src/domain/gdap/gdap-status.js';
import { storageStatusCode, toStorageError } from './storage-errors.js';
import { assertKeyPart } from './table-keys.js';

export const GDAP_TABLE = 'gdap';

/** One row per customer tenant: its current relationship. */
const ROW_KEY = 'relationship';

export interface StoredGdap {
  readonly record: GdapRelationshipRecord;
  readonly etag: string;
}

/** Someone else wrote the row since it was read (or created it first): read again. */
export class GdapWriteConflictError extends Error {
  override readonly name = 'GdapWriteConflictError';
}

const nullable = z.string().nullish().transform((value) => value ?? null);
const entitySchema = z.object({
  partitionKey: z.string(),
  etag: z.string(),
  state: z.enum(GDAP_STATES as [string, ...string[]]),
  displayName: z.string(),
  relationshipId: nullable,
  roles: z.string(),
  duration: z.string(),
  autoExtendDuration: z.string(),
  orderId: nullable,
  requestedAt: z.string(),
  activatedAt: nullable,
  endDateTime: nullable,
  refreshedAt: z.string(),
  accessAssignmentId: nullable,
  customerCardSent: z.boolean(),
  activeNoticeSent: z.boolean(),
});

/**
 * The customers' GDAP relationships (docs/architecture.md, 'Storage layout'):
 * table `gdap`, PartitionKey the customer tenant, RowKey `relationship`.
 * Every write is ETag-conditional, so two instances (or a request and a
 * sweep) never overwrite each other's step.
 */
export class GdapStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string): Promise<StoredGdap | undefined> {
    assertKeyPart(tenantId, 'tenant id');
    const entity = await readRow(this.table, tenantId, ROW_KEY, 'reading a GDAP relationship');
    return entity && parse(entity);
  }

  /** Creates the row, or replaces `previous` when given; a conflict means someone else wrote first. */
  async put(record: GdapRelationshipRecord, previous?: StoredGdap): Promise<StoredGdap> {
    assertKeyPart(record.tenantId, 'tenant id');
    const entity = toEntity(record);
    try {
      const answer = previous === undefined
        ? await this.table.createEntity(entity)
        : await this.table.updateEntity(entity, 'Replace', { etag: previous.etag });
      if (answer.etag === undefined) throw new Error('storage answered a write without an ETag');
      return { record, etag: answer.etag };
    } catch (error) {
      const status = storageStatusCode(error);
      if (status === 409 || status === 412) throw new GdapWriteConflictError(`the GDAP row of ${record.tenantId} changed meanwhile`);
      throw toStorageError(error, 'saving a GDAP relationship');
    }
  }

  /** Removes the row when it is still `previous` (a cleaned-up intent). */
  async remove(previous: StoredGdap): Promise<void> {
    try {
      await this.table.deleteEntity(previous.record.tenantId, ROW_KEY, { etag: previous.etag });
    } catch (error) {
      const status = storageStatusCode(error);
      if (status === 404) return;
      if (status === 412) throw new GdapWriteConflictError(`the GDAP row of ${previous.record.tenantId} changed meanwhile`);
      throw toStorageError(error, 'removing a GDAP relationship');
    }
  }

  /**
   * Rows waiting on Graph or the customer (`creating`, `created`,
   * `approvalPending`) or on their follow-up (`active` not yet announced), at most `limit`. A filter on a non-key property reads
   * the whole table; it has one row per customer who was ever asked, and a
   * sweep runs every few minutes, so that stays small.
   */
  async listWaiting(limit: number): Promise<StoredGdap[]> {
    const filter = odata`state eq ${'creating'} or state eq ${'created'} or state eq ${'approvalPending'} or (state eq ${'active'} and activeNoticeSent eq ${false})`;
    return (await queryAtMost(this.table, filter, limit, 'listing waiting GDAP relationships')).map(parse);
  }
}

function toEntity(record: GdapRelationshipRecord) {
  const { tenantId, roles, ...rest } = record;
  return { partitionKey: tenantId, rowKey: ROW_KEY, ...rest, roles: roles.join(',') };
}

function parse(entity: unknown): StoredGdap {
  const row = entitySchema.parse(entity);
  const { partitionKey, etag, roles, state, ...rest } = row;
  return {
    etag,
    record: { ...rest, tenantId: partitionKey, state: state as GdapRelationshipRecord['state'], roles: roles === '' ? [] : roles.split(',') },
  };
}
