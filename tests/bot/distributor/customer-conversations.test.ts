import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerConversations } from '../../../bot/distributor/customer-conversations.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { tenantId } from '../storage/fixtures.js';
import { customerAdmin, freshStore, personalReference } from './distributor-fixtures.js';

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

async function setUp(options: { readonly cacheSize?: number } = {}) {
  const { store } = await freshStore(azurite.connectionString);
  let now = new Date('2026-05-01T09:00:00.000Z');
  const directory = new CustomerConversations({ store, clock: () => now, ...options });
  const advanceMinutes = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  return { store, directory, advanceMinutes };
}

describe('CustomerConversations.remember', () => {
  it('stores the chat with the admin\'s locale and name', async () => {
    const { store, directory } = await setUp();
    const tenant = tenantId();

    await directory.remember({ actor: customerAdmin(tenant, { locale: 'en' }), conversation: personalReference('a:chat') });

    expect(await store.listPersonal(tenant, 10)).toEqual([
      {
        tenantId: tenant,
        teamsUserId: '29:1customer-ivanov',
        userId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        name: 'Иванов Иван Иванович',
        locale: 'en',
        conversation: personalReference('a:chat'),
        lastSeenAt: new Date('2026-05-01T09:00:00.000Z'),
      },
    ]);
  });

  it('skips the write for the same chat within an hour, and writes again after it', async () => {
    const { store, directory, advanceMinutes } = await setUp();
    const tenant = tenantId();
    const request = { actor: customerAdmin(tenant), conversation: personalReference('a:chat') };
    await directory.remember(request);

    advanceMinutes(59);
    await directory.remember(request);
    expect((await store.listPersonal(tenant, 1))[0]?.lastSeenAt).toEqual(new Date('2026-05-01T09:00:00.000Z'));

    advanceMinutes(2);
    await directory.remember(request);
    expect((await store.listPersonal(tenant, 1))[0]?.lastSeenAt).toEqual(new Date('2026-05-01T10:01:00.000Z'));
  });

  it('writes at once when the locale or the reference changed', async () => {
    const { store, directory, advanceMinutes } = await setUp();
    const tenant = tenantId();
    await directory.remember({ actor: customerAdmin(tenant), conversation: personalReference('a:chat') });

    advanceMinutes(1);
    await directory.remember({ actor: customerAdmin(tenant, { locale: 'en' }), conversation: personalReference('a:chat') });
    expect((await store.listPersonal(tenant, 1))[0]?.locale).toBe('en');

    advanceMinutes(1);
    await directory.remember({ actor: customerAdmin(tenant, { locale: 'en' }), conversation: personalReference('a:new-chat') });
    expect((await store.listPersonal(tenant, 1))[0]?.conversation).toEqual(personalReference('a:new-chat'));
  });

  it('forgets the least recently seen admin beyond cacheSize, and then writes their chat again', async () => {
    const { store, directory, advanceMinutes } = await setUp({ cacheSize: 2 });
    const tenant = tenantId();
    const first = { actor: customerAdmin(tenant), conversation: personalReference('a:first') };
    const second = { actor: customerAdmin(tenant, { teamsUserId: '29:1second' }), conversation: personalReference('a:second') };
    const third = { actor: customerAdmin(tenant, { teamsUserId: '29:1third' }), conversation: personalReference('a:third') };
    const lastSeen = async (teamsUserId: string) =>
      (await store.listPersonal(tenant, 10)).find((row) => row.teamsUserId === teamsUserId)?.lastSeenAt;
    await directory.remember(first);
    await directory.remember(second);

    advanceMinutes(1);
    // Seen again (no write), so the second admin is now the least recently seen.
    await directory.remember(first);
    await directory.remember(third);
    advanceMinutes(1);
    await directory.remember(first);
    await directory.remember(second);

    expect(await lastSeen('29:1customer-ivanov')).toEqual(new Date('2026-05-01T09:00:00.000Z'));
    expect(await lastSeen('29:1second')).toEqual(new Date('2026-05-01T09:02:00.000Z'));
  });

  it('keeps the admins of a tenant apart', async () => {
    const { store, directory } = await setUp();
    const tenant = tenantId();
    await directory.remember({ actor: customerAdmin(tenant), conversation: personalReference('a:first') });
    await directory.remember({ actor: customerAdmin(tenant, { teamsUserId: '29:1second' }), conversation: personalReference('a:second') });

    expect((await store.listPersonal(tenant, 10)).map((row) => row.teamsUserId).sort()).toEqual(['29:1customer-ivanov', '29:1second']);
  });
});
