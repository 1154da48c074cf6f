import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import type { ConversationReferenceJson } from '../storage/conversation-reference.js';

/** A message the bot posted: where it is, for later updates. */
export interface PostedMessage {
  /** The conversation to address updates of the message to. */
  readonly conversation: ConversationReferenceJson;
  readonly activityId: string;
}

/**
 * Proactive card messages, outside any incoming turn. Implemented over the
 * Bot Framework in bot/bot-framework/proactive-messenger.ts; the distributor
 * side sees only this.
 */
export interface CardMessenger {
  /**
   * Starts a new thread in the channel `channel` points into (any message of
   * it will do). `signal` aborts the request to the Bot Connector.
   */
  postToChannel(channel: ConversationReferenceJson, card: AdaptiveCard, signal?: AbortSignal): Promise<PostedMessage>;
  /** Sends a card into a conversation, e.g. a customer's 1:1 chat; returns the new activity id. `signal` aborts the request. */
  sendCard(conversation: ConversationReferenceJson, card: AdaptiveCard, signal?: AbortSignal): Promise<string>;
  /** Replaces the card of an earlier message for everyone who sees it; `signal` aborts the request. */
  updateCard(message: PostedMessage, card: AdaptiveCard, signal?: AbortSignal): Promise<void>;
}

/**
 * The conversation or message is gone for the bot (Teams answered 403 or
 * 404): the app was removed, the user blocked the bot, the message was
 * deleted. Retrying the same call cannot help.
 */
export class ConversationGoneError extends Error {
  override readonly name = 'ConversationGoneError';
}
