import { createHttpHeaders } from '@azure/core-rest-pipeline';
import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../../bot/storage/storage-errors.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { freePort } from '../../../scripts/lib/network.js';

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

const fastFail = { retry: { maxRetries: 0, retryDelayInMs: 10, maxRetryDelayInMs: 10 }, startTimeoutMs: 5_000 };

describe('createTableStorage', () => {
  it('creates tables idempotently and reports ready', async () => {
    const storage = createTableStorage(azurite.connectionString);
    await storage.ensureTables(['orders', 'conversations']);
    await storage.ensureTables(['orders']);

    await storage.table('orders').createEntity({ partitionKey: 'p', rowKey: 'r', value: 1 });
    expect((await storage.table('orders').getEntity('p', 'r'))['value']).toBe(1);
    expect(storage.table('orders')).toBe(storage.table('orders'));
    await expect(storage.readiness('orders').check()).resolves.toBeUndefined();
    expect(storage.readiness('orders').name).toBe('storage');
    expect(storage.endpoint).toBe(azurite.tableEndpoint);
  });

  it('says how to fix an unreachable local storage at start', async () => {
    const endpoint = azurite.tableEndpoint.replace(String(azurite.port), String(await freePort()));
    const storage = createTableStorage(azurite.connectionString.replace(azurite.tableEndpoint, endpoint), fastFail);

    const start = storage.ensureTables(['orders']);
    await expect(start).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(start).rejects.toThrow(
      `Azure Table Storage is not reachable at ${endpoint}: is Azurite running? (npm start starts it)`,
    );
  });

  it('fails the readiness check when storage goes away', async () => {
    const own = await startAzurite();
    const storage = createTableStorage(own.connectionString, fastFail);
    await storage.ensureTables(['orders']);
    const readiness = storage.readiness('orders', 1_000);
    await readiness.check();

    await own.stop();

    await expect(readiness.check()).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('rejects a malformed connection string at once', () => {
    expect(() => createTableStorage('not a connection string')).toThrow();
  });
});

describe('createTableStorage with a managed identity (no key, no Azure needed)', () => {
  const ACCOUNT_URL = 'https://csponb3f9a1c.table.core.windows.net';

  /** Records what the SDK would send to Azure, and answers like the Table service. */
  function recordingTransport(status: number) {
    const sent: { method: string; url: string; authorization: string | undefined }[] = [];
    const httpClient: HttpClient = {
      async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
        sent.push({ method: request.method, url: request.url, authorization: request.headers.get('authorization') });
        return { request, status, headers: createHttpHeaders({ 'content-type': 'application/json' }), bodyAsText: status === 403 ? '{"odata.error":{"code":"AuthorizationPermissionMismatch","message":{"lang":"en-US","value":"This request is not authorized to perform this operation using this permission."}}}' : '' };
      },
    };
    return { sent, httpClient };
  }

  /** A stand-in for the managed identity: hands out a token and remembers the scopes asked for. */
  function fakeCredential() {
    const scopes: string[][] = [];
    const credential: TokenCredential = {
      async getToken(requested) {
        scopes.push(Array.isArray(requested) ? [...requested] : [requested]);
        return { token: 'mi-token', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    return { scopes, credential };
  }

  it('signs every request with an Entra token for Azure Storage, over https, at the account URL', async () => {
    const { sent, httpClient } = recordingTransport(204);
    const { scopes, credential } = fakeCredential();
    const storage = createTableStorage({ accountUrl: ACCOUNT_URL, credential }, { ...fastFail, client: { httpClient } });

    await storage.ensureTables(['orders']);

    expect(storage.endpoint).toBe(ACCOUNT_URL);
    expect(storage.table('orders').url).toBe(ACCOUNT_URL);
    expect(scopes).toEqual([['https://storage.azure.com/.default']]);
    expect(sent).toEqual([{ method: 'POST', url: `${ACCOUNT_URL}/Tables`, authorization: 'Bearer mi-token' }]);
  });

  it('says which role is missing when the account refuses the identity', async () => {
    const { httpClient } = recordingTransport(403);
    const storage = createTableStorage({ accountUrl: ACCOUNT_URL, credential: fakeCredential().credential }, { ...fastFail, client: { httpClient } });

    await expect(storage.ensureTables(['orders'])).rejects.toThrow('assign it the role "Storage Table Data Contributor"');
  });
});
