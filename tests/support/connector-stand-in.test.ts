import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsInfo } from 'botbuilder';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MEMBERS, startConnectorStandIn } from './connector-stand-in.js';
import type { ConnectorStandIn } from './connector-stand-in.js';

/** The stand-in answers botbuilder's own client the way Teams does, so bot code works against it unchanged. */

let connector: ConnectorStandIn;
// Anonymous, like the demo mode: no tokens are fetched for outgoing calls.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

beforeAll(async () => {
  connector = await startConnectorStandIn({ channels: (teamId) => [{ id: teamId, name: 'General' }, { id: '19:announcements@thread.tacv2', name: 'Announcements' }] });
});

afterAll(async () => {
  await connector?.stop();
});

beforeEach(() => {
  connector.clear();
  connector.respondWith(undefined);
});

function personalChat(): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: connector.url,
    bot: { id: '28:bot', name: 'Bot' },
    user: { id: DEFAULT_MEMBERS[0]?.id ?? '', name: 'Admin' },
    conversation: { id: 'a:1personal;with:odd@chars', conversationType: 'personal', isGroup: false, name: '' },
  };
}

function inChat<T>(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<T>): Promise<T> {
  let result: T | undefined;
  return adapter
    .continueConversationAsync('', reference, async (context) => {
      result = await logic(context);
    })
    .then(() => result as T);
}

describe('the connector stand-in', () => {
  it('takes proactive messages and updates, and records them decoded', async () => {
    const sentId = await inChat(personalChat(), async (context) => {
      const sent = await context.sendActivity('первое сообщение');
      const id = sent?.id ?? '';
      await context.updateActivity({ id, type: 'message', text: 'исправленное сообщение' });
      await context.deleteActivity(id);
      return sent?.id;
    });

    expect(sentId).toMatch(/^activity-\d+$/);
    // A proactive send replies to the continuation activity botbuilder makes up.
    expect(connector.requests.map((request) => request.operation)).toEqual(['replyToActivity', 'updateActivity', 'deleteActivity']);
    expect(connector.requests.every((request) => request.conversationId === 'a:1personal;with:odd@chars')).toBe(true);
    expect(connector.sentActivities().map(({ operation, activityId, activity }) => ({ operation, activityId, text: activity.text }))).toEqual([
      { operation: 'replyToActivity', activityId: sentId, text: 'первое сообщение' },
      { operation: 'updateActivity', activityId: sentId, text: 'исправленное сообщение' },
    ]);
  });

  it('answers member look-ups with Teams members', async () => {
    const [members, member] = await inChat(personalChat(), async (context) =>
      Promise.all([TeamsInfo.getPagedMembers(context), TeamsInfo.getMember(context, DEFAULT_MEMBERS[0]?.id ?? '')]),
    );

    expect(members.members).toEqual([expect.objectContaining({ id: DEFAULT_MEMBERS[0]?.id, aadObjectId: DEFAULT_MEMBERS[0]?.aadObjectId })]);
    expect(member).toMatchObject({ name: 'Иванов Иван Иванович', tenantId: DEFAULT_MEMBERS[0]?.tenantId, userPrincipalName: 'it@romashka.onmicrosoft.com' });
  });

  it("starts a thread in a team's channel the way Teams names it", async () => {
    const channel = '19:general@thread.tacv2';

    let thread: { conversationId?: string; activityId?: string | undefined } = {};

    // CloudAdapter's way (TeamsInfo.sendMessageToTeamsChannel needs the older BotFrameworkAdapter).
    await adapter.createConversationAsync(
      '',
      'msteams',
      connector.url,
      '',
      { isGroup: true, channelData: { channel: { id: channel } }, activity: { type: 'message', text: 'Новая заявка' } as Activity, bot: { id: '28:bot', name: 'Bot' }, members: [] },
      async (context) => {
        thread = { conversationId: context.activity.conversation.id, activityId: context.activity.id };
      },
    );

    const posted = await connector.waitForActivity((sent) => sent.operation === 'createConversation');
    expect(posted.activityId).toMatch(/^activity-\d+$/);
    expect(posted).toMatchObject({ conversationId: `${channel};messageid=${posted.activityId}`, activity: { text: 'Новая заявка' } });
    expect(thread.conversationId).toBe(posted.conversationId);
  });

  it("lists a team's channels", async () => {
    const channels = await inChat({ ...personalChat(), conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' } }, (context) =>
      TeamsInfo.getTeamChannels(context, '19:general@thread.tacv2'),
    );
    expect(channels.map((channel) => channel.name)).toEqual(['General', 'Announcements']);
  });

  it('lets a test fail a call, and botbuilder sees the failure', async () => {
    connector.respondWith((request) => (request.operation === 'replyToActivity' || request.operation === 'sendToConversation' ? { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'gone' } } } : undefined));

    await expect(inChat(personalChat(), (context) => context.sendActivity('hi'))).rejects.toThrow(/gone|403|BotNotInConversationRoster/);
    expect(connector.sentActivities()).toEqual([]);
  });

  it('waits for a request that arrives later, and names what it saw when none comes', async () => {
    const waiting = connector.waitForRequest((request) => request.operation === 'replyToActivity');
    await inChat(personalChat(), (context) => context.sendActivity('later'));
    expect((await waiting).body).toMatchObject({ text: 'later' });

    await expect(connector.waitFor(() => false, { timeoutMs: 50, description: 'a miracle' })).rejects.toThrow(
      /did not see a miracle within 50 ms\. Requests seen:\n {2}POST \/v3\/conversations\/.*\(replyToActivity\)/,
    );
  });
});
