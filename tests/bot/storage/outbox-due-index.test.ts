import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxDueIndex, dueBucket } from '../../../bot/storage/outbox-due-index.js';
import type { DueEntry } from '../../../bot/storage/outbox-due-index.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { countingTransport } from './counting-transport.js';
import { freshTable, tenantId } from './fixtures.js';

/**
 * Due rows written and deleted by many commits and deliveries at once share
 * requests (bot/storage/group-commit.ts), and every row still ends up where
 * the invariant of docs/architecture.md ("The outbox") wants it.
 */

let azurite: AzuriteTables;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite?.stop());

const DUE_AT = new Date('2026-12-05T10:00:30.000Z');
const entries = (count: number): DueEntry[] => Array.from({ length: count }, (_, i) => ({ tenantId: tenantId(), recordKey: `order|CSP-${String(i).padStart(8, '0')}|webhook`, dueAt: DUE_AT }));

async function setUp() {
  const { requests, httpClient } = countingTransport();
  const table = await freshTable(azurite.connectionString, createTableStorage(azurite.connectionString, { client: { httpClient } }));
  const rowsInBucket = async (): Promise<number> => {
    let count = 0;
    for await (const _ of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${dueBucket(DUE_AT)}'` } })) count++;
    return count;
  };
  return { requests, index: new OutboxDueIndex(table), rowsInBucket };
}

describe('outbox due index under concurrent commits', () => {
  it('writes the due rows of 30 concurrent commits in fewer requests, every row stored', async () => {
    const { requests, index, rowsInBucket } = await setUp();
    requests.length = 0;

    await Promise.all(entries(30).map((entry) => index.schedule([entry])));

    expect(requests.length).toBeLessThan(30);
    expect(await rowsInBucket()).toBe(30);
  });

  it('deletes the rows of 30 concurrent deliveries in fewer requests than one each', async () => {
    const { requests, index, rowsInBucket } = await setUp();
    const due = entries(30);
    await index.schedule(due);
    requests.length = 0;

    await Promise.all(due.map((entry) => index.forget(entry)));

    expect(requests.length).toBeLessThan(30);
    expect(await rowsInBucket()).toBe(0);
  });

  it('still deletes every row when some in the same transaction are gone already', async () => {
    const { index, rowsInBucket } = await setUp();
    const due = entries(30);
    await index.schedule(due);
    await Promise.all(due.filter((_, i) => i % 3 === 0).map((entry) => index.forget(entry)));

    await Promise.all(due.map((entry) => index.forget(entry)));

    expect(await rowsInBucket()).toBe(0);
  });
});
