import { describe, expect, it } from 'vitest';
import { storageRequestKind } from '../../../scripts/bench/storage-request-counter.js';

describe('storageRequestKind', () => {
  it.each([
    ['POST', '/devstoreaccount1/$batch', 'transaction'],
    ['GET', "/devstoreaccount1/orders(PartitionKey='t1',RowKey='order%7CCSP-1')", 'point read orders'],
    ['GET', '/devstoreaccount1/orders()', 'query orders'],
    ['PATCH', "/devstoreaccount1/orders(PartitionKey='board%7C2026-12',RowKey='1%7Ct%7CCSP-1')", 'write orders board'],
    ['PUT', "/devstoreaccount1/orders(PartitionKey='due%7C2026-12-05T03%3A50',RowKey='t%7Cx')", 'write orders due'],
    ['DELETE', "/devstoreaccount1/orders(PartitionKey='due%7C2026-12-05T03%3A50',RowKey='t%7Cx')", 'delete orders due'],
    ['POST', '/devstoreaccount1/journey', 'insert journey'],
  ])('%s %s is "%s"', (method, path, kind) => {
    expect(storageRequestKind(method, path)).toBe(kind);
  });
});
