import { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS_TABLE, ConversationStore } from '../../../bot/storage/conversation-store.js';
import { inboxTexts } from '../../../bot/distributor/distributor-chat-texts.js';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { orderStatusLabels } from '../../../src/domain/cards/card-texts.js';
import { actionErrorTexts } from '../../../src/domain/cards/distributor-card-texts.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { botServerForFile } from '../../support/bot-server.js';
import { adaptiveCardsOf } from '../../support/connector-stand-in.js';
import type { TeamsMember } from '../../support/connector-stand-in.js';
import { orderInput } from '../../support/order-fixtures.js';
import { botAddedToTeam, cardActionInvoke, channelCardAction, channelMessage, personalMessage, postActivity } from '../../support/teams-activities.js';
import type { TeamChannel, TeamsActivity } from '../../support/teams-activities.js';
import { cardTexts } from '../../domain/cards/card-fixtures.js';

/**
 * The distributor's side through `/api/messages`: who may choose the inbox
 * and who may act on orders, with Teams' member look-ups answered by the
 * connector stand-in as Teams answers them (404 for a non-member).
 */

const NOW = new Date('2026-11-20T10:00:00.000Z');
const DISTRIBUTOR_TENANT = '4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b0a';
const TEAM_ID = '19:distributor-team@thread.tacv2';
const OTHER_CHANNEL_ID = '19:sales@thread.tacv2';

const ADMIN: TeamsMember = member('29:1admin-petrova', 'Петрова Анна', '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c', 'user');
const COLLEAGUE: TeamsMember = member('29:1staff-kuznetsova', 'Кузнецова Мария', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'user');
const GUEST: TeamsMember = member('29:1guest-sidorov', 'Сидоров Олег (гость)', '7b6a5f4e-3d2c-4b1a-9f8e-7d6c5b4a3f2e', 'guest');

function member(id: string, name: string, aadObjectId: string, userRole: 'user' | 'guest'): TeamsMember {
  return { id, name, aadObjectId, tenantId: DISTRIBUTOR_TENANT, userRole };
}

const bot = botServerForFile({
  members: [ADMIN, COLLEAGUE, GUEST],
  env: { DISTRIBUTOR_TENANT_ID: DISTRIBUTOR_TENANT, DISTRIBUTOR_ADMINS: ADMIN.aadObjectId },
  clock: () => NOW,
});
let store: ConversationStore;

beforeAll(async () => {
  store = new ConversationStore(TableClient.fromConnectionString(bot.connectionString, CONVERSATIONS_TABLE, { allowInsecureConnection: true }));
  // The admin installs the app in the team: General becomes the inbox.
  const installed = await postActivity(bot.server.url, botAddedToTeam(inChannel(ADMIN)));
  expect(installed.status).toBe(200);
});

function inChannel(who: TeamsMember, channelId = TEAM_ID, locale = 'ru-RU'): TeamChannel {
  return {
    serviceUrl: bot.connector.url,
    tenantId: DISTRIBUTOR_TENANT,
    teamId: TEAM_ID,
    channelId,
    ...(channelId === TEAM_ID ? {} : { channelName: 'Продажи' }),
    locale,
    user: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
  };
}

async function submittedOrder(): Promise<StoredOrder> {
  const result = await bot.server.app.orders.submit(randomUUID(), orderInput(), { now: NOW });
  if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);
  return result.order;
}

function cardData(order: StoredOrder): Record<string, unknown> {
  return { orderId: order.id, tenantId: order.tenantId, revision: order.revision };
}

async function invokeCard(activity: TeamsActivity): Promise<AdaptiveCard> {
  const response = await postActivity(bot.server.url, activity);
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: AdaptiveCard }).value;
}

async function statusOf(order: StoredOrder): Promise<string | undefined> {
  return (await bot.server.app.orders.get(order.tenantId, order.id))?.status;
}

describe('choosing the inbox through /api/messages', () => {
  it('made General the inbox when the admin installed the app', async () => {
    expect((await store.getInbox(DISTRIBUTOR_TENANT))?.conversation).toMatchObject({ conversation: { id: TEAM_ID } });
  });

  it("refuses a non-admin's inbox command with a card, and the inbox stays where it was", async () => {
    const activity = channelMessage(inChannel(COLLEAGUE, OTHER_CHANNEL_ID), 'inbox');

    const response = await postActivity(bot.server.url, activity);

    expect(response.status).toBe(200);
    const reply = await bot.connector.waitForActivity((sent) => sent.activity.type === 'message', { description: 'the refusal' });
    const [card] = adaptiveCardsOf(reply.activity);
    expect(cardTexts(card as AdaptiveCard).join('\n')).toContain(inboxTexts.onlyAdmins.ru);
    expect((await store.getInbox(DISTRIBUTOR_TENANT))?.conversation).toMatchObject({ conversation: { id: TEAM_ID } });
  });
});

describe('acting on an order through /api/messages', () => {
  it("refuses a guest's accept in the inbox, and the order stays submitted", async () => {
    const order = await submittedOrder();

    const card = await invokeCard(channelCardAction(inChannel(GUEST, TEAM_ID, 'en-US'), CardVerb.acceptOrder, cardData(order)));

    expect(cardTexts(card)).toContain(actionErrorTexts.guest.en);
    expect(await statusOf(order)).toBe('submitted');
    // Teams was asked who the actor is, in the team the invoke came from.
    expect(bot.connector.requests.some((request) => request.operation === 'getConversationMember' && request.memberId === GUEST.id)).toBe(true);
  });

  it("refuses a distributor user's accept sent from a personal chat", async () => {
    const order = await submittedOrder();
    const personal = personalMessage(
      { serviceUrl: bot.connector.url, tenantId: DISTRIBUTOR_TENANT, user: { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name } },
      '',
    );

    const card = await invokeCard(cardActionInvoke(personal, CardVerb.acceptOrder, cardData(order)));

    expect(cardTexts(card)).toContain(actionErrorTexts.notInbox.ru);
    expect(await statusOf(order)).toBe('submitted');
  });

  it('refuses someone Teams does not know as a member of the team', async () => {
    const order = await submittedOrder();
    const stranger = member('29:1not-in-team', 'Иванов', '2f3e4d5c-6b7a-4891-a0b1-c2d3e4f5a6b7', 'user');

    const card = await invokeCard(channelCardAction(inChannel(stranger), CardVerb.acceptOrder, cardData(order)));

    expect(cardTexts(card)).toContain(actionErrorTexts.notDistributor.ru);
    expect(await statusOf(order)).toBe('submitted');
  });

  it("accepts a staff member's accept in the inbox", async () => {
    const order = await submittedOrder();

    const card = await invokeCard(channelCardAction(inChannel(COLLEAGUE), CardVerb.acceptOrder, cardData(order)));

    expect(cardTexts(card)).toContain(orderStatusLabels.accepted.ru);
    expect(await statusOf(order)).toBe('accepted');
  });
});
