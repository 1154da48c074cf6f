import { TableClient } from '@azure/data-tables';
import type { TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { ReadinessCheck } from './readiness-check.js';
import { StorageUnavailableError, isStorageUnavailable, storageStatusCode, withoutUrlQueries } from './storage-errors.js';

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
  /** Further SDK options (tests pass an `httpClient` here to see the requests). */
  readonly client?: Pick<TableServiceClientOptions, 'httpClient'>;
}

/**
 * The storage account: by connection string (Azurite, or an account that
 * allows shared keys), or by its table endpoint and an Entra credential (a
 * managed identity in Azure, where the account refuses shared keys).
 */
export type TableStorageTarget =
  | { readonly connectionString: string }
  | { readonly accountUrl: string; readonly credential: TokenCredential };

const DEFAULT_RETRY = { maxRetries: 2, retryDelayInMs: 300, maxRetryDelayInMs: 3_000 };
const READINESS_PROBE_PARTITION = 'readiness-probe';

/**
 * Table clients for one account (a string is a connection string). With a
 * connection string (an Azure account or Azurite's development connection
 * string) `http` endpoints such as Azurite's are allowed, because the SDK
 * otherwise refuses to sign requests over http. With an account URL every
 * request carries an Entra token for `https://storage.azure.com/.default`,
 * which the SDK sends over https only.
 */
export function createTableStorage(account: string | TableStorageTarget, options: TableStorageOptions = {}): TableStorage {
  const target: TableStorageTarget = typeof account === 'string' ? { connectionString: account } : account;
  const clientOptions: TableServiceClientOptions = { retryOptions: options.retry ?? DEFAULT_RETRY, ...options.client };
  const startTimeoutMs = options.startTimeoutMs ?? 15_000;
  // Parsing the connection string up front turns a malformed one into an
  // error at start, not at the first request.
  const endpoint =
    'credential' in target ? target.accountUrl : TableClient.fromConnectionString(target.connectionString, 'probe', clientOptions).url;
  const allowInsecureConnection = endpoint.startsWith('http:');
  const newClient = (name: string): TableClient =>
    'credential' in target
      ? new TableClient(target.accountUrl, name, target.credential, clientOptions)
      : TableClient.fromConnectionString(target.connectionString, name, { ...clientOptions, allowInsecureConnection });
  const clients = new Map<string, TableClient>();

  const table = (name: string): TableClient => {
    let client = clients.get(name);
    if (!client) {
      client = newClient(name);
      clients.set(name, client);
    }
    return client;
  };

  const unreachable = (error: unknown): StorageUnavailableError => {
    const local = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(endpoint);
    const hint = local
      ? 'is Azurite running? (npm start starts it)'
      : 'credential' in target
        ? 'check AZURE_STORAGE_ACCOUNT_URL, the network, and that the managed identity has the role "Storage Table Data Contributor" on the account'
        : 'check the storage connection string and the network';
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return new StorageUnavailableError(
      withoutUrlQueries(`Azure Table Storage is not reachable at ${endpoint}: ${hint}. Cause: ${detail}`),
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
        if (isStorageUnavailable(error)) throw unreachable(error);
        if ('credential' in target && storageStatusCode(error) === 403) {
          // A role assignment can take minutes to apply after provisioning.
          throw new Error(
            `Table Storage at ${endpoint} refused the managed identity (403): assign it the role "Storage Table Data Contributor" on the account, or wait a few minutes after provisioning`,
            { cause: error },
          );
        }
        throw error;
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
