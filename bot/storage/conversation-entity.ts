import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { ConversationReferenceJson } from './conversation-reference.js';
import { assertKeyPart } from './table-keys.js';

/**
 * Rows of the conversations table, partitioned by tenant id:
 * - `inbox` (in the distributor's partition): the channel that receives orders;
 * - `personal|{teams user id}`: a customer's 1:1 chat with the bot;
 * - `card|{orderId}` (in the customer's partition): the order's card message in the inbox;
 * - `notice|{orderId}|{step}|{teams user id}` (in the customer's partition):
 *   a status notice sent to one admin, so a retried notice skips them.
 * Conversation references are stored as JSON strings (entities are flat).
 */

/** The distributor's inbox channel. */
export interface InboxChannel {
  readonly tenantId: string;
  readonly conversation: ConversationReferenceJson;
  readonly channelName?: string;
  readonly claimedBy?: string;
  readonly claimedAt: Date;
}

/** A customer admin's 1:1 chat with the bot, the latest reference Teams gave. */
export interface PersonalConversation {
  readonly tenantId: string;
  /** Teams user id (`29:…`), unique per user and bot. */
  readonly teamsUserId: string;
  /** Entra object id, when Teams sent it. */
  readonly userId?: string;
  readonly name?: string;
  readonly locale: Locale;
  readonly conversation: ConversationReferenceJson;
  readonly lastSeenAt: Date;
}

/** The message carrying an order's card in the inbox, so status changes can update it. */
export interface PostedCard {
  /** The customer's tenant (the order's partition). */
  readonly tenantId: string;
  readonly orderId: string;
  /** The order revision the message was posted for. */
  readonly revision: number;
  /** Where the message lives: what the messenger answered when posting. */
  readonly conversation: ConversationReferenceJson;
  readonly activityId: string;
  readonly postedAt: Date;
}

/** A customer notice one admin received (or could not receive any more: `gone`). */
export interface NoticeReceipt {
  readonly tenantId: string;
  readonly orderId: string;
  /** The status change announced: its index in the order's history. */
  readonly step: number;
  readonly teamsUserId: string;
  readonly outcome: 'sent' | 'gone';
  /** The message sent, when `sent`. */
  readonly activityId?: string;
  readonly at: Date;
}

export const INBOX_ROW_KEY = 'inbox';
const PERSONAL_PREFIX = 'personal|';
const CARD_PREFIX = 'card|';
const NOTICE_PREFIX = 'notice|';

export function personalRowKey(teamsUserId: string): string {
  // Teams ids may hold characters keys forbid ('/'); encoding keeps every id usable and distinct.
  const key = `${PERSONAL_PREFIX}${encodeURIComponent(teamsUserId)}`;
  assertKeyPart(key, 'Teams user id');
  return key;
}

/** RowKey bounds of a tenant's personal conversations ('}' sorts right after '|'). */
export const PERSONAL_ROWS = { from: PERSONAL_PREFIX, below: 'personal}' } as const;

export function cardRowKey(orderId: string): string {
  const key = `${CARD_PREFIX}${orderId}`;
  assertKeyPart(key, 'order id');
  return key;
}

function noticePrefix(orderId: string, step: number): string {
  return `${NOTICE_PREFIX}${orderId}|${String(step).padStart(4, '0')}|`;
}

export function noticeReceiptRowKey(orderId: string, step: number, teamsUserId: string): string {
  const key = `${noticePrefix(orderId, step)}${encodeURIComponent(teamsUserId)}`;
  assertKeyPart(key, 'notice receipt');
  return key;
}

/** RowKey bounds of the receipts of one notice ('}' sorts right after '|'). */
export function noticeReceiptRows(orderId: string, step: number): { readonly from: string; readonly below: string } {
  const prefix = noticePrefix(orderId, step);
  return { from: prefix, below: `${prefix.slice(0, -1)}}` };
}

// A string property holds at most 32 Ki UTF-16 code units; references are far smaller.
const MAX_REFERENCE_LENGTH = 30_000;
const MAX_NAME_LENGTH = 200;

function referenceText(reference: ConversationReferenceJson): string {
  const text = JSON.stringify(reference);
  if (text.length > MAX_REFERENCE_LENGTH) {
    throw new RangeError(`a conversation reference of ${text.length} characters is too large to store`);
  }
  return text;
}

function optionalName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  return trimmed ? trimmed.slice(0, MAX_NAME_LENGTH) : undefined;
}

export function inboxEntity(inbox: InboxChannel): TableEntity {
  assertKeyPart(inbox.tenantId, 'tenant id');
  const channelName = optionalName(inbox.channelName);
  const claimedBy = optionalName(inbox.claimedBy);
  return {
    partitionKey: inbox.tenantId,
    rowKey: INBOX_ROW_KEY,
    kind: 'inbox',
    conversation: referenceText(inbox.conversation),
    claimedAt: inbox.claimedAt,
    ...(channelName !== undefined && { channelName }),
    ...(claimedBy !== undefined && { claimedBy }),
  };
}

export function personalEntity(personal: PersonalConversation): TableEntity {
  assertKeyPart(personal.tenantId, 'tenant id');
  const name = optionalName(personal.name);
  return {
    partitionKey: personal.tenantId,
    rowKey: personalRowKey(personal.teamsUserId),
    kind: 'personal',
    teamsUserId: personal.teamsUserId,
    locale: personal.locale,
    conversation: referenceText(personal.conversation),
    lastSeenAt: personal.lastSeenAt,
    ...(personal.userId !== undefined && { userId: personal.userId }),
    ...(name !== undefined && { name }),
  };
}

export function postedCardEntity(card: PostedCard): TableEntity {
  assertKeyPart(card.tenantId, 'tenant id');
  return {
    partitionKey: card.tenantId,
    rowKey: cardRowKey(card.orderId),
    kind: 'card',
    orderId: card.orderId,
    revision: card.revision,
    conversation: referenceText(card.conversation),
    activityId: card.activityId,
    postedAt: card.postedAt,
  };
}

export function noticeReceiptEntity(receipt: NoticeReceipt): TableEntity {
  assertKeyPart(receipt.tenantId, 'tenant id');
  return {
    partitionKey: receipt.tenantId,
    rowKey: noticeReceiptRowKey(receipt.orderId, receipt.step, receipt.teamsUserId),
    kind: 'noticeReceipt',
    orderId: receipt.orderId,
    step: receipt.step,
    teamsUserId: receipt.teamsUserId,
    outcome: receipt.outcome,
    at: receipt.at,
    ...(receipt.activityId !== undefined && { activityId: receipt.activityId }),
  };
}

const referenceSchema = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.issues.push({ code: 'custom', message: 'not valid JSON', input: text });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.unknown()));

const inboxRowSchema = z.object({
  partitionKey: z.string(),
  kind: z.literal('inbox'),
  conversation: referenceSchema,
  channelName: z.string().optional(),
  claimedBy: z.string().optional(),
  claimedAt: z.date(),
});

const personalRowSchema = z.object({
  partitionKey: z.string(),
  kind: z.literal('personal'),
  teamsUserId: z.string().min(1),
  userId: z.string().optional(),
  name: z.string().optional(),
  locale: z.enum(['ru', 'en']),
  conversation: referenceSchema,
  lastSeenAt: z.date(),
});

const postedCardRowSchema = z.object({
  partitionKey: z.string(),
  kind: z.literal('card'),
  orderId: z.string().min(1),
  revision: z.number().int().min(1),
  conversation: referenceSchema,
  activityId: z.string().min(1),
  postedAt: z.date(),
});

const noticeReceiptRowSchema = z.object({
  partitionKey: z.string(),
  kind: z.literal('noticeReceipt'),
  orderId: z.string().min(1),
  step: z.number().int().min(0),
  teamsUserId: z.string().min(1),
  outcome: z.enum(['sent', 'gone']),
  activityId: z.string().optional(),
  at: z.date(),
});

function parseRow<T extends z.ZodType>(schema: T, entity: unknown, what: string): z.output<T> {
  const result = schema.safeParse(entity);
  if (!result.success) throw new Error(`stored ${what} has an unexpected shape: ${z.prettifyError(result.error)}`);
  return result.data;
}

export function parseInboxEntity(entity: unknown): InboxChannel {
  const row = parseRow(inboxRowSchema, entity, 'inbox channel');
  return {
    tenantId: row.partitionKey,
    conversation: row.conversation,
    claimedAt: row.claimedAt,
    ...(row.channelName !== undefined && { channelName: row.channelName }),
    ...(row.claimedBy !== undefined && { claimedBy: row.claimedBy }),
  };
}

export function parsePersonalEntity(entity: unknown): PersonalConversation {
  const row = parseRow(personalRowSchema, entity, 'personal conversation');
  return {
    tenantId: row.partitionKey,
    teamsUserId: row.teamsUserId,
    locale: row.locale,
    conversation: row.conversation,
    lastSeenAt: row.lastSeenAt,
    ...(row.userId !== undefined && { userId: row.userId }),
    ...(row.name !== undefined && { name: row.name }),
  };
}

export function parsePostedCardEntity(entity: unknown): PostedCard {
  const row = parseRow(postedCardRowSchema, entity, 'posted order card');
  return {
    tenantId: row.partitionKey,
    orderId: row.orderId,
    revision: row.revision,
    conversation: row.conversation,
    activityId: row.activityId,
    postedAt: row.postedAt,
  };
}

export function parseNoticeReceiptEntity(entity: unknown): NoticeReceipt {
  const { partitionKey, kind: _kind, activityId, ...receipt } = parseRow(noticeReceiptRowSchema, entity, 'notice receipt');
  return { tenantId: partitionKey, ...receipt, ...(activityId !== undefined && { activityId }) };
}
