import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GdapStore, GdapWriteConflictError } from '../../../bot/storage/gdap-store.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { gdapRecord } from '../../domain/gdap/gdap-fixtures.js';
import { freshTable, tenantId } from './fixtures.js';

let azurite: AzuriteTables;
let store: GdapStore;

beforeAll(async () => {
  azurite = await startAzurite();
  store = new GdapStore(await freshTable(azurite.connectionString));
});
afterAll(() => azurite?.stop());

describe('GdapStore', () => {
  it('stores a record per customer tenant and reads it back whole', async () => {
    const record = gdapRecord({ tenantId: tenantId() });
    await store.put(record);
    expect((await store.get(record.tenantId))?.record).toEqual(record);
  });

  it('refuses a second create and a stale replace', async () => {
    const record = gdapRecord({ tenantId: tenantId() });
    const first = await store.put(record);
    await expect(store.put(record)).rejects.toThrow(GdapWriteConflictError);
    await store.put({ ...record, state: 'created', relationshipId: 'r1' }, first);
    await expect(store.put({ ...record, state: 'approvalPending' }, first)).rejects.toThrow(GdapWriteConflictError);
  });

  it('lists what waits, active rows not yet announced included, and nothing final', async () => {
    const waiting = gdapRecord({ tenantId: tenantId(), state: 'approvalPending', relationshipId: 'r2' });
    const announced = gdapRecord({ tenantId: tenantId(), state: 'active', relationshipId: 'r3', activeNoticeSent: true });
    const unannounced = gdapRecord({ tenantId: tenantId(), state: 'active', relationshipId: 'r4' });
    const expired = gdapRecord({ tenantId: tenantId(), state: 'expired', relationshipId: 'r5' });
    for (const record of [waiting, announced, unannounced, expired]) await store.put(record);

    const tenants = (await store.listWaiting(1000)).map((stored) => stored.record.tenantId);
    expect(tenants).toEqual(expect.arrayContaining([waiting.tenantId, unannounced.tenantId]));
    expect(tenants).not.toContain(announced.tenantId);
    expect(tenants).not.toContain(expired.tenantId);
  });

  it('removes a row only when it is unchanged', async () => {
    const stored = await store.put(gdapRecord({ tenantId: tenantId() }));
    const changed = await store.put({ ...stored.record, state: 'created', relationshipId: 'r6' }, stored);
    await expect(store.remove(stored)).rejects.toThrow(GdapWriteConflictError);
    await store.remove(changed);
    expect(await store.get(stored.record.tenantId)).toBeUndefined();
  });
});
