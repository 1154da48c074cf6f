import type { TableClient } from '@azure/data-tables';
import { storageStatusCode, toStorageError } from './storage-errors.js';

/** A row as Table Storage returns it, before a store parses it. */
export type StoredRow = Record<string, unknown>;

/** Table Storage answers at most 1 000 entities a page. */
const MAX_PAGE_SIZE = 1_000;

/** One row by its keys; `undefined` when there is none. An outage becomes a `StorageUnavailableError` naming `operation`. */
export async function readRow(table: TableClient, partitionKey: string, rowKey: string, operation: string): Promise<StoredRow | undefined> {
  try {
    return await table.getEntity(partitionKey, rowKey);
  } catch (error) {
    if (storageStatusCode(error) === 404) return undefined;
    throw toStorageError(error, operation);
  }
}

/** At most `limit` rows matching `filter`, asked of storage as the page size, so no more cross the wire. */
export async function queryAtMost(table: TableClient, filter: string, limit: number, operation: string): Promise<StoredRow[]> {
  const found: StoredRow[] = [];
  if (limit <= 0) return found;
  try {
    const pages = table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(limit, MAX_PAGE_SIZE) });
    for await (const page of pages) {
      for (const entity of page) {
        found.push(entity);
        if (found.length >= limit) return found;
      }
    }
  } catch (error) {
    throw toStorageError(error, operation);
  }
  return found;
}
