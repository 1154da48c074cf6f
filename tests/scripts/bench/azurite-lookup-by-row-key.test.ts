import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TableClient } from '@azure/data-tables';
import type { TransactionAction } from '@azure/data-tables';
import { BY_KEY_NODE_OPTIONS } from '../../../scripts/bench/growth.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';

/**
 * The bench seeds its growth table through an Azurite that looks entities up
 * by RowKey first (scripts/bench/azurite-lookup-by-row-key.mjs): it must
 * answer as stock Azurite does, and a stock one restarted on its folder must
 * find everything it wrote.
 */

const TABLE = 'lookup';
let azurite: AzuriteTables;
let table: TableClient;

beforeAll(async () => {
  azurite = await startAzurite({ nodeOptions: BY_KEY_NODE_OPTIONS });
  table = TableClient.fromConnectionString(azurite.connectionString, TABLE, { allowInsecureConnection: true });
  await table.createTable();
});

afterAll(async () => {
  await azurite?.stop();
});

it('keeps a row key apart in each partition, refuses a duplicate, and hands the rows to a stock Azurite', async () => {
  const [first, second] = [randomUUID(), randomUUID()];
  const rows = (partitionKey: string, label: string): TransactionAction[] =>
    Array.from({ length: 50 }, (_, i) => ['create', { partitionKey, rowKey: `row|${String(i).padStart(3, '0')}`, label }]);
  await table.submitTransaction(rows(first, 'first'));
  await table.submitTransaction(rows(second, 'second'));

  expect((await table.getEntity<{ label: string }>(second, 'row|007')).label).toBe('second');
  expect((await table.getEntity<{ label: string }>(first, 'row|007')).label).toBe('first');
  await expect(table.createEntity({ partitionKey: first, rowKey: 'row|049', label: 'again' })).rejects.toMatchObject({ statusCode: 409 });
  await expect(table.getEntity(first, 'row|050')).rejects.toMatchObject({ statusCode: 404 });
  await table.upsertEntity({ partitionKey: second, rowKey: 'row|000', label: 'replaced' }, 'Replace');

  await azurite.halt();
  await azurite.restart({ nodeOptions: [] });
  expect((await table.getEntity<{ label: string }>(second, 'row|000')).label).toBe('replaced');
  expect((await table.getEntity<{ label: string }>(first, 'row|000')).label).toBe('first');
  let listed = 0;
  for await (const _ of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${second}'` } })) listed++;
  expect(listed).toBe(50);
});
