import { TestAdapter } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { OnboardingBot } from '../../../bot/bot-framework/onboarding-bot.js';
import type * as ports from '../../../bot/conversation/chat-ports.js';
import { OnboardingConversation } from '../../../bot/conversation/onboarding-conversation.js';
import { buildActionErrorCard } from '../../../src/domain/cards/action-error-card.js';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { helpTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { cardTexts } from '../../domain/cards/card-fixtures.js';
import { CATALOG } from '../storage/fixtures.js';

const BOT = { id: '28:0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b', name: 'CSP Onboarding' };
const TENANT_ID = '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';

/** Records what reached the distributor side and answers with a reply of its own. */
class RecordingDesk implements ports.DistributorDesk {
  readonly claims: ports.InboxClaim[] = [];
  readonly messages: { turn: ports.ChatTurn; text: string }[] = [];
  readonly actions: ports.DistributorCardAction[] = [];
  readonly reply: ports.ChatReply = { text: 'desk: noted' };
  readonly card: AdaptiveCard = buildActionErrorCard({ locale: 'ru', message: { ru: 'ответ стола', en: 'desk answer' } });

  async claimInbox(request: ports.InboxClaim): Promise<ports.ChatReply> {
    this.claims.push(request);
    return this.reply;
  }

  async channelMessage(turn: ports.ChatTurn, text: string): Promise<ports.ChatReply> {
    this.messages.push({ turn, text });
    return this.reply;
  }

  async handleCardAction(action: ports.DistributorCardAction): Promise<AdaptiveCard> {
    this.actions.push(action);
    return this.card;
  }
}

function harness() {
  const desk = new RecordingDesk();
  const unused = () => Promise.reject(new Error('not used'));
  const conversation = new OnboardingConversation({
    distributorName: 'ООО «Демо Дистрибуция»',
    invitationUrl: 'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship',
    catalog: CATALOG,
    timeZone: 'Europe/Moscow',
    orders: { findLatest: unused, get: unused, list: unused, submit: unused, resubmit: unused },
    customerDirectory: { remember: async () => undefined },
    logger: { warn: () => undefined },
  });
  const adapter = new TestAdapter();
  const bot = new OnboardingBot({ conversation, desk });
  /** Runs one activity through the bot and returns what it sent, the invoke response included. */
  const run = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(activity, (context) => bot.run(context));
    return adapter.activeQueue.splice(0);
  };
  return { desk, run };
}

/** An activity in a team's channel, from a member of the distributor's staff. */
function inChannel(extra: Partial<Activity>): Partial<Activity> {
  return {
    channelId: 'msteams',
    locale: 'ru-RU',
    from: { id: '29:1staff-petrova', name: 'Петрова Анна', aadObjectId: '11111111-2222-3333-4444-555555555555' },
    recipient: BOT,
    conversation: { id: '19:inbox@thread.tacv2;messageid=1700000000000', conversationType: 'channel', tenantId: TENANT_ID, isGroup: true, name: '' },
    channelData: { tenant: { id: TENANT_ID }, channel: { id: '19:inbox@thread.tacv2', name: 'Заявки' } },
    ...extra,
  };
}

function executeInvoke(verb: string): Partial<Activity> {
  return inChannel({
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: '1700000000001',
    value: { action: { type: 'Action.Execute', verb, data: { orderId: 'CSP-7K2M9Q', tenantId: 'customer', revision: 1 } }, trigger: 'manual' },
  });
}

/** The card of the invoke response the bot sent. */
function invokeCard(sent: Partial<Activity>[]): AdaptiveCard {
  const response = sent.find((activity) => activity.type === 'invokeResponse')?.value as { body?: { value?: AdaptiveCard } } | undefined;
  const card = response?.body?.value;
  if (card === undefined) throw new Error('the bot answered the invoke without a card');
  return card;
}

describe('the bot in a team', () => {
  it('hands its install to the distributor desk as an inbox claim and sends the desk\'s reply', async () => {
    const h = harness();

    const sent = await h.run(inChannel({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: BOT.name }] }));

    expect(h.desk.claims).toEqual([
      {
        actor: expect.objectContaining({ tenantId: TENANT_ID, teamsUserId: '29:1staff-petrova', locale: 'ru' }),
        channel: expect.objectContaining({ conversation: expect.objectContaining({ name: 'Заявки' }) }),
        reason: 'install',
      },
    ]);
    expect(sent.map((activity) => activity.text)).toEqual(['desk: noted']);
  });

  it('hands a message that @mentions the bot to the desk without the mention, so "inbox" stays a command', async () => {
    const h = harness();
    const mention = `<at>${BOT.name}</at>`;

    const sent = await h.run(
      inChannel({ type: 'message', text: `${mention} inbox`, entities: [{ type: 'mention', text: mention, mentioned: BOT }] }),
    );

    expect(h.desk.messages.map((message) => message.text)).toEqual(['inbox']);
    expect(sent.map((activity) => activity.text)).toEqual(['desk: noted']);
  });

  it.each([CardVerb.acceptOrder, CardVerb.requestChanges, CardVerb.completeOrder, CardVerb.refreshOrder])(
    'routes %s on an order card straight to the desk; its card is the invoke response',
    async (verb) => {
      const h = harness();

      const sent = await h.run(executeInvoke(verb));

      expect(h.desk.actions).toEqual([
        expect.objectContaining({ verb, via: 'invoke', messageId: '1700000000001', data: { orderId: 'CSP-7K2M9Q', tenantId: 'customer', revision: 1 } }),
      ]);
      expect(invokeCard(sent)).toEqual(h.desk.card);
    },
  );

  it('routes a customer verb to the conversation, not the desk', async () => {
    const h = harness();

    const card = invokeCard(await h.run(executeInvoke(CardVerb.showHelp)));

    expect(cardTexts(card)).toContain(helpTexts.title.ru);
    expect(h.desk.actions).toEqual([]);
  });
});
