import { randomUUID } from 'node:crypto';

/**
 * Activities shaped like the ones Teams posts to `/api/messages` in a
 * personal (1:1) chat, for tests that drive the bot over HTTP. `serviceUrl`
 * is where the bot answers: a connector stand-in.
 */

export const TEST_BOT = { id: '28:0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b', name: 'CSP Onboarding' } as const;

export interface PersonalChat {
  readonly serviceUrl: string;
  readonly locale?: string;
  readonly tenantId?: string;
  readonly conversationId?: string;
  readonly user?: { readonly id: string; readonly aadObjectId: string; readonly name?: string };
}

export interface TeamsActivity {
  readonly type: string;
  readonly id: string;
  readonly [key: string]: unknown;
}

const DEFAULT_TENANT = '7d1e0c52-3b9a-4f6e-8a21-5c4b3d2e1f00';
const DEFAULT_USER = { id: '29:1stand-in-customer-admin', aadObjectId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Иванов Иван Иванович' };

function envelope(chat: PersonalChat, type: string): TeamsActivity {
  const tenantId = chat.tenantId ?? DEFAULT_TENANT;
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: chat.serviceUrl,
    ...(chat.locale === undefined ? {} : { locale: chat.locale }),
    from: chat.user ?? DEFAULT_USER,
    recipient: TEST_BOT,
    conversation: { conversationType: 'personal', tenantId, id: chat.conversationId ?? `a:1${randomUUID()}` },
    channelData: { tenant: { id: tenantId } },
  };
}

/** The app was installed in the personal scope: Teams adds the bot to the chat. */
export function botAddedToPersonalChat(chat: PersonalChat): TeamsActivity {
  return { ...envelope(chat, 'conversationUpdate'), membersAdded: [{ id: TEST_BOT.id }] };
}

/** Someone other than the bot joined (never happens in 1:1 chats, common in group chats). */
export function userAddedToPersonalChat(chat: PersonalChat): TeamsActivity {
  return { ...envelope(chat, 'conversationUpdate'), membersAdded: [{ id: (chat.user ?? DEFAULT_USER).id }] };
}

/** The user typed `text`. */
export function personalMessage(chat: PersonalChat, text: string): TeamsActivity {
  return {
    ...envelope(chat, 'message'),
    text,
    textFormat: 'plain',
    entities: [{ type: 'clientInfo', locale: chat.locale ?? 'en-US', country: 'RU', platform: 'Web' }],
  };
}

/** Posts an activity to the bot endpoint, as the Bot Connector service does. */
export function postActivity(appUrl: string, activity: TeamsActivity, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
  return fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
    // A cap so a hanging bot fails the test instead of stalling it.
    signal: AbortSignal.timeout(20_000),
  });
}

/** A channel of a team, as Teams names it in activities posted from there. */
export interface TeamChannel {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly teamId: string;
  /** The channel's conversation id; General's equals the team id. */
  readonly channelId: string;
  readonly channelName?: string;
  readonly locale?: string;
  readonly user: { readonly id: string; readonly aadObjectId: string; readonly name?: string };
}

function channelEnvelope(channel: TeamChannel, type: string, threadId?: string): TeamsActivity {
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: channel.serviceUrl,
    locale: channel.locale ?? 'ru-RU',
    from: channel.user,
    recipient: TEST_BOT,
    conversation: {
      conversationType: 'channel',
      isGroup: true,
      tenantId: channel.tenantId,
      id: threadId === undefined ? channel.channelId : `${channel.channelId};messageid=${threadId}`,
    },
    channelData: {
      tenant: { id: channel.tenantId },
      team: { id: channel.teamId, name: 'My Team' },
      channel: { id: channel.channelId, ...(channel.channelName === undefined ? {} : { name: channel.channelName }) },
    },
  };
}

/** The app was added to the team: Teams adds the bot, in the team's General channel. */
export function botAddedToTeam(channel: TeamChannel): TeamsActivity {
  return { ...channelEnvelope(channel, 'conversationUpdate'), membersAdded: [{ id: TEST_BOT.id }] };
}

/** `@bot text` posted in the channel (a channel bot only gets messages that mention it). */
export function channelMessage(channel: TeamChannel, text: string): TeamsActivity {
  const mention = `<at>${TEST_BOT.name}</at>`;
  return {
    ...channelEnvelope(channel, 'message', '1700000000000'),
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: mention, mentioned: TEST_BOT }],
  };
}

/** What Teams posts when an `Action.Execute` button is pressed on the message `replyToId` of `activity`'s conversation. */
export function cardActionInvoke(activity: TeamsActivity, verb: string, data: Readonly<Record<string, unknown>> = {}, replyToId = 'm0'): TeamsActivity {
  const { text: _text, textFormat: _format, entities: _entities, membersAdded: _added, ...envelope } = activity;
  return {
    ...envelope,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
  };
}

/** An order card's button pressed in a channel thread. */
export function channelCardAction(channel: TeamChannel, verb: string, data: Readonly<Record<string, unknown>>): TeamsActivity {
  return cardActionInvoke(channelEnvelope(channel, 'message', '1700000000001'), verb, data, '1700000000001');
}
