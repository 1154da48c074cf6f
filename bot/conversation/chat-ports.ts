import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { ConversationReferenceJson } from '../storage/conversation-reference.js';
import type { ChatReply } from './onboarding-conversation.js';

/**
 * The seams between the chat (customer side, bot/conversation) and the
 * distributor side (bot/distributor). Both sides see only these types; the
 * Bot Framework types stay in bot/bot-framework.
 */

/** Someone acting in Teams, as the verified activity names them. */
export interface TeamsActor {
  /** The tenant of the activity (`channelData.tenant.id` / `conversation.tenantId`). */
  readonly tenantId: string;
  /** Entra object id (`from.aadObjectId`), when Teams sends it. */
  readonly userId?: string;
  /** Teams user id (`from.id`), e.g. `29:1abc…`; used for `refresh.userIds`. */
  readonly teamsUserId: string;
  readonly name?: string;
  readonly locale: Locale;
}

/** A card action (Action.Execute invoke or Action.Submit message) on a distributor card. */
export interface DistributorCardAction {
  readonly verb: 'acceptOrder' | 'requestChanges' | 'completeOrder' | 'refreshOrder';
  /** The action's data merged with the card's input values (e.g. the change-request comment). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly actor: TeamsActor;
  /** `invoke` answers with a card (Universal Actions); `submit` updates the message instead. */
  readonly via: 'invoke' | 'submit';
  /** The activity id of the card message acted on (`replyToId`), when known. */
  readonly messageId?: string;
  readonly conversation: ConversationReferenceJson;
}

/** The distributor's side of the bot: inbox channel, order cards, status changes. */
export interface DistributorDesk {
  /** The bot was added to a team, or someone typed the inbox command in a channel. */
  claimInbox(request: { readonly actor: TeamsActor; readonly channel: ConversationReferenceJson; readonly reason: 'install' | 'command' }): Promise<ChatReply>;
  /** Returns the card the actor should now see (the updated order card, or an error card). */
  handleCardAction(action: DistributorCardAction): Promise<AdaptiveCard>;
}

/** Where status changes reach the customer admin: their 1:1 chats with the bot. */
export interface CustomerDirectory {
  /** Called on every activity in a personal chat, so proactive messages can reach the admin later. */
  remember(request: { readonly actor: TeamsActor; readonly conversation: ConversationReferenceJson }): Promise<void>;
}
