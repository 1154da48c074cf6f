import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import type { ConversationReferenceJson } from '../../../bot/storage/conversation-reference.js';
import type { CardMessenger, PostedMessage } from '../../../bot/delivery/card-messenger.js';

export interface RecordedPost {
  readonly channel: ConversationReferenceJson;
  readonly card: AdaptiveCard;
  readonly message: PostedMessage;
}

export interface RecordedSend {
  readonly conversation: ConversationReferenceJson;
  readonly card: AdaptiveCard;
}

export interface RecordedUpdate {
  readonly message: PostedMessage;
  readonly card: AdaptiveCard;
}

type Failure = (call: { readonly operation: 'post' | 'send' | 'update'; readonly conversation: ConversationReferenceJson }) => Error | undefined;

/** A CardMessenger that records every call and fails when `failWith` says so. */
export class RecordingMessenger implements CardMessenger {
  readonly posts: RecordedPost[] = [];
  readonly sends: RecordedSend[] = [];
  readonly updates: RecordedUpdate[] = [];
  private nextId = 1;
  private failure: Failure | undefined;

  failWith(failure: Failure | undefined): void {
    this.failure = failure;
  }

  async postToChannel(channel: ConversationReferenceJson, card: AdaptiveCard): Promise<PostedMessage> {
    this.fail('post', channel);
    const message = { conversation: { ...channel, posted: true }, activityId: `posted-${this.nextId++}` };
    this.posts.push({ channel, card, message });
    return message;
  }

  async sendCard(conversation: ConversationReferenceJson, card: AdaptiveCard): Promise<string> {
    this.fail('send', conversation);
    this.sends.push({ conversation, card });
    return `sent-${this.nextId++}`;
  }

  async updateCard(message: PostedMessage, card: AdaptiveCard): Promise<void> {
    this.fail('update', message.conversation);
    this.updates.push({ message: { conversation: message.conversation, activityId: message.activityId }, card });
  }

  private fail(operation: 'post' | 'send' | 'update', conversation: ConversationReferenceJson): void {
    const error = this.failure?.({ operation, conversation });
    if (error) throw error;
  }
}
