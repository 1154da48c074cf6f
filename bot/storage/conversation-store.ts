import { odata } from '@azure/data-tables';
import type { TableClient, TableEntity } from '@azure/data-tables';
import {
  cardRowKey,
  INBOX_ROW_KEY,
  inboxEntity,
  parseInboxEntity,
  parsePersonalEntity,
  parsePostedCardEntity,
  PERSONAL_ROWS,
  personalEntity,
  postedCardEntity,
} from './conversation-entity.js';
import type { InboxChannel, PersonalConversation, PostedCard } from './conversation-entity.js';
import { storageStatusCode, toStorageError } from './storage-errors.js';
import { assertKeyPart } from './table-keys.js';

export type { InboxChannel, PersonalConversation, PostedCard } from './conversation-entity.js';

export const CONVERSATIONS_TABLE = 'conversations';

/**
 * How many personal conversations of one tenant are read to find the most
 * recent ones: a tenant's admins who chat with the bot are few, and the cap
 * keeps one status change from reading a huge partition.
 */
const PERSONAL_SCAN_LIMIT = 200;

/**
 * Where the bot can reach people later (docs/architecture.md, 'Storage layout'): the distributor's
 * inbox channel, customers' 1:1 chats and the inbox message of each order.
 * Every write is a whole-row upsert: the latest reference always wins.
 */
export class ConversationStore {
  constructor(private readonly table: TableClient) {}

  async getInbox(distributorTenantId: string): Promise<InboxChannel | undefined> {
    assertKeyPart(distributorTenantId, 'tenant id');
    const entity = await this.read(distributorTenantId, INBOX_ROW_KEY, 'reading the inbox channel');
    return entity && parseInboxEntity(entity);
  }

  async saveInbox(inbox: InboxChannel): Promise<void> {
    await this.upsert(inboxEntity(inbox), 'saving the inbox channel');
  }

  async savePersonal(personal: PersonalConversation): Promise<void> {
    await this.upsert(personalEntity(personal), 'saving a personal conversation');
  }

  /** The tenant's most recently seen personal conversations, newest first. */
  async listPersonal(tenantId: string, limit: number): Promise<PersonalConversation[]> {
    assertKeyPart(tenantId, 'tenant id');
    if (limit <= 0) return [];
    const filter = odata`PartitionKey eq ${tenantId} and RowKey ge ${PERSONAL_ROWS.from} and RowKey lt ${PERSONAL_ROWS.below}`;
    const found: PersonalConversation[] = [];
    try {
      for await (const entity of this.table.listEntities({ queryOptions: { filter } })) {
        found.push(parsePersonalEntity(entity));
        if (found.length >= PERSONAL_SCAN_LIMIT) break;
      }
    } catch (error) {
      throw toStorageError(error, 'reading personal conversations');
    }
    return found.sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime()).slice(0, limit);
  }

  async getPostedCard(tenantId: string, orderId: string): Promise<PostedCard | undefined> {
    assertKeyPart(tenantId, 'tenant id');
    const entity = await this.read(tenantId, cardRowKey(orderId), 'reading a posted order card');
    return entity && parsePostedCardEntity(entity);
  }

  async savePostedCard(card: PostedCard): Promise<void> {
    await this.upsert(postedCardEntity(card), 'saving a posted order card');
  }

  private async read(partitionKey: string, rowKey: string, operation: string): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.table.getEntity(partitionKey, rowKey);
    } catch (error) {
      if (storageStatusCode(error) === 404) return undefined;
      throw toStorageError(error, operation);
    }
  }

  private async upsert(entity: TableEntity, operation: string): Promise<void> {
    try {
      await this.table.upsertEntity(entity, 'Replace');
    } catch (error) {
      throw toStorageError(error, operation);
    }
  }
}
