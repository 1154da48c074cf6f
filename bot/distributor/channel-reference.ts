import type { ConversationReferenceJson } from '../storage/conversation-reference.js';

/**
 * The few facts read from a stored channel conversation reference. In Teams a
 * message inside a channel thread has the conversation id
 * `{channelId};messageid={rootMessageId}`; the channel itself is the part
 * before the `;`.
 */

function conversationOf(reference: ConversationReferenceJson): Readonly<Record<string, unknown>> | undefined {
  const conversation = reference['conversation'];
  return typeof conversation === 'object' && conversation !== null ? (conversation as Record<string, unknown>) : undefined;
}

/** The channel's own conversation id (posting to it starts a new thread), if the reference has one. */
export function channelConversationId(reference: ConversationReferenceJson): string | undefined {
  const id = conversationOf(reference)?.['id'];
  if (typeof id !== 'string') return undefined;
  const channelId = id.split(';')[0]?.trim();
  return channelId ? channelId : undefined;
}

/** The channel's display name when the reference carries one (`conversation.name`). */
export function channelDisplayName(reference: ConversationReferenceJson): string | undefined {
  const name = conversationOf(reference)?.['name'];
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

/** Both references point into the same channel. */
export function isSameChannel(a: ConversationReferenceJson, b: ConversationReferenceJson): boolean {
  const first = channelConversationId(a);
  return first !== undefined && first === channelConversationId(b);
}
