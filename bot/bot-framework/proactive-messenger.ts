import { CardFactory, TurnContext } from 'botbuilder';
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import type { ConversationReferenceJson } from '../storage/conversation-reference.js';
import { ConversationGoneError } from '../delivery/card-messenger.js';
import type { CardMessenger, PostedMessage } from '../delivery/card-messenger.js';
import { channelConversationId } from '../distributor/channel-reference.js';

/** What a stored reference needs for the Connector to be reachable at all. */
const referenceSchema = z.looseObject({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

type Reference = z.infer<typeof referenceSchema>;

/**
 * Proactive card messages over the Bot Framework (CardMessenger): a turn is
 * opened with `continueConversationAsync` on a stored reference, and the
 * activity goes straight to the adapter, so the continuation event's own id
 * never turns a new message into a reply.
 */
export class ProactiveMessenger implements CardMessenger {
  /**
   * @param botAppId the bot's Microsoft App id, or '' for the anonymous demo
   *   bot; outbound tokens are issued for it.
   */
  constructor(
    private readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>,
    private readonly botAppId: string,
  ) {}

  async postToChannel(channel: ConversationReferenceJson, card: AdaptiveCard, signal?: AbortSignal): Promise<PostedMessage> {
    const reference = parseReference(channel);
    const channelId = channelConversationId(channel);
    if (channelId === undefined) throw new Error('the inbox reference names no channel conversation');
    // Addressed to the channel itself (not to a thread in it), the message starts a new thread.
    const root: Reference = { ...withoutActivityId(reference), conversation: { ...reference.conversation, id: channelId } };
    const activityId = await this.send(root, card, signal);
    return { conversation: root, activityId };
  }

  sendCard(conversation: ConversationReferenceJson, card: AdaptiveCard, signal?: AbortSignal): Promise<string> {
    return this.send(withoutActivityId(parseReference(conversation)), card, signal);
  }

  async updateCard(message: PostedMessage, card: AdaptiveCard, signal?: AbortSignal): Promise<void> {
    const reference = withoutActivityId(parseReference(message.conversation));
    await this.inTurn(reference, async (context) => {
      const activity = TurnContext.applyConversationReference(cardActivity(card), asConversationReference(reference));
      await connectorOf(context).updateActivity(
        reference.conversation.id,
        message.activityId,
        { ...activity, id: message.activityId },
        { abortSignal: signal },
      );
    });
  }

  private async send(reference: Reference, card: AdaptiveCard, signal?: AbortSignal): Promise<string> {
    let activityId: string | undefined;
    await this.inTurn(reference, async (context) => {
      const activity = TurnContext.applyConversationReference(cardActivity(card), asConversationReference(reference));
      const response = await connectorOf(context).sendToConversation(reference.conversation.id, activity, { abortSignal: signal });
      activityId = response.id;
    });
    if (!activityId) throw new Error('the Bot Connector accepted the message but answered no activity id');
    return activityId;
  }

  /**
   * Runs `work` in a proactive turn and rethrows its failure. Inside the turn
   * an error would reach the adapter's `onTurnError`, which would post a
   * "something went wrong" message into the very conversation and swallow it.
   */
  private async inTurn(reference: Reference, work: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { readonly error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, asConversationReference(reference), async (context) => {
      try {
        await work(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw asGone(failure.error);
  }
}

/**
 * The Connector operations this messenger calls. The adapter's own
 * `sendActivities` / `updateActivity` call the same ones but take no
 * abort signal; the Connector client takes one per request.
 */
interface ConnectorConversations {
  sendToConversation(
    conversationId: string,
    activity: Partial<Activity>,
    options: { abortSignal: AbortSignal | undefined },
  ): Promise<{ id?: string }>;
  updateActivity(
    conversationId: string,
    activityId: string,
    activity: Partial<Activity>,
    options: { abortSignal: AbortSignal | undefined },
  ): Promise<unknown>;
}

/** The Connector client the adapter put into the proactive turn. */
function connectorOf(context: TurnContext): ConnectorConversations {
  const client = context.turnState.get<{ conversations?: Partial<ConnectorConversations> } | undefined>(
    context.adapter.ConnectorClientKey,
  );
  const conversations = client?.conversations;
  if (typeof conversations?.sendToConversation !== 'function' || typeof conversations.updateActivity !== 'function') {
    throw new Error('the proactive turn carries no Bot Connector client');
  }
  return conversations as ConnectorConversations;
}

function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
}

function parseReference(reference: ConversationReferenceJson): Reference {
  const result = referenceSchema.safeParse(reference);
  if (!result.success) throw new Error(`not a usable conversation reference: ${z.prettifyError(result.error)}`);
  return result.data;
}

function withoutActivityId(reference: Reference): Reference {
  const copy: Record<string, unknown> = { ...reference };
  delete copy['activityId'];
  return copy as Reference;
}

/** The stored JSON is what `TurnContext.getConversationReference` produced; only its needed parts were checked. */
function asConversationReference(reference: Reference): Partial<ConversationReference> {
  return reference as unknown as Partial<ConversationReference>;
}

/** 403 (bot removed, user blocked it) and 404 (conversation or message gone) cannot be retried into success. */
function asGone(error: unknown): unknown {
  const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  if (status !== 403 && status !== 404) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ConversationGoneError(`the Bot Connector answered ${status}: ${detail}`, { cause: error });
}
