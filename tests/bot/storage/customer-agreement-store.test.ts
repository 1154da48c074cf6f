import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableClient } from '@azure/data-tables';
import { CustomerAgreementStore, HISTORY_READ_MAX } from '../../../bot/storage/customer-agreement-store.js';
import { StorageUnavailableError } from '../../../bot/storage/storage-errors.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { acceptance } from '../../support/customer-agreement-fixtures.js';
import { freshTable, tenantId } from './fixtures.js';

let azurite: AzuriteTables;
let table: TableClient;
let store: CustomerAgreementStore;

beforeAll(async () => {
  azurite = await startAzurite();
  table = await freshTable(azurite.connectionString);
  store = new CustomerAgreementStore(table);
});

afterAll(async () => {
  await azurite?.stop();
});

describe('CustomerAgreementStore', () => {
  it('has nothing for a tenant that never accepted', async () => {
    const tenant = tenantId();
    expect(await store.get(tenant)).toBeUndefined();
    expect(await store.history(tenant, 10)).toEqual([]);
  });

  it('returns the acceptance as stored, optional fields included or left out', async () => {
    const tenant = tenantId();
    const full = acceptance(tenant, {
      evidence: { channel: 'chat', tenantId: tenant, userId: 'aad-1', teamsUserId: '29:1abc', userName: 'Мария' },
    });
    await store.accept(full);
    expect(await store.get(tenant)).toEqual(full);

    const other = tenantId();
    const bare = acceptance(other, {
      signatory: { lastName: 'Smith', firstName: 'Anna', email: 'anna@contoso.com' },
      evidence: { channel: 'tab', tenantId: other, userId: 'aad-2' },
    });
    await store.accept(bare);
    expect(await store.get(other)).toEqual(bare);
  });

  it('replaces the current acceptance when accepted again and keeps every one in the history, newest first', async () => {
    const tenant = tenantId();
    const first = acceptance(tenant, { acceptedAt: '2026-11-20T09:30:00.000Z' });
    const second = acceptance(tenant, {
      acceptedAt: '2026-11-25T12:00:00.000Z',
      signatory: { lastName: 'Петров', firstName: 'Пётр', email: 'p.petrov@romashka.ru' },
    });
    await store.accept(first);
    await store.accept(second);
    expect(await store.get(tenant)).toEqual(second);
    expect(await store.history(tenant, 10)).toEqual([second, first]);
    expect(await store.history(tenant, 1)).toEqual([second]);
  });

  it('keeps tenants apart', async () => {
    const a = tenantId();
    const b = tenantId();
    await store.accept(acceptance(a));
    expect(await store.get(b)).toBeUndefined();
    expect(await store.history(b, 10)).toEqual([]);
  });

  it('reads at most HISTORY_READ_MAX history rows, whatever it is asked', async () => {
    const tenant = tenantId();
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < HISTORY_READ_MAX + 2; i++) {
      await store.accept(acceptance(tenant, { acceptedAt: new Date(base + i * 60_000).toISOString() }));
    }
    const rows = await store.history(tenant, 1_000);
    expect(rows).toHaveLength(HISTORY_READ_MAX);
    expect(rows[0]?.acceptedAt).toBe(new Date(base + (HISTORY_READ_MAX + 1) * 60_000).toISOString());
  });

  it('refuses a tenant id that cannot be a key, before any request', async () => {
    await expect(store.get('a/b')).rejects.toThrow(RangeError);
  });

  it('reports a malformed row as a bug with its key, not as an outage', async () => {
    const tenant = tenantId();
    await table.upsertEntity({ partitionKey: tenant, rowKey: 'current', lastName: 'X' }, 'Replace');
    const read = store.get(tenant);
    await expect(read).rejects.toThrow(`customer agreement row ${tenant}/current is malformed`);
    await expect(read).rejects.not.toBeInstanceOf(StorageUnavailableError);
  });

  it('surfaces unreachable storage as StorageUnavailableError', async () => {
    const { createTableStorage } = await import('../../../bot/storage/table-storage.js');
    const unreachable = createTableStorage(
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UOhYKxYvsiLW9gwHdH7DE1rtL9Tp7r+Hrsmg==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;',
      { retry: { maxRetries: 0, retryDelayInMs: 1, maxRetryDelayInMs: 1 } },
    );
    const offline = new CustomerAgreementStore(unreachable.table('customeragreements'));
    await expect(offline.get(tenantId())).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
