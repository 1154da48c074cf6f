import { LRUCache } from 'lru-cache';
import type { CustomerDirectory, TeamsActor } from '../conversation/chat-ports.js';
import type { ConversationReferenceJson } from '../storage/conversation-reference.js';
import type { ConversationStore } from '../storage/conversation-store.js';

export interface CustomerConversationsOptions {
  readonly store: ConversationStore;
  readonly clock?: () => Date;
  /** An unchanged conversation is written again only after this long (default 1 hour). */
  readonly refreshAfterMs?: number;
  /** Conversations remembered in memory to skip writes (default 10 000). */
  readonly cacheSize?: number;
}

interface Written {
  readonly fingerprint: string;
  readonly at: number;
}

/**
 * Remembers each customer admin's 1:1 chat so status changes can reach it
 * (CustomerDirectory). It runs on every personal-chat activity, so a write is
 * skipped when this process stored the same reference, name and locale
 * within the last hour; the hourly rewrite keeps "most recently seen" useful.
 */
export class CustomerConversations implements CustomerDirectory {
  private readonly clock: () => Date;
  private readonly refreshAfterMs: number;
  /** What this process last wrote per admin; the least recently used admin is forgotten first. */
  private readonly written: LRUCache<string, Written>;

  constructor(private readonly options: CustomerConversationsOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.refreshAfterMs = options.refreshAfterMs ?? 60 * 60 * 1000;
    this.written = new LRUCache({ max: options.cacheSize ?? 10_000 });
  }

  async remember(request: { readonly actor: TeamsActor; readonly conversation: ConversationReferenceJson }): Promise<void> {
    const { actor, conversation } = request;
    // As Teams gives it, like the tenant ids orders are stored under.
    const tenantId = actor.tenantId;
    const key = `${tenantId}\n${actor.teamsUserId}`;
    const fingerprint = JSON.stringify([conversation, actor.locale, actor.name ?? null, actor.userId ?? null]);
    const now = this.clock();
    const previous = this.written.get(key);
    if (previous && previous.fingerprint === fingerprint && now.getTime() - previous.at < this.refreshAfterMs) return;

    await this.options.store.savePersonal({
      tenantId,
      teamsUserId: actor.teamsUserId,
      locale: actor.locale,
      conversation,
      lastSeenAt: now,
      ...(actor.userId !== undefined && { userId: actor.userId }),
      ...(actor.name !== undefined && { name: actor.name }),
    });
    this.written.set(key, { fingerprint, at: now.getTime() });
  }
}
