import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { journeyStepIdSchema } from '../../src/domain/journey/journey.js';
import type { JourneyStepId } from '../../src/domain/journey/journey.js';
import { relationshipLevelSchema } from '../../src/domain/tenant/tenant-response.js';
import { assertKeyPart } from './table-keys.js';

/**
 * Rows of the `journey` table (docs/architecture.md, 'Storage layout'):
 *
 * In the customer tenant's partition, facts and claims, a handful per tenant:
 * - `firstContact`: when the tab or the chat first reached the server;
 * - `evidence|{confirmed|detected}`: the first time the relationship was seen at that level;
 * - `reminder|{step}`: the reminder for that step, claimed before it is sent;
 * - `reminder|~off`: the tenant asked for no more reminders.
 *
 * In the partition `customers`, the staff's list, one summary per tenant and
 * two index rows, all rewritten in one transaction when the summary changes:
 * - `tenant|{tenantId}`: the derived summary (a cache of the journey, refreshed on each event);
 * - `stuck|{stuck-since ms, 13 digits}|{tenantId}`: the same summary, ordered longest stuck first
 *   (customers with every step done sort last, `9999999999999`);
 * - `remind|{stuck-since ms}|{tenantId}`: present only while a reminder could be due.
 *
 * In the partition `digest`: `{YYYY-MM-DD}`, the staff digest of that day, claimed before it is sent.
 */

export const JOURNEY_TABLE = 'journey';
export const CUSTOMERS_PARTITION = 'customers';
export const DIGEST_PARTITION = 'digest';
export const FIRST_CONTACT_ROW = 'firstContact';
export const OPT_OUT_ROW = 'reminder|~off';
const EVIDENCE_PREFIX = 'evidence|';
const REMINDER_PREFIX = 'reminder|';
const TENANT_PREFIX = 'tenant|';
const STUCK_PREFIX = 'stuck|';
const REMIND_PREFIX = 'remind|';
/** Sorts after every real time: customers with nothing left to do. */
const NEVER = '9999999999999';

/** RowKey bounds of one kind of row ('}' sorts right after '|'). */
function rowsOf(prefix: string): { readonly from: string; readonly below: string } {
  return { from: prefix, below: `${prefix.slice(0, -1)}}` };
}
export const EVIDENCE_ROWS = rowsOf(EVIDENCE_PREFIX);
export const REMINDER_ROWS = rowsOf(REMINDER_PREFIX);
export const TENANT_ROWS = rowsOf(TENANT_PREFIX);
export const STUCK_ROWS = rowsOf(STUCK_PREFIX);
export const REMIND_ROWS = rowsOf(REMIND_PREFIX);

export function evidenceRowKey(level: 'confirmed' | 'detected'): string {
  return `${EVIDENCE_PREFIX}${level}`;
}

export function reminderRowKey(step: JourneyStepId): string {
  return `${REMINDER_PREFIX}${step}`;
}

export function tenantRowKey(tenantId: string): string {
  assertKeyPart(tenantId, 'tenant id');
  return `${TENANT_PREFIX}${tenantId}`;
}

function timeKey(iso: string | null): string {
  if (iso === null) return NEVER;
  return String(Math.max(0, Date.parse(iso))).padStart(13, '0');
}

/** The lowest key of the index range `prefix` for times before `time`. */
export function stuckRowsBefore(time: Date): string {
  return `${STUCK_PREFIX}${timeKey(time.toISOString())}`;
}

export function remindRowsBefore(time: Date): string {
  return `${REMIND_PREFIX}${timeKey(time.toISOString())}`;
}

/** One customer as the staff's list and the scheduler see it: derived from the journey, never the source of truth. */
export const customerSummarySchema = z.object({
  tenantId: z.string().min(1),
  current: journeyStepIdSchema.nullable(),
  stuckSince: z.string().nullable(),
  evidenceLevel: relationshipLevelSchema,
  mcaAccepted: z.boolean(),
  firstContactAt: z.string().nullable(),
  /** The organization's name from the newest order, when there is one. */
  organizationName: z.string().nullable(),
  /** Orders (among the newest read) waiting for the distributor to accept them. */
  waitingOrders: z.number().int().nonnegative(),
  /** When the active GDAP relationship ends, if GDAP is used and known. */
  gdapExpiresAt: z.string().nullable(),
  /** A reminder may become due for the current step (a customer's step, not reminded yet, not opted out). */
  remindable: z.boolean(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

export function stuckRowKey(summary: CustomerSummary): string {
  return `${STUCK_PREFIX}${timeKey(summary.stuckSince)}|${summary.tenantId}`;
}

export function remindRowKey(summary: CustomerSummary): string | undefined {
  if (!summary.remindable || summary.stuckSince === null) return undefined;
  return `${REMIND_PREFIX}${timeKey(summary.stuckSince)}|${summary.tenantId}`;
}

/** The summary as one row of the `customers` partition (the tenant row or its `stuck|` copy). */
export function summaryEntity(summary: CustomerSummary, rowKey: string): TableEntity {
  return { partitionKey: CUSTOMERS_PARTITION, rowKey, kind: 'customer', summary: JSON.stringify(summary) };
}

export function parseSummaryEntity(entity: Record<string, unknown>): CustomerSummary {
  const text = entity['summary'];
  if (typeof text !== 'string') throw new Error(`customer row ${String(entity['rowKey'])} has no summary`);
  return customerSummarySchema.parse(JSON.parse(text));
}

/** The tenant a `remind|` row is for. */
export function remindRowTenant(rowKey: string): string {
  return rowKey.slice(REMIND_PREFIX.length + 14);
}

export const reminderOutcomeSchema = z.enum(['claimed', 'sent', 'noChat', 'gone', 'failed']);
export type ReminderOutcome = z.infer<typeof reminderOutcomeSchema>;
