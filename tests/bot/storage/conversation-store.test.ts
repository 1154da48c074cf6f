import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azuriteConnectionString } from '../../../bot/config.js';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { personalEntity } from '../../../bot/storage/conversation-entity.js';
import { ConversationStore } from '../../../bot/storage/conversation-store.js';
import type { PersonalConversation } from '../../../bot/storage/conversation-store.js';
import { StorageUnavailableError } from '../../../bot/storage/storage-errors.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { freshTable, tenantId } from './fixtures.js';

let azurite: AzuriteTables;
let store: ConversationStore;

beforeAll(async () => {
  azurite = await startAzurite();
  store = new ConversationStore(await freshTable(azurite.connectionString));
});

afterAll(async () => {
  await azurite?.stop();
});

function reference(conversationId: string, extra: Record<string, unknown> = {}) {
  return {
    user: { id: '29:1user', name: 'Иванов Иван' },
    bot: { id: '28:bot', name: 'CSP Onboarding' },
    conversation: { id: conversationId, conversationType: 'channel', tenantId: 'tenant', isGroup: true },
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    ...extra,
  };
}

function personal(tenant: string, teamsUserId: string, lastSeenAt: string, overrides: Partial<PersonalConversation> = {}): PersonalConversation {
  return {
    tenantId: tenant,
    teamsUserId,
    locale: 'ru',
    conversation: reference(`a:${teamsUserId}`),
    lastSeenAt: new Date(lastSeenAt),
    ...overrides,
  };
}

describe('ConversationStore inbox', () => {
  it('has no inbox until one is saved, then returns it as saved', async () => {
    const distributor = tenantId();
    expect(await store.getInbox(distributor)).toBeUndefined();

    const inbox = {
      tenantId: distributor,
      conversation: reference('19:general@thread.tacv2', { locale: 'ru-RU' }),
      channelName: 'Заявки',
      claimedBy: 'Петрова Анна',
      claimedAt: new Date('2026-05-01T09:00:00.000Z'),
    };
    await store.saveInbox(inbox);

    expect(await store.getInbox(distributor)).toEqual(inbox);
  });

  it('keeps one inbox per tenant: a later claim replaces it and drops what it did not say', async () => {
    const distributor = tenantId();
    await store.saveInbox({
      tenantId: distributor,
      conversation: reference('19:first@thread.tacv2'),
      channelName: 'Первый',
      claimedAt: new Date('2026-05-01T09:00:00.000Z'),
    });
    const second = { tenantId: distributor, conversation: reference('19:second@thread.tacv2'), claimedAt: new Date('2026-05-02T09:00:00.000Z') };
    await store.saveInbox(second);

    expect(await store.getInbox(distributor)).toEqual(second);
  });
});

describe('ConversationStore personal conversations', () => {
  it('lists a tenant\'s chats newest first, at most `limit`, and no other tenant\'s', async () => {
    const tenant = tenantId();
    await store.savePersonal(personal(tenant, '29:1old', '2026-05-01T09:00:00.000Z'));
    await store.savePersonal(personal(tenant, '29:1newest', '2026-05-03T09:00:00.000Z', { locale: 'en', name: 'Anna', userId: 'aad-1' }));
    await store.savePersonal(personal(tenant, '29:1middle', '2026-05-02T09:00:00.000Z'));
    await store.savePersonal(personal(tenantId(), '29:1elsewhere', '2026-05-04T09:00:00.000Z'));

    const listed = await store.listPersonal(tenant, 2);

    expect(listed.map((row) => row.teamsUserId)).toEqual(['29:1newest', '29:1middle']);
    expect(listed[0]).toEqual(personal(tenant, '29:1newest', '2026-05-03T09:00:00.000Z', { locale: 'en', name: 'Anna', userId: 'aad-1' }));
  });

  it('keeps one row per user: the latest reference and locale win', async () => {
    const tenant = tenantId();
    await store.savePersonal(personal(tenant, '29:1same', '2026-05-01T09:00:00.000Z'));
    const latest = personal(tenant, '29:1same', '2026-05-05T09:00:00.000Z', { locale: 'en', conversation: reference('a:moved') });
    await store.savePersonal(latest);

    expect(await store.listPersonal(tenant, 10)).toEqual([latest]);
  });

  it('stores user ids with characters keys forbid', async () => {
    const tenant = tenantId();
    const odd = personal(tenant, '29:1a/b\\c#d?e', '2026-05-01T09:00:00.000Z');
    await store.savePersonal(odd);

    expect(await store.listPersonal(tenant, 10)).toEqual([odd]);
  });

  it("reads a bounded page of a big tenant's chats, not the whole partition", async () => {
    const table = await freshTable(azurite.connectionString);
    const tenant = tenantId();
    const rows = Array.from({ length: 300 }, (_, index) =>
      personalEntity(personal(tenant, `29:1admin-${String(index).padStart(3, '0')}`, new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString())),
    );
    for (let start = 0; start < rows.length; start += 100) {
      await table.submitTransaction(rows.slice(start, start + 100).map((row): TransactionAction => ['create', row]));
    }
    let rowsRead = 0;
    const counting = new Proxy(table, {
      get(target, property, receiver) {
        if (property !== 'listEntities') return Reflect.get(target, property, receiver) as unknown;
        return (...args: Parameters<TableClient['listEntities']>) => {
          const pages = target.listEntities(...args);
          return {
            byPage: (settings: { maxPageSize?: number }) =>
              (async function* () {
                for await (const page of pages.byPage(settings)) {
                  rowsRead += page.length;
                  yield page;
                }
              })(),
          };
        };
      },
    });

    const listed = await new ConversationStore(counting).listPersonal(tenant, 20);

    expect(listed).toHaveLength(20);
    expect(rowsRead).toBe(200);
  });

  it('reads one chat by Teams user id', async () => {
    const tenant = tenantId();
    const chat = personal(tenant, '29:1one', '2026-05-01T09:00:00.000Z');
    await store.savePersonal(chat);

    expect(await store.getPersonal(tenant, '29:1one')).toEqual(chat);
    expect(await store.getPersonal(tenant, '29:1nobody')).toBeUndefined();
  });

  it('does not mistake the inbox or posted cards of the same tenant for chats', async () => {
    const tenant = tenantId();
    await store.saveInbox({ tenantId: tenant, conversation: reference('19:c@thread.tacv2'), claimedAt: new Date() });
    await store.savePostedCard({
      tenantId: tenant,
      orderId: 'CSP-7K2M9Q4D',
      revision: 1,
      conversation: reference('19:c@thread.tacv2'),
      activityId: '1',
      postedAt: new Date(),
    });

    expect(await store.listPersonal(tenant, 10)).toEqual([]);
  });
});

describe('ConversationStore posted cards', () => {
  it('remembers the message of an order\'s card per tenant and replaces it for a new revision', async () => {
    const tenant = tenantId();
    expect(await store.getPostedCard(tenant, 'CSP-7K2M9Q4D')).toBeUndefined();

    const first = {
      tenantId: tenant,
      orderId: 'CSP-7K2M9Q4D',
      revision: 1,
      conversation: reference('19:inbox@thread.tacv2'),
      activityId: '1700000000001',
      postedAt: new Date('2026-05-01T09:00:00.000Z'),
    };
    await store.savePostedCard(first);
    expect(await store.getPostedCard(tenant, 'CSP-7K2M9Q4D')).toEqual(first);
    expect(await store.getPostedCard(tenantId(), 'CSP-7K2M9Q4D')).toBeUndefined();

    const second = { ...first, revision: 2, activityId: '1700000000002', postedAt: new Date('2026-05-02T09:00:00.000Z') };
    await store.savePostedCard(second);
    expect(await store.getPostedCard(tenant, 'CSP-7K2M9Q4D')).toEqual(second);
  });
});

describe('ConversationStore without storage', () => {
  it('reports an unreachable storage as StorageUnavailableError', async () => {
    const unreachable = createTableStorage(azuriteConnectionString(1), {
      retry: { maxRetries: 0, retryDelayInMs: 10, maxRetryDelayInMs: 10 },
    });
    const offline = new ConversationStore(unreachable.table('conversations'));

    await expect(offline.getInbox(tenantId())).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(offline.listPersonal(tenantId(), 10)).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
