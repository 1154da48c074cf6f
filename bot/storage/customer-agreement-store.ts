import { queryAtMost, readRow } from './table-reads.js';
import { odata } from '@azure/data-tables';
import type { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { CustomerAgreementAcceptance } from '../../src/domain/customer-agreement/customer-agreement.js';
import type { PartnerCenterHandOff } from './customer-agreement-entity.js';
import {
  acceptanceEntity,
  CURRENT_ROW_KEY,
  HAND_OFF_ROW_KEY,
  handOffEntity,
  parseHandOffEntity,
  HISTORY_ROWS,
  historyRowKey,
  parseAcceptanceEntity,
} from './customer-agreement-entity.js';
import { toStorageError } from './storage-errors.js';
import { assertKeyPart } from './table-keys.js';

export const CUSTOMER_AGREEMENTS_TABLE = 'customeragreements';

export type { PartnerCenterHandOff } from './customer-agreement-entity.js';

/** The most history rows one read returns, whatever the caller asks. */
export const HISTORY_READ_MAX = 100;

/**
 * Each customer tenant's Microsoft Customer Agreement acceptance
 * (docs/architecture.md, 'Storage layout'): the current one and its history.
 * Accepting again replaces the current row and adds a history row, in one
 * transaction. Every read is a point read or a bounded range of one partition.
 */
export class CustomerAgreementStore {
  constructor(private readonly table: TableClient) {}

  /** The tenant's acceptance in force, or undefined when it never accepted. */
  async get(tenantId: string): Promise<CustomerAgreementAcceptance | undefined> {
    assertKeyPart(tenantId, 'tenant id');
    const entity = await readRow(this.table, tenantId, CURRENT_ROW_KEY, 'reading the customer agreement acceptance');
    return entity && parseAcceptanceEntity(entity);
  }

  /** Stores a new acceptance as the current one and keeps it in the history. */
  async accept(acceptance: CustomerAgreementAcceptance): Promise<CustomerAgreementAcceptance> {
    try {
      await this.table.submitTransaction([
        ['upsert', acceptanceEntity(acceptance, CURRENT_ROW_KEY), 'Replace'],
        ['create', acceptanceEntity(acceptance, historyRowKey(acceptance.acceptedAt, randomUUID()))],
      ]);
    } catch (error) {
      throw toStorageError(error, 'storing the customer agreement acceptance');
    }
    return acceptance;
  }

  /** The latest hand-off of the tenant's acceptance to Partner Center, if any. */
  async getHandOff(tenantId: string): Promise<PartnerCenterHandOff | undefined> {
    assertKeyPart(tenantId, 'tenant id');
    const entity = await readRow(this.table, tenantId, HAND_OFF_ROW_KEY, 'reading the Partner Center hand-off');
    return entity && parseHandOffEntity(entity);
  }

  async saveHandOff(tenantId: string, handOff: PartnerCenterHandOff): Promise<void> {
    try {
      await this.table.upsertEntity(handOffEntity(tenantId, handOff), 'Replace');
    } catch (error) {
      throw toStorageError(error, 'saving the Partner Center hand-off');
    }
  }

  /** The tenant's acceptances, newest first, at most `limit` (capped at `HISTORY_READ_MAX`). */
  async history(tenantId: string, limit: number): Promise<CustomerAgreementAcceptance[]> {
    assertKeyPart(tenantId, 'tenant id');
    const filter = odata`PartitionKey eq ${tenantId} and RowKey ge ${HISTORY_ROWS.from} and RowKey lt ${HISTORY_ROWS.below}`;
    const rows = await queryAtMost(this.table, filter, Math.min(limit, HISTORY_READ_MAX), 'reading the customer agreement history');
    return rows.map(parseAcceptanceEntity);
  }
}
