import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { CustomerAgreementAcceptance } from '../../src/domain/customer-agreement/customer-agreement.js';
import { partnerCenterHandOffSchema } from '../../src/domain/customer-agreement/partner-center-hand-off.js';
import type { PartnerCenterHandOff } from '../../src/domain/customer-agreement/partner-center-hand-off.js';
import { assertKeyPart } from './table-keys.js';

/**
 * Rows of the customer-agreements table, partitioned by customer tenant id:
 * - `current`: the tenant's acceptance in force;
 * - `history|{inverted ms}|{nonce}`: every acceptance ever stored, newest
 *   first by key, so reading the latest few never reads the whole history;
 * - `partnercenter`: the latest hand-off of the acceptance to Partner Center.
 * Both are written in one transaction: the current row never lacks its history row.
 */

export const CURRENT_ROW_KEY = 'current';
export const HAND_OFF_ROW_KEY = 'partnercenter';

/** What Partner Center answered when staff sent it the tenant's acceptance. */
export type { PartnerCenterHandOff };

export function handOffEntity(tenantId: string, handOff: PartnerCenterHandOff): TableEntity {
  assertKeyPart(tenantId, 'tenant id');
  return {
    partitionKey: tenantId,
    rowKey: HAND_OFF_ROW_KEY,
    at: handOff.at,
    by: handOff.by,
    acceptedAt: handOff.acceptedAt,
    outcome: handOff.outcome,
    ...(handOff.code === undefined ? {} : { code: handOff.code }),
    ...(handOff.description === undefined ? {} : { description: handOff.description }),
  };
}

export function parseHandOffEntity(entity: Record<string, unknown>): PartnerCenterHandOff {
  const parsed = partnerCenterHandOffSchema.safeParse(entity);
  if (!parsed.success) throw new Error(`Partner Center hand-off row ${String(entity['partitionKey'])} is malformed: ${parsed.error.message}`);
  const { code, description, ...rest } = parsed.data;
  return { ...rest, ...(code === undefined ? {} : { code }), ...(description === undefined ? {} : { description }) };
}
const HISTORY_PREFIX = 'history|';

/** RowKey bounds of a tenant's history ('}' sorts right after '|'). */
export const HISTORY_ROWS = { from: HISTORY_PREFIX, below: 'history}' } as const;

/** Far enough in the future for inverted timestamps to stay positive and fixed-width. */
const INVERSION_BASE = 9_999_999_999_999;

export function historyRowKey(acceptedAt: string, nonce: string): string {
  const inverted = String(INVERSION_BASE - Date.parse(acceptedAt)).padStart(13, '0');
  const key = `${HISTORY_PREFIX}${inverted}|${nonce}`;
  assertKeyPart(key, 'history row key');
  return key;
}

export function acceptanceEntity(acceptance: CustomerAgreementAcceptance, rowKey: string): TableEntity {
  assertKeyPart(acceptance.tenantId, 'tenant id');
  const { signatory, evidence } = acceptance;
  // Entities are flat and hold no undefined: optional values are left out.
  return {
    partitionKey: acceptance.tenantId,
    rowKey,
    lastName: signatory.lastName,
    firstName: signatory.firstName,
    ...(signatory.middleName === undefined ? {} : { middleName: signatory.middleName }),
    email: signatory.email,
    ...(signatory.phone === undefined ? {} : { phone: signatory.phone }),
    acceptedAt: acceptance.acceptedAt,
    templateId: acceptance.templateId,
    evidenceChannel: evidence.channel,
    evidenceTenantId: evidence.tenantId,
    evidenceUserId: evidence.userId,
    ...(evidence.teamsUserId === undefined ? {} : { evidenceTeamsUserId: evidence.teamsUserId }),
    ...(evidence.userName === undefined ? {} : { evidenceUserName: evidence.userName }),
  };
}

const acceptanceRowSchema = z.object({
  partitionKey: z.string().min(1),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().optional(),
  email: z.string(),
  phone: z.string().optional(),
  acceptedAt: z.string(),
  templateId: z.string(),
  evidenceChannel: z.enum(['tab', 'chat']),
  evidenceTenantId: z.string(),
  evidenceUserId: z.string(),
  evidenceTeamsUserId: z.string().optional(),
  evidenceUserName: z.string().optional(),
});

/** Parses a stored row; a row that does not fit is a bug or tampering, reported with its key. */
export function parseAcceptanceEntity(entity: Record<string, unknown>): CustomerAgreementAcceptance {
  const parsed = acceptanceRowSchema.safeParse(entity);
  if (!parsed.success) {
    throw new Error(`customer agreement row ${String(entity['partitionKey'])}/${String(entity['rowKey'])} is malformed: ${parsed.error.message}`);
  }
  const row = parsed.data;
  return {
    tenantId: row.partitionKey,
    signatory: {
      lastName: row.lastName,
      firstName: row.firstName,
      ...(row.middleName === undefined ? {} : { middleName: row.middleName }),
      email: row.email,
      ...(row.phone === undefined ? {} : { phone: row.phone }),
    },
    acceptedAt: row.acceptedAt,
    templateId: row.templateId,
    evidence: {
      channel: row.evidenceChannel,
      tenantId: row.evidenceTenantId,
      userId: row.evidenceUserId,
      ...(row.evidenceTeamsUserId === undefined ? {} : { teamsUserId: row.evidenceTeamsUserId }),
      ...(row.evidenceUserName === undefined ? {} : { userName: row.evidenceUserName }),
    },
  };
}
