import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { createCloudAdapter } from '../../../bot/bot-framework/cloud-adapter.js';
import { ProactiveMessenger } from '../../../bot/bot-framework/proactive-messenger.js';
import { ConversationGoneError } from '../../../bot/delivery/card-messenger.js';
import { createLogger } from '../../../bot/logger.js';
import { adaptiveCardsOf, startConnectorStandIn } from '../../support/connector-stand-in.js';
import type { ConnectorStandIn } from '../../support/connector-stand-in.js';
import { startHungHttpReceiver } from '../delivery/hung-receivers.js';

let connector: ConnectorStandIn;
let messenger: ProactiveMessenger;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  // The anonymous (demo) bot: no tokens, so the stand-in sees plain Connector calls.
  messenger = new ProactiveMessenger(createCloudAdapter({ kind: 'anonymous' }, createLogger('silent')), '');
});

afterAll(async () => {
  await connector?.stop();
});

beforeEach(() => {
  connector.respondWith(undefined);
  connector.clear();
});

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

const card: AdaptiveCard = adaptiveCard({ body: [{ type: 'TextBlock', text: 'Заявка CSP-7K2M9Q4D' }] });

/** A reference as the bot stores it from a message typed inside a channel thread. */
function channelThreadReference() {
  return {
    activityId: '1700000000001',
    user: { id: '29:1staff', name: 'Петрова Анна', aadObjectId: '11111111-2222-3333-4444-555555555555' },
    bot: { id: '28:bot', name: 'CSP Onboarding' },
    conversation: {
      id: '19:inbox@thread.tacv2;messageid=1700000000000',
      isGroup: true,
      conversationType: 'channel',
      tenantId: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    },
    channelId: 'msteams',
    locale: 'ru-RU',
    serviceUrl: connector.url,
  };
}

function personalReference() {
  return {
    activityId: 'f:personal-message-7',
    user: { id: '29:1customer', name: 'Иванов Иван', aadObjectId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b' },
    bot: { id: '28:bot', name: 'CSP Onboarding' },
    conversation: { id: 'a:1personal-chat', conversationType: 'personal', tenantId: '7d1e0c52-3b9a-4f6e-8a21-5c4b3d2e1f00' },
    channelId: 'msteams',
    locale: 'ru-RU',
    serviceUrl: connector.url,
  };
}

describe('ProactiveMessenger.postToChannel', () => {
  it('starts a new thread in the channel and answers where the message is', async () => {
    const posted = await messenger.postToChannel(channelThreadReference(), card);

    const sent = connector.sentActivities();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ operation: 'sendToConversation', conversationId: '19:inbox@thread.tacv2' });
    expect(sent[0]?.activity['replyToId']).toBeUndefined();
    expect(adaptiveCardsOf(first(sent).activity)).toEqual([card]);
    expect(posted.activityId).toBe(sent[0]?.activityId);
    expect(posted.conversation).toMatchObject({ conversation: { id: '19:inbox@thread.tacv2' }, serviceUrl: connector.url });
    expect(posted.conversation['activityId']).toBeUndefined();
  });

  it('refuses a reference without a conversation', async () => {
    const broken: Record<string, unknown> = channelThreadReference();
    delete broken['conversation'];
    await expect(messenger.postToChannel(broken, card)).rejects.toThrow(/conversation/);
    expect(connector.requests).toHaveLength(0);
  });
});

describe('ProactiveMessenger.sendCard', () => {
  it('sends a new message into the conversation, not a reply to the stored activity', async () => {
    const activityId = await messenger.sendCard(personalReference(), card);

    const sent = connector.sentActivities();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ operation: 'sendToConversation', conversationId: 'a:1personal-chat', activityId });
    expect(sent[0]?.activity).toMatchObject({ type: 'message', recipient: { id: '29:1customer' } });
    expect(adaptiveCardsOf(first(sent).activity)).toEqual([card]);
  });

  it('turns a 403 (the user removed or blocked the bot) into ConversationGoneError and says nothing in the chat', async () => {
    connector.respondWith((request) =>
      request.operation === 'sendToConversation'
        ? { status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } }
        : undefined,
    );

    await expect(messenger.sendCard(personalReference(), card)).rejects.toBeInstanceOf(ConversationGoneError);
    // The adapter's onTurnError would have posted "something went wrong" had the error reached it.
    expect(connector.requests.map((request) => request.operation)).toEqual(['sendToConversation']);
  });

  it('passes other failures on unchanged', async () => {
    connector.respondWith(() => ({ status: 400, body: { error: { code: 'BadArgument', message: 'Activity is too large' } } }));

    const failure = await messenger.sendCard(personalReference(), card).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(ConversationGoneError);
    expect(connector.requests).toHaveLength(1);
  });
});

describe('ProactiveMessenger.updateCard', () => {
  it('replaces the card of the posted message', async () => {
    const posted = await messenger.postToChannel(channelThreadReference(), card);
    const updated = adaptiveCard({ body: [{ type: 'TextBlock', text: 'Принята в работу' }] });

    await messenger.updateCard(posted, updated);

    const update = connector.sentActivities().find((sent) => sent.operation === 'updateActivity');
    expect(update).toMatchObject({ conversationId: '19:inbox@thread.tacv2', activityId: posted.activityId });
    expect(update?.activity['id']).toBe(posted.activityId);
    expect(adaptiveCardsOf(first(update ? [update] : []).activity)).toEqual([updated]);
  });

  it('reports a deleted message as ConversationGoneError', async () => {
    connector.respondWith((request) =>
      request.operation === 'updateActivity' ? { status: 404, body: { error: { code: 'NotFound', message: 'Activity not found' } } } : undefined,
    );

    await expect(
      messenger.updateCard({ conversation: channelThreadReference(), activityId: 'activity-deleted' }, card),
    ).rejects.toBeInstanceOf(ConversationGoneError);
    expect(connector.requests.map((request) => request.operation)).toEqual(['updateActivity']);
  });
});

describe('ProactiveMessenger: cancelling', () => {
  it.each([
    ['postToChannel', (signal: AbortSignal, serviceUrl: string) => messenger.postToChannel({ ...channelThreadReference(), serviceUrl }, card, signal)],
    [
      'updateCard',
      (signal: AbortSignal, serviceUrl: string) =>
        messenger.updateCard({ conversation: { ...channelThreadReference(), serviceUrl }, activityId: 'activity-1' }, card, signal),
    ],
  ])('%s stops on its signal: the hung Connector sees its connection closed', async (_name, call) => {
    const hung = await startHungHttpReceiver();
    try {
      const controller = new AbortController();
      const failure = call(controller.signal, `http://127.0.0.1:${hung.port}/`);
      await vi.waitFor(() => expect(hung.received).toBe(1));

      controller.abort(new Error('channel did not answer within 300 ms'));
      await expect(failure).rejects.toThrow();
      await expect(failure).rejects.not.toBeInstanceOf(ConversationGoneError);
      await vi.waitFor(() => expect(hung.closed).toBe(1));
    } finally {
      await hung.close();
    }
  });
});
