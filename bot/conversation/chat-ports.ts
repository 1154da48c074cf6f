import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import type { CardVerb } from '../../src/domain/cards/card-actions.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { TeamsMemberProfile } from '../../src/domain/tenant/teams-member-prefill.js';
import type { TenantResponse } from '../../src/domain/tenant/tenant-response.js';
import type { ConversationReferenceJson } from '../storage/conversation-reference.js';

/**
 * The seams between the Bot Framework handler (bot/bot-framework), the
 * customer's chat (bot/conversation) and the distributor side
 * (bot/distributor). Every side sees only these types, and this file imports
 * nothing from them, so no two of them import each other. The Bot Framework
 * types stay in bot/bot-framework.
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

/** One incoming activity, as far as the conversation and the desk need it. */
export interface ChatTurn {
  readonly actor: TeamsActor;
  readonly conversation: ConversationReferenceJson;
  /**
   * What Teams says about the actor (`TeamsInfo.getMember`), fetched only when
   * a form or an answer needs it; resolves to undefined when Teams cannot tell.
   */
  readonly member?: () => Promise<TeamsMemberProfile | undefined>;
}

/** What the OAuth card offers: the exchange id Teams echoes back and the resource it gets a token for. */
export interface SignInOffer {
  readonly exchangeId: string;
  readonly resource: string;
  readonly title: string;
  readonly text: string;
  /**
   * The sign-in button's link (`/auth/start`), which Teams opens in its
   * authentication window when the silent exchange fails; after the page's
   * `notifySuccess` Teams sends `signin/verifyState` (Microsoft Learn,
   * "Authentication flow for bots").
   */
  readonly signInLink?: string;
}

/** What the bot says, decided without any Bot Framework types. */
export interface ChatReply {
  readonly text?: string;
  readonly card?: AdaptiveCard;
  /** Send an OAuth card (Teams bot SSO) before the card, so the form can be prefilled from Microsoft 365. */
  readonly signIn?: SignInOffer;
}

/** The value of a `signin/tokenExchange` invoke. */
export interface TokenExchangeRequest {
  readonly id: string;
  readonly connectionName: string;
  readonly token: string;
}

/**
 * Token-exchange ids already taken, shared by every instance of the server
 * (bot/storage/token-exchange-claims.ts), so each exchange is answered with
 * the work once whichever instance each copy reaches.
 */
export interface ExchangeClaims {
  /** Takes `id` for this process; false when a process (this or another) took it first. */
  claim(tenantId: string, id: string): Promise<boolean>;
  /** Gives `id` back after a failed exchange, so a later copy may try again. */
  release(tenantId: string, id: string): Promise<void>;
}

/** What the sign-in made of one token exchange. */
export type TokenExchangeOutcome =
  | { readonly kind: 'signedIn'; readonly tenant: TenantResponse }
  /** Another client already sent this exchange id: answer 200, do nothing more. */
  | { readonly kind: 'duplicate' }
  /**
   * Answer 412 so Teams shows the sign-in button; `failureDetail` is for
   * diagnostics, not users. `adminConsentUrl` when only an administrator's
   * consent would help: the chat then gives the link.
   */
  | { readonly kind: 'failed'; readonly failureDetail: string; readonly adminConsentUrl?: string };

/** How to answer a `signin/tokenExchange` invoke. */
export type TokenExchangeAnswer =
  /** Answer 200 and send `reply`: the order form prefilled from the tenant's facts. */
  | { readonly kind: 'signedIn'; readonly reply: ChatReply }
  /** Answer 200 and nothing else: another copy of the same exchange did the work. */
  | { readonly kind: 'duplicate' }
  /** Answer 412 with `failureDetail`, so Teams shows the sign-in button; send `reply` first when there is one. */
  | { readonly kind: 'failed'; readonly failureDetail: string; readonly reply?: ChatReply };

/** The verbs of the distributor's order cards; every other verb is the customer's. */
export type DistributorVerb = typeof CardVerb.acceptOrder | typeof CardVerb.requestChanges | typeof CardVerb.completeOrder | typeof CardVerb.refreshOrder;
export type CustomerVerb = Exclude<CardVerb, DistributorVerb>;

/**
 * What Teams says about a member of the conversation the turn came from
 * (`TeamsInfo.getMember`, Connector `GET /v3/conversations/{id}/members/{userId}`):
 * `userRole` is `user`, `guest` or `anonymous`; `tenantId` is the member's own tenant.
 */
export interface TeamsMembership {
  readonly userRole?: string;
  readonly tenantId?: string;
}

/** Looks the turn's actor up in its team or chat; `undefined` when Teams does not know them as a member. */
export type MemberLookup = () => Promise<TeamsMembership | undefined>;

/** A button pressed on one of the bot's cards (Action.Execute invoke or Action.Submit message). */
export interface CardActionTurn<V extends string = string> extends ChatTurn {
  readonly verb: V;
  /**
   * Asks Teams who the actor is in this conversation. Only the distributor's
   * verbs need it; the desk refuses an action without it.
   */
  readonly lookUpMember?: MemberLookup;
  /** The action's data merged with the card's input values (e.g. the change-request comment). */
  readonly data: Readonly<Record<string, unknown>>;
  /** `invoke` answers with a card (Universal Actions); `submit` updates the message instead. */
  readonly via: 'invoke' | 'submit';
  /** The activity id of the card message acted on (`replyToId`), when known. */
  readonly messageId?: string;
}

export type CustomerCardAction = CardActionTurn<CustomerVerb>;

/** «Не напоминать» on a reminder: no more journey reminders for the tenant (bot/journey). */
export interface ReminderOptOut {
  stopReminders(tenantId: string, by: string | undefined): Promise<void>;
}
export type DistributorCardAction = CardActionTurn<DistributorVerb>;

/** Someone wants a channel to become the distributor's inbox. */
export interface InboxClaim {
  readonly actor: TeamsActor;
  readonly channel: ConversationReferenceJson;
  /** `install`: the bot was added to a team; `command`: someone typed the inbox command in a channel. */
  readonly reason: 'install' | 'command';
}

/** The distributor's side of the bot: inbox channel, order cards, status changes. */
export interface DistributorDesk {
  claimInbox(request: InboxClaim): Promise<ChatReply>;
  /** Text typed in a channel (the bot's @mention already removed): only the inbox command means something there. */
  channelMessage(turn: ChatTurn, text: string): Promise<ChatReply>;
  /** Returns the card the actor should now see (the updated order card, or an error card). */
  handleCardAction(action: DistributorCardAction): Promise<AdaptiveCard>;
}

/** Where status changes reach the customer admin: their 1:1 chats with the bot. */
export interface CustomerDirectory {
  /** Called on every activity in a personal chat, so proactive messages can reach the admin later. */
  remember(request: { readonly actor: TeamsActor; readonly conversation: ConversationReferenceJson }): Promise<void>;
}
