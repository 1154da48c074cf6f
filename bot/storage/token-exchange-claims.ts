import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { storageStatusCode, toStorageError } from './storage-errors.js';
import { assertKeyPart } from './table-keys.js';

/**
 * `signin/tokenExchange` ids already taken, shared by every instance of the
 * server: Teams sends the same exchange from each of the user's clients, and
 * App Service may route the copies to different instances, so only a row
 * whose create succeeds makes an instance the one that does the exchange.
 * Rows live in the conversations table, in the tenant's partition, as
 * `exchange|{SHA-256 of the id}` (the id is the client's echo of ours, so
 * it is hashed into a key-safe form). Point reads and writes only.
 */
export class TokenExchangeClaims {
  constructor(
    private readonly table: TableClient,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Takes `id` for the caller; false when any instance took it first. */
  async claim(tenantId: string, id: string): Promise<boolean> {
    assertKeyPart(tenantId, 'tenant id');
    try {
      await this.table.createEntity({ partitionKey: tenantId, rowKey: exchangeRowKey(id), kind: EXCHANGE_CLAIM_KIND, claimedAt: this.clock() });
      return true;
    } catch (error) {
      if (storageStatusCode(error) === 409) return false;
      throw toStorageError(error, 'claiming a token exchange');
    }
  }

  /** Gives `id` back (its exchange failed), so a later copy may try again. */
  async release(tenantId: string, id: string): Promise<void> {
    assertKeyPart(tenantId, 'tenant id');
    try {
      await this.table.deleteEntity(tenantId, exchangeRowKey(id));
    } catch (error) {
      if (storageStatusCode(error) === 404) return;
      throw toStorageError(error, 'releasing a token exchange');
    }
  }
}

export const EXCHANGE_CLAIM_KIND = 'exchangeClaim';

function exchangeRowKey(id: string): string {
  return `exchange|${createHash('sha256').update(id).digest('base64url')}`;
}
