import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { NoticeTarget, PendingDelivery } from '../../src/domain/order/order-events.js';

/**
 * - `pending`: waiting for its next attempt at `nextAttemptAt`;
 * - `delivering`: claimed by a worker until `leaseUntil`;
 * - `delivered`: the channel accepted it;
 * - `failed`: given up (permanent error, too many attempts, channel gone);
 * - `superseded`: the customer resubmitted before this revision went out,
 *   so the newer revision's own record delivers instead.
 */
export type DeliveryState = 'pending' | 'delivering' | 'delivered' | 'failed' | 'superseded';

/** One order revision on its way to one channel: the outbox row. */
export interface DeliveryRecord {
  readonly tenantId: string;
  readonly orderId: string;
  readonly revision: number;
  /** A channel name; kept as a plain string so records of a channel no longer in the code still read. */
  readonly channel: string;
  readonly state: DeliveryState;
  /** Attempts started so far. */
  readonly attempts: number;
  readonly lastError?: string | undefined;
  readonly nextAttemptAt: Date;
  readonly leaseUntil?: Date | undefined;
  readonly deliveredAt?: Date | undefined;
  readonly createdAt: Date;
  /** Only on customer-notice records: the status change to announce and the order's submitter. */
  readonly notice?: NoticeTarget;
  /** Optimistic-concurrency token of the row as read or last written. */
  readonly etag: string;
}

/** What an order shows about its deliveries (no ETags, no lease details). */
export interface DeliverySummary {
  readonly channel: string;
  readonly revision: number;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly lastError?: string;
  /** ISO timestamp. */
  readonly deliveredAt?: string;
  /** ISO timestamp of the next attempt, while `pending`. */
  readonly nextAttemptAt?: string;
}

export const DELIVERY_KIND = 'delivery';
const MAX_ERROR_LENGTH = 1_000;

/**
 * Delivery rows sort right after their order row (`order|{id}`), so one range
 * query reads an order with its deliveries. The key itself deduplicates: one
 * row per order, revision and channel, and for customer notices one per
 * status change (`step`, its index in the order's history).
 */
export function deliveryRowKey(orderId: string, revision: number, channel: string, step?: number): string {
  const key = `order|${orderId}|delivery|${String(revision).padStart(4, '0')}|${channel}`;
  return step === undefined ? key : `${key}|${String(step).padStart(4, '0')}`;
}

/** The key of a record, for comparing records and naming them in logs and queues. */
export function deliveryKeyOf(record: Pick<DeliveryRecord, 'orderId' | 'revision' | 'channel' | 'notice'>): string {
  return deliveryRowKey(record.orderId, record.revision, record.channel, record.notice?.step);
}

/** RowKey bounds of every delivery row of one order. */
export function deliveryRowRange(orderId: string): { readonly from: string; readonly to: string } {
  const prefix = `order|${orderId}|delivery|`;
  return { from: prefix, to: `${prefix}~` };
}

/** The row of a delivery a lifecycle step asked for: `pending` until its first attempt. */
export function newDeliveryEntity(delivery: PendingDelivery): TableEntity {
  return {
    partitionKey: delivery.tenantId,
    rowKey: deliveryKeyOf(delivery),
    kind: DELIVERY_KIND,
    orderId: delivery.orderId,
    revision: delivery.revision,
    channel: delivery.channel,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: delivery.firstAttemptAt,
    createdAt: delivery.createdAt,
    ...noticeColumns(delivery.notice),
  };
}

/** A notice's target as flat columns (entities hold no nested values). */
function noticeColumns(notice: NoticeTarget | undefined): Record<string, string | number> {
  if (notice === undefined) return {};
  return {
    noticeStep: notice.step,
    ...(notice.submitter?.userId !== undefined && { submitterUserId: notice.submitter.userId }),
    ...(notice.submitter?.teamsUserId !== undefined && { submitterTeamsUserId: notice.submitter.teamsUserId }),
  };
}

/** The row for `record` with its changeable fields replaced (a full Replace write). */
export function deliveryEntity(record: Omit<DeliveryRecord, 'etag'>): TableEntity {
  const entity: TableEntity = {
    partitionKey: record.tenantId,
    rowKey: deliveryKeyOf(record),
    kind: DELIVERY_KIND,
    orderId: record.orderId,
    revision: record.revision,
    channel: record.channel,
    state: record.state,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    createdAt: record.createdAt,
    ...noticeColumns(record.notice),
  };
  // Absent, not null: a Replace write then removes the old value.
  if (record.lastError !== undefined) entity['lastError'] = record.lastError.slice(0, MAX_ERROR_LENGTH);
  if (record.leaseUntil !== undefined) entity['leaseUntil'] = record.leaseUntil;
  if (record.deliveredAt !== undefined) entity['deliveredAt'] = record.deliveredAt;
  return entity;
}

const deliveryRowSchema = z.object({
  partitionKey: z.string(),
  orderId: z.string(),
  revision: z.number().int().min(1),
  channel: z.string().min(1),
  state: z.enum(['pending', 'delivering', 'delivered', 'failed', 'superseded']),
  attempts: z.number().int().min(0),
  lastError: z.string().optional(),
  nextAttemptAt: z.date(),
  leaseUntil: z.date().optional(),
  deliveredAt: z.date().optional(),
  createdAt: z.date(),
  noticeStep: z.number().int().min(0).optional(),
  submitterUserId: z.string().min(1).optional(),
  submitterTeamsUserId: z.string().min(1).optional(),
  etag: z.string(),
});

/** Parses a stored row; throws when it is not a delivery record of the known shape. */
export function parseDeliveryEntity(entity: Readonly<Record<string, unknown>>): DeliveryRecord {
  const result = deliveryRowSchema.safeParse(entity);
  if (!isDeliveryEntity(entity) || !result.success) {
    const problem = result.success ? `kind is ${String(entity['kind'])}` : z.prettifyError(result.error);
    throw new Error(`stored delivery record has an unexpected shape: ${problem}`);
  }
  const { partitionKey, noticeStep, submitterUserId, submitterTeamsUserId, ...record } = result.data;
  const submitter = {
    ...(submitterUserId !== undefined && { userId: submitterUserId }),
    ...(submitterTeamsUserId !== undefined && { teamsUserId: submitterTeamsUserId }),
  };
  const hasSubmitter = submitterUserId !== undefined || submitterTeamsUserId !== undefined;
  return {
    tenantId: partitionKey,
    ...record,
    ...(noticeStep !== undefined && { notice: { step: noticeStep, ...(hasSubmitter && { submitter }) } }),
  };
}

/**
 * Whether a record forwards the order to the distributor (and so belongs in
 * what the customer reads as `deliveries`), not a notice to the customer.
 */
export function isDistributorDelivery(record: Pick<DeliveryRecord, 'notice'>): boolean {
  return record.notice === undefined;
}

export function isDeliveryEntity(entity: Readonly<Record<string, unknown>>): boolean {
  return entity['kind'] === DELIVERY_KIND;
}

export function summarizeDelivery(record: DeliveryRecord): DeliverySummary {
  return {
    channel: record.channel,
    revision: record.revision,
    state: record.state,
    attempts: record.attempts,
    ...(record.lastError !== undefined && { lastError: record.lastError }),
    ...(record.deliveredAt !== undefined && { deliveredAt: record.deliveredAt.toISOString() }),
    ...(record.state === 'pending' && { nextAttemptAt: record.nextAttemptAt.toISOString() }),
  };
}
