import { queryAtMost, readRow } from './table-reads.js';
import { odata } from '@azure/data-tables';
import type { TableClient, TableEntity } from '@azure/data-tables';
import {
  cardRowKey,
  INBOX_ROW_KEY,
  inboxEntity,
  noticeReceiptEntity,
  noticeReceiptRows,
  parseInboxEntity,
  parseNoticeReceiptEntity,
  parsePersonalEntity,
  parsePostedCardEntity,
  PERSONAL_ROWS,
  personalEntity,
  personalRowKey,
  postedCardEntity,
} from './conversation-entity.js';
import type { InboxChannel, NoticeReceipt, PersonalConversation, PostedCard } from './conversation-entity.js';
import { toStorageError } from './storage-errors.js';
import { assertKeyPart } from './table-keys.js';

export type { InboxChannel, NoticeReceipt, PersonalConversation, PostedCard } from './conversation-entity.js';

export const CONVERSATIONS_TABLE = 'conversations';

/**
 * How many personal conversations of one tenant are read to find the most
 * recent ones: a tenant's admins who chat with the bot are few, and the cap
 * keeps one status change from reading a huge partition (the query asks for
 * at most this many rows, `$top`).
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
    const entity = await readRow(this.table, distributorTenantId, INBOX_ROW_KEY, 'reading the inbox channel');
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
    const found = (await queryAtMost(this.table, filter, PERSONAL_SCAN_LIMIT, 'reading personal conversations')).map(parsePersonalEntity);
    return found.sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime()).slice(0, limit);
  }

  /** One admin's personal conversation, by Teams user id. */
  async getPersonal(tenantId: string, teamsUserId: string): Promise<PersonalConversation | undefined> {
    assertKeyPart(tenantId, 'tenant id');
    const entity = await readRow(this.table, tenantId, personalRowKey(teamsUserId), 'reading a personal conversation');
    return entity && parsePersonalEntity(entity);
  }

  /** Who already got (or can no longer get) the notice of status change `step` of an order; at most `limit`. */
  async listNoticeReceipts(tenantId: string, orderId: string, step: number, limit: number): Promise<NoticeReceipt[]> {
    assertKeyPart(tenantId, 'tenant id');
    const rows = noticeReceiptRows(orderId, step);
    const filter = odata`PartitionKey eq ${tenantId} and RowKey ge ${rows.from} and RowKey lt ${rows.below}`;
    return (await queryAtMost(this.table, filter, limit, 'reading notice receipts')).map(parseNoticeReceiptEntity);
  }

  async saveNoticeReceipt(receipt: NoticeReceipt): Promise<void> {
    await this.upsert(noticeReceiptEntity(receipt), 'saving a notice receipt');
  }

  async getPostedCard(tenantId: string, orderId: string): Promise<PostedCard | undefined> {
    assertKeyPart(tenantId, 'tenant id');
    const entity = await readRow(this.table, tenantId, cardRowKey(orderId), 'reading a posted order card');
    return entity && parsePostedCardEntity(entity);
  }

  async savePostedCard(card: PostedCard): Promise<void> {
    await this.upsert(postedCardEntity(card), 'saving a posted order card');
  }

  private async upsert(entity: TableEntity, operation: string): Promise<void> {
    try {
      await this.table.upsertEntity(entity, 'Replace');
    } catch (error) {
      throw toStorageError(error, operation);
    }
  }
}
