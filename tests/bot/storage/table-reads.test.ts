import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { queryAtMost, readRow } from '../../../bot/storage/table-reads.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';

const TABLE = 'tablereads';
let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
  await createTableStorage(azurite.connectionString).ensureTables([TABLE]);
}, 60_000);

afterAll(async () => {
  await azurite?.stop();
});

const table = () => createTableStorage(azurite.connectionString).table(TABLE);

describe('readRow', () => {
  it('answers the row by its keys, and undefined when there is none', async () => {
    const partitionKey = randomUUID();
    await table().createEntity({ partitionKey, rowKey: 'a', value: 'kept' });
    expect(await readRow(table(), partitionKey, 'a', 'reading a row')).toMatchObject({ value: 'kept' });
    expect(await readRow(table(), partitionKey, 'b', 'reading a row')).toBeUndefined();
  });
});

describe('queryAtMost', () => {
  it('reads at most the limit, across pages, and nothing for a limit of 0', async () => {
    const partitionKey = randomUUID();
    await table().submitTransaction(Array.from({ length: 7 }, (_, i) => ['create', { partitionKey, rowKey: `r${i}` }] as const));
    const filter = odata`PartitionKey eq ${partitionKey}`;
    expect((await queryAtMost(table(), filter, 5, 'listing rows')).map((row) => row['rowKey'])).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(await queryAtMost(table(), filter, 50, 'listing rows')).toHaveLength(7);
    expect(await queryAtMost(table(), filter, 0, 'listing rows')).toEqual([]);
  });
});
