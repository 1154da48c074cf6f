import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStatusLabels } from '../../../src/domain/cards/card-texts.js';
import { CustomerNotifier } from '../../../bot/distributor/customer-notifier.js';
import type { ConversationStore } from '../../../bot/storage/conversation-store.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { tenantId } from '../storage/fixtures.js';
import { catalog, DISTRIBUTOR_NAME, freshStore, personalReference, RecordingLogger, statusLine } from './distributor-fixtures.js';
import { RecordingMessenger } from './recording-messenger.js';
import { storedOrder } from '../../support/order-fixtures.js';

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

async function setUp(maxRecipients?: number) {
  const { store } = await freshStore(azurite.connectionString);
  const messenger = new RecordingMessenger();
  const logger = new RecordingLogger();
  const notifier = new CustomerNotifier({
    store,
    messenger,
    catalog,
    distributorName: DISTRIBUTOR_NAME,
    logger,
    ...(maxRecipients === undefined ? {} : { maxRecipients }),
  });
  return { store, messenger, logger, notifier };
}

async function remember(store: ConversationStore, tenant: string, user: string, locale: 'ru' | 'en', lastSeenAt: string) {
  await store.savePersonal({ tenantId: tenant, teamsUserId: user, locale, conversation: personalReference(`a:${user}`), lastSeenAt: new Date(lastSeenAt) });
}

describe('CustomerNotifier', () => {
  it("sends the status card to the tenant's most recent chats, each in its own language", async () => {
    const { store, messenger, notifier } = await setUp(2);
    const tenant = tenantId();
    await remember(store, tenant, '29:1oldest', 'ru', '2026-05-01T09:00:00.000Z');
    await remember(store, tenant, '29:1english', 'en', '2026-05-03T09:00:00.000Z');
    await remember(store, tenant, '29:1russian', 'ru', '2026-05-02T09:00:00.000Z');
    await remember(store, tenantId(), '29:1other-tenant', 'ru', '2026-05-04T09:00:00.000Z');

    const outcome = await notifier.notify(storedOrder({ tenantId: tenant, status: 'accepted' }));

    expect(outcome).toEqual({ sent: 2, failed: 0 });
    expect(messenger.sends.map((send) => send.conversation)).toEqual([personalReference('a:29:1english'), personalReference('a:29:1russian')]);
    expect(messenger.sends.map((send) => statusLine(send.card))).toEqual([orderStatusLabels.accepted.en, orderStatusLabels.accepted.ru]);
  });

  it('keeps sending to the others when one chat fails, and logs the failure', async () => {
    const { store, messenger, logger, notifier } = await setUp();
    const tenant = tenantId();
    await remember(store, tenant, '29:1blocked', 'ru', '2026-05-02T09:00:00.000Z');
    await remember(store, tenant, '29:1fine', 'ru', '2026-05-01T09:00:00.000Z');
    messenger.failWith(({ conversation }) =>
      JSON.stringify(conversation).includes('blocked') ? new Error('the user blocked the bot') : undefined,
    );

    const outcome = await notifier.notify(storedOrder({ tenantId: tenant, status: 'completed' }));

    expect(outcome).toEqual({ sent: 1, failed: 1 });
    expect(messenger.sends.map((send) => send.conversation)).toEqual([personalReference('a:29:1fine')]);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ teamsUserId: '29:1blocked' }) }));
  });

  it('sends nothing when no chat of the tenant is known', async () => {
    const { messenger, notifier } = await setUp();

    expect(await notifier.notify(storedOrder({ tenantId: tenantId() }))).toEqual({ sent: 0, failed: 0 });
    expect(messenger.sends).toHaveLength(0);
  });
});
