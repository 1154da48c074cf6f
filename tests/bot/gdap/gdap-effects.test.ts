import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGdapEffects } from '../../../bot/gdap/gdap-effects.js';
import { ConversationStore } from '../../../bot/storage/conversation-store.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { gdapRecord } from '../../domain/gdap/gdap-fixtures.js';
import { RecordingMessenger } from '../distributor/recording-messenger.js';
import { freshTable, tenantId } from '../storage/fixtures.js';

const DISTRIBUTOR = '1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d';
const RELATIONSHIP = '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';

let azurite: AzuriteTables;
let store: ConversationStore;
beforeAll(async () => {
  azurite = await startAzurite();
  store = new ConversationStore(await freshTable(azurite.connectionString));
});
afterAll(() => azurite?.stop());

const reference = (id: string) => ({ conversation: { id }, channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/' });

function effects(messenger: RecordingMessenger) {
  return createGdapEffects({ store, messenger, distributorName: 'ООО «Демо»', distributorTenantId: DISTRIBUTOR, distributorLocale: 'ru', logger: pino({ level: 'silent' }) });
}

describe('the GDAP card to the customer', () => {
  it('goes to each known admin chat in that admin’s language, with the approval link', async () => {
    const tenant = tenantId();
    await store.savePersonal({ tenantId: tenant, teamsUserId: '29:ru', locale: 'ru', conversation: reference('a:ru'), lastSeenAt: new Date('2026-12-01T00:00:00Z') });
    await store.savePersonal({ tenantId: tenant, teamsUserId: '29:en', locale: 'en', conversation: reference('a:en'), lastSeenAt: new Date('2026-12-02T00:00:00Z') });
    const messenger = new RecordingMessenger();

    const sent = await effects(messenger).sendCustomerCard(gdapRecord({ tenantId: tenant, state: 'approvalPending', relationshipId: RELATIONSHIP }));

    expect(sent).toBe(2);
    const [english, russian] = messenger.sends;
    expect(JSON.stringify(english?.card)).toContain('Approve admin access (GDAP)');
    expect(JSON.stringify(russian?.card)).toContain('Одобрите доступ администратора (GDAP)');
    expect(JSON.stringify(russian?.card)).toContain(`granularAdminRelationships/${RELATIONSHIP}`);
  });

  it('sends nothing before the relationship is locked for approval, or when no chat is known', async () => {
    const messenger = new RecordingMessenger();
    expect(await effects(messenger).sendCustomerCard(gdapRecord({ tenantId: tenantId(), state: 'created', relationshipId: RELATIONSHIP }))).toBe(0);
    expect(await effects(messenger).sendCustomerCard(gdapRecord({ tenantId: tenantId(), state: 'approvalPending', relationshipId: RELATIONSHIP }))).toBe(0);
    expect(messenger.sends).toHaveLength(0);
  });
});

describe('the notice to the distributor', () => {
  it('posts a short line in the inbox channel, and nothing when there is no inbox yet', async () => {
    const messenger = new RecordingMessenger();
    const record = gdapRecord({ tenantId: tenantId(), state: 'active', relationshipId: RELATIONSHIP });
    await effects(messenger).announceActive(record);
    expect(messenger.posts).toHaveLength(0);

    await store.saveInbox({ tenantId: DISTRIBUTOR, conversation: reference('19:general@thread.tacv2'), claimedAt: new Date() });
    await effects(messenger).announceActive(record);
    expect(messenger.posts).toHaveLength(1);
    expect(JSON.stringify(messenger.posts[0]?.card)).toContain(`одобрил GDAP`);
  });
});
