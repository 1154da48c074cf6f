// Contract: what Teams sends the bot and what it must answer.
// - Bot SSO, "Add code to enable SSO in your bot app"
//   (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/authentication/bot-sso-code):
//   an OAuth card whose tokenExchangeResource {id, uri} names the Application ID URI; Teams answers with a
//   `signin/tokenExchange` invoke whose value is {id, connectionName, token}; a bot that cannot use the
//   token answers 412 PreconditionFailed with {id, connectionName, failureDetail}, and Teams falls back
//   to the sign-in button.
// - Universal Actions, "Universal Action Model"
//   (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/universal-action-model):
//   the `adaptiveCard/action` invoke carries {action: {type: "Action.Execute", id, verb, data}, trigger};
//   the answer is {statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card}, or
//   {statusCode: 4xx, type: "application/vnd.microsoft.error", value: {code, message}}.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signInCardAttachment, tokenExchangeFailure } from '../../bot/bot-framework/bot-sign-in.js';
import { parseTokenExchangeRequest } from '../../bot/conversation/chat-sign-in.js';
import { CardVerb } from '../../src/domain/cards/card-actions.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { createTabDirectory, demoEnv, startApp } from '../support/running-app.js';
import type { RunningApp, TabDirectory } from '../support/running-app.js';
import { personalMessage, postActivity } from '../support/teams-activities.js';
import type { TeamsActivity } from '../support/teams-activities.js';

const RESOURCE = 'api://onboarding.example.com/botid-0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b';

describe('bot SSO (signin/tokenExchange)', () => {
  it('offers an OAuth card whose tokenExchangeResource names the Application ID URI', () => {
    const attachment = signInCardAttachment({ exchangeId: 'exchange-1', resource: RESOURCE, title: 'Войти', text: 'Войдите' });

    expect(attachment.contentType).toBe('application/vnd.microsoft.card.oauth');
    const card = z
      .object({
        tokenExchangeResource: z.strictObject({ id: z.string(), uri: z.string() }),
        buttons: z.array(z.object({ type: z.literal('signin') }).loose()).min(1),
      })
      .loose()
      .parse(attachment.content);
    expect(card.tokenExchangeResource).toEqual({ id: 'exchange-1', uri: RESOURCE });
  });

  it('reads the documented invoke value {id, connectionName, token}', () => {
    expect(parseTokenExchangeRequest({ id: 'exchange-1', connectionName: 'sso', token: 'eyJ…' })).toEqual({ id: 'exchange-1', connectionName: 'sso', token: 'eyJ…' });
  });

  it('answers a failed exchange with 412 and {id, connectionName, failureDetail}', () => {
    const response = tokenExchangeFailure({ id: 'exchange-1', connectionName: 'sso', token: 'eyJ…' }, 'the token is not for this app').createInvokeResponse();

    expect(response).toEqual({ status: 412, body: { id: 'exchange-1', connectionName: 'sso', failureDetail: 'the token is not for this app' } });
  });
});

describe('Universal Actions (adaptiveCard/action)', () => {
  let azurite: AzuriteTables;
  let tab: TabDirectory;
  let server: RunningApp;

  beforeAll(async () => {
    [azurite, tab] = await Promise.all([startAzurite(), createTabDirectory()]);
    server = await startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path });
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([azurite?.stop(), tab?.remove()]);
  });

  /** The documented invoke, in a customer's personal chat. */
  function executeInvoke(verb: string, tenantId: string | undefined): TeamsActivity {
    const chat = { serviceUrl: 'http://127.0.0.1:9/', locale: 'ru-RU', tenantId: tenantId ?? randomUUID(), conversationId: `a:1${randomUUID()}` };
    const { text: _text, textFormat: _format, entities: _entities, ...envelope } = personalMessage(chat, '');
    const activity: TeamsActivity = {
      ...envelope,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data: {} }, trigger: 'manual' },
    };
    if (tenantId !== undefined) return activity;
    const conversation = { ...(activity['conversation'] as Record<string, unknown>) };
    delete conversation['tenantId'];
    return { ...activity, conversation, channelData: {} };
  }

  it('answers with {statusCode: 200, type: application/vnd.microsoft.card.adaptive, value: an AdaptiveCard}', async () => {
    const response = await postActivity(server.url, executeInvoke(CardVerb.startOrder, randomUUID()));

    expect(response.status).toBe(200);
    z.strictObject({
      statusCode: z.literal(200),
      type: z.literal('application/vnd.microsoft.card.adaptive'),
      value: z.object({ type: z.literal('AdaptiveCard'), version: z.string() }).loose(),
    }).parse(await response.json());
  });

  it('answers a request it cannot serve with {statusCode: 400, type: application/vnd.microsoft.error, value: {code, message}}', async () => {
    const response = await postActivity(server.url, executeInvoke(CardVerb.startOrder, undefined));

    z.strictObject({
      statusCode: z.literal(400),
      type: z.literal('application/vnd.microsoft.error'),
      value: z.strictObject({ code: z.string(), message: z.string() }),
    }).parse(await response.json());
  });
});
