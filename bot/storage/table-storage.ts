import { TableClient } from '@azure/data-tables';
import type { TableServiceClientOptions } from '@azure/data-tables';
import type { ReadinessCheck } from './readiness-check.js';
import { StorageUnavailableError, isStorageUnavailable } from './storage-errors.js';

export interface TableStorage {
  /** The account endpoint, for messages and logs (no secrets). */
  readonly endpoint: string;
  /** A client for one table; clients are cached, one per name. */
  table(name: string): TableClient;
  /**
   * Creates the tables that do not exist yet. Meant for start-up: an
   * unreachable storage becomes a `StorageUnavailableError` that says what to do.
   */
  ensureTables(names: readonly string[]): Promise<void>;
  /** A cheap query against `table`, aborted after `timeoutMs`. */
  readiness(table: string, timeoutMs?: number): ReadinessCheck;
}

export interface TableStorageOptions {
  /**
   * Retries inside the SDK for transient failures. Kept short by default: a
   * user waits on the submit path, and the outbox has its own retries.
   */
  readonly retry?: { readonly maxRetries: number; readonly retryDelayInMs: number; readonly maxRetryDelayInMs: number };
  /** How long `ensureTables` may take before storage counts as unreachable. */
  readonly startTimeoutMs?: number;
}

const DEFAULT_RETRY = { maxRetries: 2, retryDelayInMs: 300, maxRetryDelayInMs: 3_000 };
const READINESS_PROBE_PARTITION = 'readiness-probe';

/**
 * Table clients from a connection string (an Azure account or Azurite's
 * development connection string; `http` endpoints such as Azurite's are
 * allowed because the SDK otherwise refuses to sign requests over http).
 */
export function createTableStorage(connectionString: string, options: TableStorageOptions = {}): TableStorage {
  const clientOptions: TableServiceClientOptions = { retryOptions: options.retry ?? DEFAULT_RETRY };
  const startTimeoutMs = options.startTimeoutMs ?? 15_000;
  // Parsing the connection string up front turns a malformed one into an
  // error at start, not at the first request.
  const endpoint = TableClient.fromConnectionString(connectionString, 'probe', clientOptions).url;
  const allowInsecureConnection = endpoint.startsWith('http:');
  const clients = new Map<string, TableClient>();

  const table = (name: string): TableClient => {
    let client = clients.get(name);
    if (!client) {
      client = TableClient.fromConnectionString(connectionString, name, {
        ...clientOptions,
        allowInsecureConnection,
      });
      clients.set(name, client);
    }
    return client;
  };

  const unreachable = (error: unknown): StorageUnavailableError => {
    const local = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(endpoint);
    const hint = local
      ? 'is Azurite running? (npm start starts it)'
      : 'check the storage connection string and the network';
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return new StorageUnavailableError(
      `Azure Table Storage is not reachable at ${endpoint}: ${hint}. Cause: ${detail}`,
      { cause: error },
    );
  };

  return {
    endpoint,
    table,
    async ensureTables(names) {
      const abortSignal = AbortSignal.timeout(startTimeoutMs);
      try {
        // createTable ignores "TableAlreadyExists", so this is idempotent.
        await Promise.all(names.map((name) => table(name).createTable({ abortSignal })));
      } catch (error) {
        throw isStorageUnavailable(error) ? unreachable(error) : error;
      }
    },
    readiness(tableName, timeoutMs = 2_000) {
      return {
        name: 'storage',
        async check() {
          const pages = table(tableName)
            .listEntities({
              queryOptions: { filter: `PartitionKey eq '${READINESS_PROBE_PARTITION}'`, select: ['RowKey'] },
              abortSignal: AbortSignal.timeout(timeoutMs),
            })
            .byPage({ maxPageSize: 1 });
          try {
            await pages.next();
          } catch (error) {
            throw isStorageUnavailable(error) ? unreachable(error) : error;
          }
        },
      };
    },
  };
}
