import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../bot/storage/group-commit.js';
import { storageStatusCode } from '../../../bot/storage/storage-errors.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { CountedTable, freshTable } from './fixtures.js';

let azurite: AzuriteTables;
let table: TableClient;
/** The same table through an HTTP client that counts requests. */
let counted: CountedTable;

beforeAll(async () => {
  azurite = await startAzurite();
  table = await freshTable(azurite.connectionString);
  counted = new CountedTable(azurite.connectionString, table.tableName);
});

afterAll(async () => {
  await azurite?.stop();
});

function row(partitionKey: string, rowKey: string, value = 1) {
  return { partitionKey, rowKey, value };
}

async function valueOf(partitionKey: string, rowKey: string): Promise<unknown> {
  try {
    return (await table.getEntity(partitionKey, rowKey))['value'];
  } catch (error) {
    if (storageStatusCode(error) === 404) return undefined;
    throw error;
  }
}

describe('GroupCommit', () => {
  it('sends a lone write at once and the writes that arrive meanwhile together, each answered with its ETag', async () => {
    const group = new GroupCommit(counted.table);
    const partition = randomUUID();
    counted.requests = 0;
    const first = group.write({ kind: 'upsert', entity: row(partition, 'a'), mode: 'Replace' });
    await new Promise((resolve) => setImmediate(resolve));
    const rest = ['b', 'c', 'd', 'e', 'f'].map((key) => group.write({ kind: 'upsert', entity: row(partition, key), mode: 'Replace' }));
    const etags = await Promise.all([first, ...rest]);

    expect(counted.requests).toBe(2);
    expect(etags.every((etag) => typeof etag === 'string' && etag.length > 0)).toBe(true);
    // An ETag answered from the transaction is the row's: a conditional update with it succeeds.
    await table.updateEntity(row(partition, 'c', 2), 'Merge', { etag: etags[2] ?? '' });
    expect(await valueOf(partition, 'c')).toBe(2);
  });

  it('sends writes made together in one request', async () => {
    const group = new GroupCommit(counted.table);
    const partition = randomUUID();
    counted.requests = 0;
    await Promise.all(['a', 'b', 'c'].map((key) => group.write({ kind: 'upsert', entity: row(partition, key), mode: 'Replace' })));
    expect(counted.requests).toBe(1);
    expect(await valueOf(partition, 'b')).toBe(1);
  });

  it('gives a refused write its own error and stores the others of its group', async () => {
    const group = new GroupCommit(table);
    const partition = randomUUID();
    const stale = (await table.upsertEntity(row(partition, 'x'), 'Replace')).etag ?? '';
    await table.updateEntity(row(partition, 'x', 5), 'Replace');

    const results = await Promise.allSettled([
      group.write({ kind: 'upsert', entity: row(partition, 'y'), mode: 'Replace' }),
      group.write({ kind: 'update', entity: row(partition, 'x', 9), mode: 'Replace', etag: stale }),
      group.write({ kind: 'delete', partitionKey: partition, rowKey: 'missing' }),
      group.write({ kind: 'upsert', entity: row(partition, 'z'), mode: 'Replace' }),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(results[1]?.status === 'rejected' && storageStatusCode(results[1].reason)).toBe(412);
    expect(results[2]?.status === 'rejected' && storageStatusCode(results[2].reason)).toBe(404);
    expect(await valueOf(partition, 'x')).toBe(5);
    expect(await valueOf(partition, 'y')).toBe(1);
    expect(await valueOf(partition, 'z')).toBe(1);
  });

  it('never puts two writes to one row in a group, and keeps their order', async () => {
    const group = new GroupCommit(table);
    const partition = randomUUID();
    await Promise.all([1, 2, 3].map((value) => group.write({ kind: 'upsert', entity: row(partition, 'same', value), mode: 'Replace' })));
    expect(await valueOf(partition, 'same')).toBe(3);
  });

  it('keeps partitions apart', async () => {
    const group = new GroupCommit(counted.table);
    const [one, two] = [randomUUID(), randomUUID()];
    counted.requests = 0;
    await Promise.all([
      group.write({ kind: 'upsert', entity: row(one, 'a'), mode: 'Replace' }),
      group.write({ kind: 'upsert', entity: row(two, 'a'), mode: 'Replace' }),
      group.write({ kind: 'delete', partitionKey: one, rowKey: 'a' }),
    ]);
    expect(counted.requests).toBe(3);
    expect(await valueOf(one, 'a')).toBeUndefined();
    expect(await valueOf(two, 'a')).toBe(1);
  });
});
