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
