import { odata, TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatTexts } from '../../../bot/conversation/chat-texts.js';
import { CONVERSATIONS_TABLE, ConversationStore } from '../../../bot/storage/conversation-store.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { botServerForFile } from '../../support/bot-server.js';
import type { TeamsMember } from '../../support/connector-stand-in.js';
import { orderInput } from '../../support/order-fixtures.js';
import {
  botAddedToPersonalChat,
  botAddedToTeam,
  cardActionInvoke,
  channelCardAction,
  channelMessage,
  personalMessage,
  postActivity,
} from '../../support/teams-activities.js';
import type { PersonalChat, TeamChannel, TeamsActivity } from '../../support/teams-activities.js';

/**
 * Only Microsoft Teams speaks for a tenant, and demo mode answers only on
 * this machine: through `/api/messages`, an activity from another Bot
 * Framework channel (Direct Line, Web Chat) or, in demo mode, with a
 * `serviceUrl` off this machine reaches no command, card or storage.
 */

const NOW = new Date('2026-11-20T10:00:00.000Z');
const DISTRIBUTOR_TENANT = '4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b0a';
const TEAM_ID = '19:distributor-team@thread.tacv2';
const ADMIN: TeamsMember = {
  id: '29:1admin-petrova',
  name: 'Петрова Анна',
  aadObjectId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
  tenantId: DISTRIBUTOR_TENANT,
  userRole: 'user',
};
/** TEST-NET-1 (RFC 5737): never this machine, and nothing answers there. */
const OFF_MACHINE_SERVICE_URL = 'http://192.0.2.10:8080/';

const bot = botServerForFile({
  members: [ADMIN],
  env: { DISTRIBUTOR_TENANT_ID: DISTRIBUTOR_TENANT, DISTRIBUTOR_ADMINS: ADMIN.aadObjectId },
  clock: () => NOW,
});
let conversations: TableClient;
let store: ConversationStore;

beforeAll(async () => {
  conversations = TableClient.fromConnectionString(bot.connectionString, CONVERSATIONS_TABLE, { allowInsecureConnection: true });
  store = new ConversationStore(conversations);
  expect((await postActivity(bot.server.url, botAddedToTeam(inbox()))).status).toBe(200);
});

function inbox(channelId = TEAM_ID): TeamChannel {
  return {
    serviceUrl: bot.connector.url,
    tenantId: DISTRIBUTOR_TENANT,
    teamId: TEAM_ID,
    channelId,
    user: { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name },
  };
}

/** The same activity as a Direct Line or Web Chat client can write it: any channelData, any tenant. */
function viaDirectLine(activity: TeamsActivity): TeamsActivity {
  return { ...activity, channelId: 'directline' };
}

async function submittedOrder(): Promise<StoredOrder> {
  const result = await bot.server.app.orders.submit(randomUUID(), orderInput(), { now: NOW });
  if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);
  return result.order;
}

async function rowsOfTenant(tenantId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const row of conversations.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${tenantId}` } })) keys.push(row.rowKey ?? '');
  return keys;
}

function personal(overrides: Partial<PersonalChat> = {}): PersonalChat & { readonly tenantId: string; readonly conversationId: string } {
  return { serviceUrl: bot.connector.url, locale: 'ru-RU', tenantId: randomUUID(), conversationId: `a:1${randomUUID()}`, ...overrides };
}

describe('an activity from another channel than msteams', () => {
  it("claiming the distributor's tenant, cannot accept an order: 403, no card, the order unchanged", async () => {
    const order = await submittedOrder();
    const data = { orderId: order.id, tenantId: order.tenantId, revision: order.revision };

    const response = await postActivity(bot.server.url, viaDirectLine(channelCardAction(inbox(), CardVerb.acceptOrder, data)));

    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('AdaptiveCard');
    expect((await bot.server.app.orders.get(order.tenantId, order.id))?.status).toBe('submitted');
    // Teams was neither asked about the actor nor told to change the order's message.
    expect(bot.connector.requests.filter((request) => request.operation === 'getConversationMember' || request.operation === 'updateActivity')).toEqual([]);
  });

  it("claiming the distributor's tenant, cannot move the inbox; it hears one line, no card", async () => {
    const response = await postActivity(bot.server.url, viaDirectLine(channelMessage(inbox('19:elsewhere@thread.tacv2'), 'inbox')));

    expect(response.status).toBe(200);
    expect((await store.getInbox(DISTRIBUTOR_TENANT))?.conversation).toMatchObject({ conversation: { id: TEAM_ID } });
    const inThatChannel = bot.connector.sentActivities().filter((sent) => sent.conversationId.startsWith('19:elsewhere@thread.tacv2'));
    expect(inThatChannel.map((sent) => ({ text: sent.activity.text, attachments: sent.activity.attachments }))).toEqual([
      { text: chatTexts.onlyInTeams.ru, attachments: undefined },
    ]);
  });

  it('gets no welcome card, no order form and no stored conversation in a personal chat', async () => {
    const chat = personal({ locale: 'en-US' });

    for (const activity of [botAddedToPersonalChat(chat), personalMessage(chat, 'order')]) {
      expect((await postActivity(bot.server.url, viaDirectLine(activity))).status).toBe(200);
    }
    const form = await postActivity(bot.server.url, viaDirectLine(cardActionInvoke(personalMessage(chat, ''), CardVerb.startOrder)));

    expect(form.status).toBe(403);
    const inThatChat = bot.connector.sentActivities().filter((sent) => sent.conversationId === chat.conversationId);
    expect(inThatChat.map((sent) => sent.activity.text)).toEqual([chatTexts.onlyInTeams.en]);
    expect(inThatChat.flatMap((sent) => sent.activity.attachments ?? [])).toEqual([]);
    expect(await rowsOfTenant(chat.tenantId)).toEqual([]);
  });
});

describe('a Teams activity whose two tenant fields disagree', () => {
  it('is refused like one without a tenant: no reply, nothing stored', async () => {
    const chat = personal();
    const activity = personalMessage(chat, 'помощь');

    const response = await postActivity(bot.server.url, { ...activity, channelData: { tenant: { id: DISTRIBUTOR_TENANT } } });

    expect(response.status).toBe(200);
    expect(bot.connector.sentActivities().filter((sent) => sent.conversationId === chat.conversationId)).toEqual([]);
    expect(await rowsOfTenant(chat.tenantId)).toEqual([]);
    expect(await rowsOfTenant(DISTRIBUTOR_TENANT)).toEqual(['inbox']);
  });
});

describe('demo mode and a serviceUrl off this machine', () => {
  it('answers nothing and stores nothing for a message or an install', async () => {
    const chat = personal({ serviceUrl: OFF_MACHINE_SERVICE_URL });

    for (const activity of [botAddedToPersonalChat(chat), personalMessage(chat, 'помощь')]) {
      expect((await postActivity(bot.server.url, activity)).status).toBe(200);
    }

    expect(await rowsOfTenant(chat.tenantId)).toEqual([]);
  });

  it('answers an invoke with 403 in the HTTP response, without a card', async () => {
    const chat = personal({ serviceUrl: OFF_MACHINE_SERVICE_URL });

    const response = await postActivity(bot.server.url, cardActionInvoke(personalMessage(chat, ''), CardVerb.startOrder));

    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('AdaptiveCard');
  });

  it('still answers the loopback connector (the Playground and these tests)', async () => {
    const chat = personal();

    await postActivity(bot.server.url, personalMessage(chat, 'помощь'));

    await bot.connector.waitForActivity((sent) => sent.activity.type === 'message', { description: 'the help card' });
    expect(await rowsOfTenant(chat.tenantId)).toHaveLength(1);
  });
});
