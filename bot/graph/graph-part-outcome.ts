import type { Fact, FactProblem } from '../../src/domain/tenant/tenant-response.js';
import type { GraphBatchError, GraphBatchPart } from './graph-batch.js';
import { retryAfterSeconds } from './graph-batch.js';
import { grantsAll } from './graph-token.js';

/** What a Graph request needs, to explain a refusal. */
export interface PermissionNeeds {
  /** The least privileged delegated permissions the request needs (all of them). */
  readonly permissions: readonly string[];
  /** Directory roles that may make the request when the permission is granted; empty when any member may. */
  readonly roleTemplateIds: readonly string[];
}

export interface RefusalContext {
  /** Permissions the token carries; undefined when unknown. */
  readonly grantedScopes: ReadonlySet<string> | undefined;
  readonly adminConsentUrl: string | null;
  /**
   * Whose refusal it is: the customer's tenant (an admin there can consent)
   * or the distributor's own app (nothing the customer can do).
   */
  readonly side: 'customer' | 'partner';
}

/** Graph's answer for a tenant whose licence lacks the data (audit logs and sign-ins without Entra ID P1). */
const LICENCE_ERROR_CODES = new Set(['authentication_requestfromnonpremiumtenantorb2ctenant']);

/**
 * One batch part as a fact: its value when it succeeded, otherwise why it is
 * empty. A 401/403 means a missing permission unless the token is known to
 * carry it; then the signed-in user lacks a directory role.
 */
export function partOutcome<T>(
  part: GraphBatchPart | undefined,
  needs: PermissionNeeds,
  context: RefusalContext,
  read: (body: unknown) => T | undefined,
): Fact<T> {
  if (part === undefined) return { status: 'unavailable', reason: 'serviceError' };
  if (part.status >= 200 && part.status < 300) {
    const value = read(part.body);
    return value === undefined ? { status: 'unavailable', reason: 'serviceError' } : { status: 'ok', value };
  }
  if (part.status === 401 || part.status === 403) return refusal(part, needs, context);
  return unavailable(part.status, retryAfterSeconds(part.headers['retry-after']));
}

/** Every fact of a batch that failed as a whole. */
export function batchFailure(error: GraphBatchError): FactProblem {
  return unavailable(error.status, error.retryAfterSeconds);
}

function refusal(part: GraphBatchPart, needs: PermissionNeeds, context: RefusalContext): FactProblem {
  if (LICENCE_ERROR_CODES.has(graphErrorCode(part.body).toLowerCase())) return { status: 'unavailable', reason: 'licenseRequired' };
  if (context.side === 'partner') return { status: 'unavailable', reason: 'accessDenied' };
  const permissions = [...needs.permissions];
  if (!grantsAll(context.grantedScopes, needs.permissions)) {
    return { status: 'needsConsent', permissions, adminConsentUrl: context.adminConsentUrl };
  }
  if (needs.roleTemplateIds.length > 0) return { status: 'needsRole', permissions, roleTemplateIds: [...needs.roleTemplateIds] };
  return { status: 'unavailable', reason: 'accessDenied' };
}

function unavailable(status: number | undefined, retryAfter: number | undefined): FactProblem {
  return {
    status: 'unavailable',
    reason: status === 429 ? 'throttled' : 'serviceError',
    ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
  };
}

function graphErrorCode(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}
