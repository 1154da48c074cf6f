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

/** A card button (`Action.Execute`) pressed in the chat: the `adaptiveCard/action` invoke Teams sends. */
export function cardActionInvoke(chat: PersonalChat, verb: string, data: Readonly<Record<string, unknown>> = {}): TeamsActivity {
  return {
    ...envelope(chat, 'invoke'),
    name: 'adaptiveCard/action',
    replyToId: 'm0',
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
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
