import { ActivityTypes, CardFactory, TeamsActivityHandler, TeamsInfo, TurnContext } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, Attachment, SigninStateVerificationQuery } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../src/domain/cards/adaptive-card.js';
import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../src/domain/cards/card-actions.js';
import { localeFromTag, pick } from '../../src/domain/i18n/locale.js';
import type { TeamsMemberProfile } from '../../src/domain/tenant/teams-member-prefill.js';
import type { ChatReply, ChatTurn, DistributorDesk, TeamsActor, TeamsMembership } from '../conversation/chat-ports.js';
import { chatTexts } from '../conversation/chat-texts.js';
import type { Logger } from '../logger.js';
import type { ConversationReferenceJson } from '../storage/conversation-reference.js';
import { parseTokenExchangeRequest } from '../conversation/chat-sign-in.js';
import type { OnboardingConversation } from '../conversation/onboarding-conversation.js';
import { activityRefusal } from './activity-gate.js';
import type { ActivityGatePolicy, ActivityRefusal } from './activity-gate.js';
import { signInCardAttachment, tokenExchangeFailure } from './bot-sign-in.js';
import { cardActionRoutes, routeCardAction } from './card-action-routes.js';
import type { CardActionRoutes } from './card-action-routes.js';

/** The two sides the bot talks for. */
export interface OnboardingBotSides {
  /** The customer admin's personal chat. */
  readonly conversation: OnboardingConversation;
  /** Teams and channels: the inbox, and the distributor's order cards. */
  readonly desk: DistributorDesk;
}

export interface OnboardingBotOptions extends ActivityGatePolicy {
  readonly logger?: Pick<Logger, 'warn'>;
}

/**
 * Translates Teams activities into the decisions of the customer's
 * conversation or the distributor desk, and back. The only place (with
 * cloud-adapter.ts and proactive-messenger.ts) that knows botbuilder's types.
 */
export class OnboardingBot extends TeamsActivityHandler {
  private readonly conversation: OnboardingConversation;
  private readonly desk: DistributorDesk;
  private readonly routes: CardActionRoutes;

  constructor(
    sides: OnboardingBotSides,
    private readonly options: OnboardingBotOptions = { loopbackServiceUrlOnly: false },
  ) {
    super();
    this.conversation = sides.conversation;
    this.desk = sides.desk;
    this.routes = cardActionRoutes(sides.conversation, sides.desk);

    this.onMembersAdded(async (context, next) => {
      const botWasAdded = context.activity.membersAdded?.some((member) => member.id === context.activity.recipient.id);
      const turn = chatTurn(context);
      if (botWasAdded && turn) {
        // Added to a team (or group chat): that team may become the distributor's inbox.
        const reply = isPersonal(context)
          ? await this.conversation.welcome(turn)
          : await this.desk.claimInbox({ actor: turn.actor, channel: turn.conversation, reason: 'install' });
        await send(context, reply);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const turn = chatTurn(context);
      if (turn) {
        const submitted = submittedAction(context.activity.value);
        if (submitted) await this.onSubmitAction(context, turn, submitted);
        else if (isPersonal(context)) await send(context, await this.conversation.personalMessage(turn, typedText(context)));
        else await send(context, await this.desk.channelMessage(turn, typedText(context)));
      }
      await next();
    });
  }

  /** Activities that are not from Teams (or, in demo mode, would be answered off this machine) go no further. */
  override async run(context: TurnContext): Promise<void> {
    const refusal = activityRefusal(context.activity, this.options);
    if (refusal === undefined) return super.run(context);
    const { activity } = context;
    this.options.logger?.warn({ refusal, channelId: activity.channelId, activityType: activity.type }, 'activity refused');
    await refuse(context, refusal);
  }

  /**
   * `signin/tokenExchange` (Teams bot SSO): returning answers 200; the
   * exception answers 412 so Teams shows the sign-in button instead.
   */
  protected override async handleTeamsSigninTokenExchange(context: TurnContext, _query: SigninStateVerificationQuery): Promise<void> {
    // botbuilder types the value as a verify-state query; Teams sends `{id, connectionName, token}`.
    const request = parseTokenExchangeRequest(context.activity.value);
    const turn = chatTurn(context);
    if (!turn) throw tokenExchangeFailure(request, 'the activity names no tenant');
    const answer = await this.conversation.tokenExchange(turn, request);
    if (answer.kind === 'failed') {
      if (answer.reply) await send(context, answer.reply);
      throw tokenExchangeFailure(request, answer.failureDetail);
    }
    if (answer.kind === 'signedIn') await send(context, answer.reply);
  }

  /** `signin/verifyState`: always 200; the conversation says what happens next. */
  protected override async handleTeamsSigninVerifyState(context: TurnContext, query: SigninStateVerificationQuery): Promise<void> {
    const turn = chatTurn(context);
    if (turn) await send(context, await this.conversation.signInStateVerified(turn, query?.state));
  }

  /** `Action.Execute` (Universal Actions): the card returned replaces the one pressed. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = chatTurn(context);
    if (!turn) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'no tenant' } };
    const data = isRecord(invokeValue.action.data) ? invokeValue.action.data : {};
    await this.offerSignIn(context, turn, invokeValue.action.verb);
    const card = await routeCardAction(this.routes, {
      ...turn,
      verb: invokeValue.action.verb,
      data,
      via: 'invoke',
      lookUpMember: () => lookUpMember(context),
      ...(context.activity.replyToId ? { messageId: context.activity.replyToId } : {}),
    });
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
  }

  /** `Action.Submit` (clients without Universal Actions): update the pressed card in place. */
  private async onSubmitAction(context: TurnContext, turn: ChatTurn, submitted: SubmittedAction): Promise<void> {
    await this.offerSignIn(context, turn, submitted.verb);
    const card = await routeCardAction(this.routes, {
      ...turn,
      verb: submitted.verb,
      data: submitted.data,
      via: 'submit',
      lookUpMember: () => lookUpMember(context),
      ...(context.activity.replyToId ? { messageId: context.activity.replyToId } : {}),
    });
    const replyToId = context.activity.replyToId;
    if (replyToId) {
      try {
        await context.updateActivity({ id: replyToId, type: 'message', attachments: [cardAttachment(card)] });
        return;
      } catch {
        // The message may be gone or not updatable in this client: answer with a new one.
      }
    }
    await send(context, { card });
  }

  /** The "start order" button asks for the form as typing "order" does: offer SSO beside it. */
  private async offerSignIn(context: TurnContext, turn: ChatTurn, verb: string): Promise<void> {
    if (verb !== CardVerb.startOrder || !isPersonal(context)) return;
    const signIn = this.conversation.signInOffer(turn.actor);
    if (signIn) await context.sendActivity({ type: 'message', attachments: [signInCardAttachment(signIn)] });
  }
}

interface SubmittedAction {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

function submittedAction(value: unknown): SubmittedAction | undefined {
  if (!isRecord(value) || typeof value['verb'] !== 'string') return undefined;
  return { verb: value['verb'], data: value };
}

/**
 * An invoke is answered in the HTTP response, never through `serviceUrl`;
 * a message from another channel gets one short line (not in demo mode off
 * this machine, where nothing may be sent at all).
 */
async function refuse(context: TurnContext, refusal: ActivityRefusal): Promise<void> {
  const { activity } = context;
  if (activity.type === ActivityTypes.Invoke) {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
  } else if (refusal === 'notTeams' && activity.type === ActivityTypes.Message) {
    await context.sendActivity(pick(chatTexts.onlyInTeams, localeFromTag(activity.locale)));
  }
}

/**
 * What Teams says about the activity's sender in this team or chat
 * (`TeamsInfo.getMember`, "Get single member details" in "Get Teams specific
 * context for your bot", https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context);
 * `undefined` when Teams answers that they are not a member (404).
 */
async function lookUpMember(context: TurnContext): Promise<TeamsMembership | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return { ...(member.userRole ? { userRole: member.userRole } : {}), ...(member.tenantId ? { tenantId: member.tenantId } : {}) };
  } catch (error) {
    if (isRecord(error) && error['statusCode'] === 404) return undefined;
    throw error;
  }
}

/**
 * The actor and conversation of a Teams activity, or nothing when it names
 * no tenant. Teams sets both `conversation.tenantId` and `channelData.tenant.id`
 * (run() has already refused every other channel); when both are present
 * they must agree.
 */
function chatTurn(context: TurnContext): ChatTurn | undefined {
  const { activity } = context;
  const channelData: unknown = activity.channelData;
  const fromConversation = nonEmpty(activity.conversation?.tenantId);
  const fromChannelData = nonEmpty(nested(channelData, 'tenant', 'id'));
  if (fromConversation && fromChannelData && fromConversation.toLowerCase() !== fromChannelData.toLowerCase()) return undefined;
  // An empty conversation.tenantId must not hide channelData's.
  const tenantId = fromConversation ?? fromChannelData;
  if (tenantId === undefined) return undefined;
  const actor: TeamsActor = {
    tenantId: tenantId.toLowerCase(),
    teamsUserId: activity.from.id,
    locale: localeFromTag(activity.locale),
    ...(activity.from.aadObjectId ? { userId: activity.from.aadObjectId } : {}),
    ...(activity.from.name ? { name: activity.from.name } : {}),
  };
  // Without the incoming activity's id: it changes with every message, is
  // no use for proactive messages, and would make every turn look like a new
  // conversation worth storing.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  // Teams names a channel in channelData, not in the conversation; the inbox shows it.
  const channelName = nested(channelData, 'channel', 'name');
  const conversation: ConversationReferenceJson = {
    ...reference,
    conversation: { ...reference.conversation, ...(typeof channelName === 'string' ? { name: channelName } : {}) },
  };
  return { actor, conversation, ...(isPersonal(context) ? { member: () => teamsMember(context) } : {}) };
}

/**
 * The user's name, e-mail and user principal name as Teams knows them, no
 * sign-in needed (`TeamsInfo.getMember`, "Get Teams-specific context for your
 * bot": https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context).
 */
async function teamsMember(context: TurnContext): Promise<TeamsMemberProfile | undefined> {
  const member = await TeamsInfo.getMember(context, context.activity.from.id);
  const profile: TeamsMemberProfile = {
    ...(member.name ? { name: member.name } : {}),
    ...(member.email ? { email: member.email } : {}),
    ...(member.userPrincipalName ? { userPrincipalName: member.userPrincipalName } : {}),
  };
  return Object.keys(profile).length === 0 ? undefined : profile;
}

function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation.conversationType === 'personal';
}

/**
 * The typed text without the bot's @mention: in a channel the bot only gets
 * messages that mention it, as `<at>name</at>` in the text plus a `mention`
 * entity, which botbuilder's `removeRecipientMention` takes out.
 */
function typedText(context: TurnContext): string {
  // On a copy: removeRecipientMention rewrites the text of the activity it is given.
  const text = TurnContext.removeRecipientMention({ ...context.activity, text: context.activity.text ?? '' });
  return text.replace(/\s+/g, ' ').trim();
}

async function send(context: TurnContext, reply: ChatReply): Promise<void> {
  // The OAuth card first: Teams exchanges the token while the admin reads the form.
  if (reply.signIn) await context.sendActivity({ type: 'message', attachments: [signInCardAttachment(reply.signIn)] });
  if (reply.text === undefined && reply.card === undefined) return;
  await context.sendActivity({
    type: 'message',
    ...(reply.text === undefined ? {} : { text: reply.text }),
    ...(reply.card === undefined ? {} : { attachments: [cardAttachment(reply.card)] }),
  });
}

function cardAttachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nested(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}
