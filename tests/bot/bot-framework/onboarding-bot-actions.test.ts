import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardInput, ExecuteAction } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { escapeCardText } from '../../../src/domain/cards/card-text.js';
import { customerStatusTexts, orderFormTexts } from '../../../src/domain/cards/card-texts.js';
import { helpTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { adaptiveCardsOf, startConnectorStandIn } from '../../support/connector-stand-in.js';
import type { ConnectorStandIn } from '../../support/connector-stand-in.js';
import { createTabDirectory, demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';
import { botAddedToPersonalChat, personalMessage, postActivity } from '../../support/teams-activities.js';
import type { PersonalChat, TeamsActivity } from '../../support/teams-activities.js';
import { cardNodes, cardTexts } from '../../domain/cards/card-fixtures.js';
import { orderFormAnswers } from '../../support/order-fixtures.js';

/** 13:00 in Moscow (the default distributor time zone): "today" is 2026-11-20. */
const NOW = new Date('2026-11-20T10:00:00.000Z');

let azurite: AzuriteTables;
let tab: TabDirectory;
let connector: ConnectorStandIn;
let server: RunningApp;

beforeAll(async () => {
  [azurite, tab, connector] = await Promise.all([startAzurite(), createTabDirectory(), startConnectorStandIn()]);
  server = await startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path, clock: () => NOW });
});

afterAll(async () => {
  await server?.close();
  await Promise.all([azurite?.stop(), tab?.remove(), connector?.stop()]);
});

beforeEach(() => {
  connector.clear();
  connector.respondWith(undefined);
});

/** A customer's personal chat of its own, so orders of one test never show in another. */
function chat(locale = 'ru-RU'): PersonalChat & { readonly tenantId: string; readonly conversationId: string } {
  return { serviceUrl: connector.url, locale, tenantId: randomUUID(), conversationId: `a:1${randomUUID()}` };
}

/** The envelope of a personal-chat activity (ids, conversation, tenant) without the typed text. */
function envelope(personal: PersonalChat): TeamsActivity {
  const { text: _text, textFormat: _format, entities: _entities, ...rest } = personalMessage(personal, '');
  return rest;
}

/** What Teams posts when an `Action.Execute` button is pressed (Universal Actions). */
function executeInvoke(personal: PersonalChat, verb: string, data: Record<string, unknown> = {}): TeamsActivity {
  return {
    ...envelope(personal),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'm0',
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
  };
}

/** What Teams posts when an `Action.Submit` button (the fallback) is pressed on the card message `replyToId`. */
function submitMessage(personal: PersonalChat, value: Record<string, unknown>, replyToId = 'm1'): TeamsActivity {
  return { ...envelope(personal), type: 'message', replyToId, value };
}

/** The same activity as Teams would never send it: no tenant anywhere. */
function withoutTenant(activity: TeamsActivity): TeamsActivity {
  const conversation = { ...(activity['conversation'] as Record<string, unknown>) };
  delete conversation['tenantId'];
  return { ...activity, conversation, channelData: {} };
}

interface InvokeBody {
  readonly statusCode: number;
  readonly type: string;
  readonly value: AdaptiveCard;
}

async function invoke(activity: TeamsActivity): Promise<InvokeBody> {
  const response = await postActivity(server.url, activity);
  expect(response.status).toBe(200);
  return (await response.json()) as InvokeBody;
}

function inputs(card: AdaptiveCard): CardInput[] {
  return cardNodes(card).filter((node): node is CardInput => node.type.startsWith('Input.'));
}

function submitAction(card: AdaptiveCard): ExecuteAction {
  const action = card.actions?.find((candidate) => candidate.type === 'Action.Execute' && candidate.verb === CardVerb.submitOrder);
  if (action?.type !== 'Action.Execute') throw new Error('the card has no submitOrder action');
  return action;
}

const VALID_ANSWERS: Readonly<Record<string, string>> = orderFormAnswers({ lines: [{ sku: 'SPB', quantity: 25 }] });

/** The action data merged with every input's value as a string, as Teams sends it. */
function fillIn(card: AdaptiveCard, typed: Readonly<Record<string, string>>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...submitAction(card).data };
  for (const input of inputs(card)) data[input.id] = typed[input.id] ?? (input.value === undefined ? '' : String(input.value));
  return data;
}

describe('Action.Execute (adaptiveCard/action invoke)', () => {
  it('answers startOrder with the order form in the invoke response, sending nothing else', async () => {
    const personal = chat('ru-RU');

    const body = await invoke(executeInvoke(personal, CardVerb.startOrder));

    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expectValidAdaptiveCard(body.value, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(cardTexts(body.value)).toContain(orderFormTexts.title.ru);
    expect(submitAction(body.value).data).toEqual({ submissionId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(connector.sentActivities()).toEqual([]);
  });

  it('stores a submitted form and answers with the receipt, in the chat language', async () => {
    const personal = chat('en-US');
    const form = (await invoke(executeInvoke(personal, CardVerb.startOrder))).value;

    const body = await invoke(executeInvoke(personal, CardVerb.submitOrder, fillIn(form, VALID_ANSWERS)));

    const orders = await server.app.orders.list(personal.tenantId);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'submitted', revision: 1, lines: [{ sku: 'SPB', quantity: 25 }] });
    expect(body.statusCode).toBe(200);
    expectValidAdaptiveCard(body.value, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(cardTexts(body.value)).toContain(customerStatusTexts.title(escapeCardText(orders[0]?.id ?? '')).en);
  });

  it('takes the tenant from channelData when the conversation does not name it', async () => {
    const personal = chat('ru-RU');
    const activity = executeInvoke(personal, CardVerb.showStatus);
    const conversation = { ...(activity['conversation'] as Record<string, unknown>) };
    delete conversation['tenantId'];

    const body = await invoke({ ...activity, conversation });

    expect(body.statusCode).toBe(200);
    expectValidAdaptiveCard(body.value, { maxBytes: BOT_MESSAGE_MAX_BYTES });
  });

  it('takes the tenant from channelData when the conversation names an empty one', async () => {
    const personal = chat('ru-RU');
    const activity = executeInvoke(personal, CardVerb.showStatus);
    const conversation = { ...(activity['conversation'] as Record<string, unknown>), tenantId: '' };

    const body = await invoke({ ...activity, conversation });

    expect(body.statusCode).toBe(200);
    expectValidAdaptiveCard(body.value, { maxBytes: BOT_MESSAGE_MAX_BYTES });
  });
});

describe('Action.Submit (message with a value)', () => {
  it('replaces the pressed card (PUT updateActivity on replyToId) with the help card', async () => {
    const personal = chat('ru-RU');

    const response = await postActivity(server.url, submitMessage(personal, { verb: CardVerb.showHelp }, 'm1'));

    expect(response.status).toBe(200);
    const update = await connector.waitForActivity((sent) => sent.operation === 'updateActivity', { description: 'the card update' });
    expect(update).toMatchObject({ conversationId: personal.conversationId, activityId: 'm1' });
    const [card] = adaptiveCardsOf(update.activity);
    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(cardTexts(card as AdaptiveCard)).toContain(helpTexts.title.ru);
    // The answer replaced the card; nothing was posted besides.
    expect(connector.sentActivities().map((sent) => sent.operation)).toEqual(['updateActivity']);
  });

  it('posts the card as a new message when the pressed one cannot be updated', async () => {
    const personal = chat('en-US');
    connector.respondWith((request) =>
      request.operation === 'updateActivity' ? { status: 404, body: { error: { code: 'ActivityNotFoundInConversation', message: 'gone' } } } : undefined,
    );

    const response = await postActivity(server.url, submitMessage(personal, { verb: CardVerb.showHelp }, 'm1'));

    expect(response.status).toBe(200);
    const sent = await connector.waitForActivity((activity) => activity.operation !== 'updateActivity', { description: 'a new message' });
    expect(sent.conversationId).toBe(personal.conversationId);
    const [card] = adaptiveCardsOf(sent.activity);
    expect(cardTexts(card as AdaptiveCard)).toContain(helpTexts.title.en);
  });

  it('submits the order form through the fallback and shows the receipt in place', async () => {
    const personal = chat('ru-RU');
    const form = (await invoke(executeInvoke(personal, CardVerb.startOrder))).value;

    const response = await postActivity(
      server.url,
      submitMessage(personal, { verb: CardVerb.submitOrder, ...fillIn(form, VALID_ANSWERS) }, 'form-message'),
    );

    expect(response.status).toBe(200);
    const update = await connector.waitForActivity((sent) => sent.operation === 'updateActivity', { description: 'the receipt' });
    expect(update.activityId).toBe('form-message');
    const orders = await server.app.orders.list(personal.tenantId);
    expect(orders).toHaveLength(1);
    const [card] = adaptiveCardsOf(update.activity);
    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(cardTexts(card as AdaptiveCard)).toContain(customerStatusTexts.title(escapeCardText(orders[0]?.id ?? '')).ru);
  });
});

describe('an activity without a tenant id', () => {
  it('is ignored: no reply to a message, a Submit or an install, and the bot keeps working', async () => {
    const personal = chat('ru-RU');

    for (const activity of [
      personalMessage(personal, 'заявка'),
      submitMessage(personal, { verb: CardVerb.showHelp }),
      botAddedToPersonalChat(personal),
    ]) {
      const response = await postActivity(server.url, withoutTenant(activity));
      // The endpoint answers once the turn is over, so anything sent would be recorded by now.
      expect(response.status).toBe(200);
    }
    expect(connector.sentActivities()).toEqual([]);

    await postActivity(server.url, personalMessage(personal, 'помощь'));
    await connector.waitForActivity((sent) => sent.conversationId === personal.conversationId, { description: 'the help reply' });
  });

  it('gets a 400 invoke response, not a card or a crash, for Action.Execute', async () => {
    const personal = chat('ru-RU');

    const response = await postActivity(server.url, withoutTenant(executeInvoke(personal, CardVerb.startOrder)));

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(connector.sentActivities()).toEqual([]);
  });
});
