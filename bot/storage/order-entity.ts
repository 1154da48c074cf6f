import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { OrderSubmitter } from '../../src/domain/order/order-events.js';
import { journeyOrderOf } from '../../src/domain/journey/journey.js';
import type { JourneyOrder } from '../../src/domain/journey/journey.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import { orderStatusSchema, orderSubmissionShape, statusChangeShape } from '../../src/domain/order/order-shape.js';
import { relationshipLevelSchema } from '../../src/domain/tenant/tenant-response.js';
import { OrderTooLargeError } from './order-errors.js';

/**
 * Rows of the orders table, all in the tenant's partition:
 * - `order|{orderId}`: the order (submission and history as JSON strings,
 *   because entities are flat and limited to 252 properties);
 * - `order|{orderId}|delivery|…`: its outbox records (delivery-entity.ts);
 * - `submission|{submissionId}`: the idempotency key, pointing at the order;
 * - `recent|{inverted creation time}|{orderId}`: the newest-first index
 *   (order ids are random, so they cannot order a listing), carrying what
 *   the customer's journey reads of the order;
 * - `open|{orderId}`: one row per order not yet completed, so counting a
 *   tenant's open orders reads only those;
 * - `index|recent`: marks a partition whose orders all have index rows
 *   (orders stored before the index are indexed once, on first read).
 * The index rows are written in the same entity-group transaction as the order.
 */
export const ORDER_KIND = 'order';
export const SUBMISSION_KIND = 'submission';
export const RECENT_KIND = 'recent';
export const OPEN_KIND = 'open';
export const INDEX_MARKER_ROW_KEY = 'index|recent';

/** Larger than any millisecond timestamp until the year 2286, so 13 digits always sort. */
const TIME_CEILING_MS = 9_999_999_999_999;

/** Newest first: the creation time counted down from a ceiling, fixed width, then the id to break ties. */
export function recentRowKey(createdAt: string, orderId: string): string {
  const inverted = TIME_CEILING_MS - Date.parse(createdAt);
  return `recent|${String(inverted).padStart(13, '0')}|${orderId}`;
}

export const RECENT_ROWS = { from: 'recent|', to: 'recent|~' } as const;

export function openRowKey(orderId: string): string {
  return `open|${orderId}`;
}

export const OPEN_ROWS = { from: 'open|', to: 'open|~' } as const;

/**
 * The order's newest-first index row. It also carries what the customer's
 * journey reads of the order (src/domain/journey/journey.ts, `JourneyOrder`),
 * rewritten with every change of the order in the same transaction, so a
 * journey refresh reads one range of index rows instead of each order.
 */
export function recentEntity(order: StoredOrder): TableEntity {
  const journey = journeyOrderOf(order);
  return {
    partitionKey: order.tenantId,
    rowKey: recentRowKey(order.createdAt, order.id),
    kind: RECENT_KIND,
    orderId: order.id,
    createdAt: journey.createdAt,
    status: journey.status,
    organizationName: journey.organizationName,
    ...(journey.acceptedAt === undefined ? {} : { acceptedAt: journey.acceptedAt }),
    ...(journey.completedAt === undefined ? {} : { completedAt: journey.completedAt }),
  };
}

export function openEntity(order: Pick<StoredOrder, 'tenantId' | 'id'>): TableEntity {
  return { partitionKey: order.tenantId, rowKey: openRowKey(order.id), kind: OPEN_KIND, orderId: order.id };
}

const indexRowSchema = z.object({ orderId: z.string() });

const recentJourneySchema = z.object({
  createdAt: z.string(),
  status: orderStatusSchema,
  organizationName: z.string(),
  acceptedAt: z.string().optional(),
  completedAt: z.string().optional(),
});

/**
 * A newest-first index row as read: the order it points at and, unless the
 * row was written before index rows carried them, the journey's facts.
 */
export function parseRecentEntity(entity: unknown): { readonly orderId: string; readonly journey: JourneyOrder | undefined } {
  const journey = recentJourneySchema.safeParse(entity);
  return { orderId: indexedOrderId(entity), journey: journey.success ? journey.data : undefined };
}

/** The order id an index row (`recent|…`, `open|…`) points at. */
export function indexedOrderId(entity: unknown): string {
  const result = indexRowSchema.safeParse(entity);
  if (!result.success) throw new Error(`stored index row has an unexpected shape: ${z.prettifyError(result.error)}`);
  return result.data.orderId;
}

export function orderRowKey(orderId: string): string {
  return `order|${orderId}`;
}

/** RowKey bounds of one order and its delivery rows ('~' sorts after every id and key character used). */
export function orderRowRange(orderId: string): { readonly from: string; readonly to: string } {
  return { from: orderRowKey(orderId), to: `${orderRowKey(orderId)}|~` };
}

/** RowKey bounds of every order and delivery row of a tenant. */
export const ALL_ORDER_ROWS = { from: 'order|', to: 'order|~' } as const;

export function submissionRowKey(submissionId: string): string {
  return `submission|${submissionId}`;
}

const submissionSchema = orderSubmissionShape;
const UNKNOWN_EVIDENCE = 'unknown';
const statusSchema = orderStatusSchema;
const historySchema = z.array(statusChangeShape);

function json<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.issues.push({ code: 'custom', message: 'not valid JSON', input: text });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const orderRowSchema = z.object({
  partitionKey: z.string(),
  kind: z.literal(ORDER_KIND),
  orderId: z.string(),
  status: statusSchema,
  revision: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  submission: json(submissionSchema),
  history: json(historySchema),
  // Absent on orders stored before the submitter was recorded.
  submitterUserId: z.string().min(1).optional(),
  submitterTeamsUserId: z.string().min(1).optional(),
  // Absent on orders stored before it was recorded; UNKNOWN_EVIDENCE stands for null (nothing had been read).
  evidenceAtSubmission: z.union([relationshipLevelSchema, z.literal(UNKNOWN_EVIDENCE)]).optional(),
  etag: z.string(),
});

const submissionRowSchema = z.object({ kind: z.literal(SUBMISSION_KIND), orderId: z.string() });

export interface OrderRow {
  readonly order: StoredOrder;
  readonly etag: string;
  /** Who submitted the current revision; kept out of StoredOrder so no API answer, card or e-mail carries it. */
  readonly submitter?: OrderSubmitter;
}

/** Parses a stored order row; throws when it is not an order of the known shape. */
export function parseOrderEntity(entity: unknown): OrderRow {
  const result = orderRowSchema.safeParse(entity);
  if (!result.success) {
    throw new Error(`stored order has an unexpected shape: ${z.prettifyError(result.error)}`);
  }
  const row = result.data;
  const submitter: OrderSubmitter = {
    ...(row.submitterUserId !== undefined && { userId: row.submitterUserId }),
    ...(row.submitterTeamsUserId !== undefined && { teamsUserId: row.submitterTeamsUserId }),
  };
  return {
    etag: row.etag,
    ...((submitter.userId !== undefined || submitter.teamsUserId !== undefined) && { submitter }),
    order: {
      ...row.submission,
      id: row.orderId,
      tenantId: row.partitionKey,
      status: row.status,
      revision: row.revision,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      history: row.history,
      ...(row.evidenceAtSubmission !== undefined && {
        evidenceAtSubmission: row.evidenceAtSubmission === UNKNOWN_EVIDENCE ? null : row.evidenceAtSubmission,
      }),
    },
  };
}

// A string property holds at most 64 KiB, i.e. 32 Ki UTF-16 code units; keep a margin.
const MAX_JSON_LENGTH = 30_000;

export function orderEntity(order: StoredOrder, submitter?: OrderSubmitter): TableEntity {
  // Parsing picks exactly the submission fields, so nothing else leaks into storage.
  const submission = JSON.stringify(submissionSchema.parse(order));
  const history = JSON.stringify(order.history);
  if (submission.length > MAX_JSON_LENGTH || history.length > MAX_JSON_LENGTH) {
    throw new OrderTooLargeError(`order ${order.id} exceeds the storage size limit`);
  }
  return {
    partitionKey: order.tenantId,
    rowKey: orderRowKey(order.id),
    kind: ORDER_KIND,
    orderId: order.id,
    status: order.status,
    revision: order.revision,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    submission,
    history,
    ...(submitter?.userId !== undefined && { submitterUserId: submitter.userId }),
    ...(submitter?.teamsUserId !== undefined && { submitterTeamsUserId: submitter.teamsUserId }),
    ...(order.evidenceAtSubmission !== undefined && { evidenceAtSubmission: order.evidenceAtSubmission ?? UNKNOWN_EVIDENCE }),
  };
}

export function submissionEntity(tenantId: string, submissionId: string, orderId: string, now: Date): TableEntity {
  return {
    partitionKey: tenantId,
    rowKey: submissionRowKey(submissionId),
    kind: SUBMISSION_KIND,
    orderId,
    createdAt: now,
  };
}

/** The order id an idempotency row points at. */
export function parseSubmissionEntity(entity: unknown): string {
  const result = submissionRowSchema.safeParse(entity);
  if (!result.success) {
    throw new Error(`stored submission record has an unexpected shape: ${z.prettifyError(result.error)}`);
  }
  return result.data.orderId;
}
