import { odata, TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONVERSATIONS_TABLE } from '../../../bot/storage/conversation-store.js';
import { welcomeTexts } from '../../../src/domain/cards/card-texts.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { adaptiveCardsOf, DEFAULT_MEMBERS, startConnectorStandIn } from '../../support/connector-stand-in.js';
import type { ConnectorStandIn, SentActivity } from '../../support/connector-stand-in.js';
import { createTabDirectory, demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';
import { botAddedToPersonalChat, personalMessage, postActivity, userAddedToPersonalChat } from '../../support/teams-activities.js';
import type { TeamsActivity } from '../../support/teams-activities.js';

let azurite: AzuriteTables;
let tab: TabDirectory;
let connector: ConnectorStandIn;
let server: RunningApp;

beforeAll(async () => {
  [azurite, tab, connector] = await Promise.all([startAzurite(), createTabDirectory(), startConnectorStandIn()]);
  server = await startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path });
});

afterAll(async () => {
  await server?.close();
  await Promise.all([azurite?.stop(), tab?.remove(), connector?.stop()]);
});

beforeEach(() => connector.clear());

/** Posts the activity (demo mode: no JWT) and returns the first message the bot sent into its conversation. */
async function replyTo(activity: TeamsActivity): Promise<SentActivity> {
  const response = await postActivity(server.url, activity);
  expect(response.status).toBe(200);
  const conversationId = (activity['conversation'] as { id: string }).id;
  return connector.waitForActivity((sent) => sent.conversationId === conversationId && sent.activity.type === 'message', {
    description: `a message in ${conversationId}`,
  });
}

function onlyCard(sent: SentActivity): unknown {
  const cards = adaptiveCardsOf(sent.activity);
  expect(cards).toHaveLength(1);
  return cards[0];
}

/** Which alphabet most of the card's visible text is written in. */
function dominantAlphabet(card: unknown): 'cyrillic' | 'latin' {
  const texts: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'text' || key === 'title' || key === 'label' || key === 'placeholder') && typeof value === 'string') texts.push(value);
      else collect(value);
    }
  };
  collect(card);
  const all = texts.join(' ');
  const cyrillic = all.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = all.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic > latin ? 'cyrillic' : 'latin';
}

describe('the bot in a personal chat (demo mode)', () => {
  it('welcomes the admin who installed the app with the instruction card, in Russian for ru-RU', async () => {
    const activity = botAddedToPersonalChat({ serviceUrl: connector.url, locale: 'ru-RU' });

    const sent = await replyTo(activity);

    expect(sent.operation).toBe('replyToActivity');
    expect(sent.replyToId).toBe(activity.id);
    const card = onlyCard(sent);
    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    const json = JSON.stringify(card);
    expect(json).toContain('Авторизация торгового посредника');
    for (const text of [welcomeTexts.intro, welcomeTexts.step1Title, welcomeTexts.startOrder]) {
      expect(json).toContain(text.ru);
      expect(json).not.toContain(text.en);
    }
    expect(json).toContain('https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship');
    expect(dominantAlphabet(card)).toBe('cyrillic');
  });

  it('welcomes in English for en-US, still quoting the Russian button of the admin center', async () => {
    const sent = await replyTo(botAddedToPersonalChat({ serviceUrl: connector.url, locale: 'en-US' }));

    const card = onlyCard(sent);
    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    const json = JSON.stringify(card);
    expect(json).toContain('Авторизация торгового посредника');
    for (const text of [welcomeTexts.intro, welcomeTexts.step1Title, welcomeTexts.startOrder]) {
      expect(json).toContain(text.en);
      expect(json).not.toContain(text.ru);
    }
    expect(dominantAlphabet(card)).toBe('latin');
  });

  it('stores the personal conversation once, not on every message (each message has its own activity id)', async () => {
    const chat = { serviceUrl: connector.url, locale: 'ru-RU', tenantId: randomUUID(), conversationId: `a:1${randomUUID()}` };
    const table = TableClient.fromConnectionString(azurite.connectionString, CONVERSATIONS_TABLE, { allowInsecureConnection: true });
    const rowsOfTenant = async () => {
      const rows: { rowKey?: string; etag: string }[] = [];
      for await (const row of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${chat.tenantId}` } })) rows.push(row);
      return rows.map((row) => `${row.rowKey ?? ''} ${row.etag}`);
    };

    await replyTo(personalMessage(chat, 'помощь'));
    const afterFirst = await rowsOfTenant();
    await replyTo(personalMessage(chat, 'помощь'));

    expect(afterFirst).toHaveLength(1);
    expect(await rowsOfTenant()).toEqual(afterFirst);
  });

  it('says nothing when someone other than the bot joins', async () => {
    const response = await postActivity(server.url, userAddedToPersonalChat({ serviceUrl: connector.url, locale: 'ru-RU' }));

    // The endpoint answers once the turn is over, so anything sent would be recorded by now.
    expect(response.status).toBe(200);
    expect(connector.sentActivities()).toEqual([]);
  });

  it('prefills the order form with the name and e-mail Teams knows, without sign-in (TeamsInfo.getMember)', async () => {
    const sent = await replyTo(personalMessage({ serviceUrl: connector.url, locale: 'ru-RU' }, 'Хочу оформить заявку'));

    const card = JSON.stringify(onlyCard(sent));
    const [member] = DEFAULT_MEMBERS;
    expect(card).toContain(`"value":"${member?.email ?? 'no member'}"`);
    expect(card).toContain('"value":"romashka.onmicrosoft.com"');
    expect(connector.requests.some((request) => request.operation === 'getConversationMember')).toBe(true);
  });

  it.each([
    { locale: 'ru-RU', alphabet: 'cyrillic' },
    { locale: 'en-US', alphabet: 'latin' },
  ] as const)('answers a typed message with a valid card in the chat language ($locale)', async ({ locale, alphabet }) => {
    const sent = await replyTo(personalMessage({ serviceUrl: connector.url, locale }, 'привет'));

    const card = onlyCard(sent);
    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(dominantAlphabet(card)).toBe(alphabet);
  });
});
