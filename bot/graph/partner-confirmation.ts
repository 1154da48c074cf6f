import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { isGuid } from '../../src/domain/guid.js';
import type { GdapRelationship, PartnerContract, PartnerFacts } from '../../src/domain/tenant/tenant-facts.js';
import type { Fact, FactProblem } from '../../src/domain/tenant/tenant-response.js';
import type { Logger } from '../logger.js';
import type { AppOnlyTokenProvider } from './app-only-token-provider.js';
import { GraphBatchError, sendGraphBatch } from './graph-batch.js';
import type { GraphBatchPart } from './graph-batch.js';
import { batchFailure, partOutcome } from './graph-part-outcome.js';
import type { PermissionNeeds } from './graph-part-outcome.js';

/** Partner-side proof for one customer tenant: the only evidence that yields "confirmed". */
export type PartnerConfirmation = (customerTenantId: string) => Promise<PartnerFacts>;

export interface PartnerConfirmationOptions {
  readonly token: AppOnlyTokenProvider;
  readonly logger: Logger;
  readonly graphBaseUrl?: string;
  /** How long a found relationship is reused. */
  readonly ttlMs?: number;
  /** How long "not found" is reused: short, since the customer may be accepting the invitation right now. */
  readonly notFoundTtlMs?: number;
  readonly clock?: () => Date;
}

/** Application permissions of the distributor's app, from the Graph v1.0 reference pages. */
const CONTRACTS: PermissionNeeds = { permissions: ['Directory.Read.All'], roleTemplateIds: [] };
const GDAP: PermissionNeeds = { permissions: ['DelegatedAdminRelationship.Read.All'], roleTemplateIds: [] };

const text = z.string().nullish().transform((value) => value ?? null);
const contractsSchema = z.object({
  value: z.array(z.object({ customerId: z.string(), displayName: text, defaultDomainName: text })),
});
const relationshipsSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      displayName: text,
      status: z.string(),
      customer: z.object({ tenantId: text }).nullish(),
      activatedDateTime: text,
    }),
  ),
});

/**
 * Asks Graph, as the distributor's own app in the distributor's tenant,
 * whether the customer is in `GET /contracts` or has an active
 * `delegatedAdminRelationship`: the only authoritative proof. Both requests
 * go in one `$batch`; answers are cached briefly per customer, and
 * concurrent asks for the same customer share one round trip.
 */
export function createPartnerConfirmation(options: PartnerConfirmationOptions): PartnerConfirmation {
  const clock = options.clock ?? (() => new Date());
  const answers = new LRUCache<string, PartnerFacts>({
    max: 1_000,
    ttl: options.ttlMs ?? 5 * 60_000,
    perf: { now: () => clock().getTime() },
    ttlResolution: 0,
  });
  const pending = new Map<string, Promise<PartnerFacts>>();

  const ask = async (tenantId: string): Promise<PartnerFacts> => {
    let accessToken: string;
    try {
      ({ accessToken } = await options.token());
    } catch (error) {
      options.logger.warn({ err: error }, 'no partner-side Graph token');
      return both({ status: 'unavailable', reason: 'accessDenied' });
    }
    let parts: ReadonlyMap<string, GraphBatchPart>;
    try {
      parts = await sendGraphBatch({
        accessToken,
        requests: [
          // contract.customerId is an Edm.Guid: OData compares it with an unquoted GUID literal; a quoted one is a
          // string and Graph answers 400 (contract resource type:
          // https://learn.microsoft.com/graph/api/resources/contract). The GDAP customer's tenantId is a String,
          // so it stays quoted (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationshipcustomerparticipant).
          { id: 'contracts', url: `/contracts?$filter=${encodeURIComponent(`customerId eq ${tenantId}`)}&$select=customerId,displayName,defaultDomainName` },
          { id: 'gdap', url: `/tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent(`customer/tenantId eq '${tenantId}'`)}` },
        ],
        ...(options.graphBaseUrl === undefined ? {} : { baseUrl: options.graphBaseUrl }),
      });
    } catch (error) {
      if (!(error instanceof GraphBatchError)) throw error;
      options.logger.warn({ err: error }, 'partner-side Graph batch failed');
      return both(batchFailure(error));
    }
    const context = { grantedScopes: undefined, adminConsentUrl: null, side: 'partner' } as const;
    const facts: PartnerFacts = {
      contracts: partOutcome(parts.get('contracts'), CONTRACTS, context, readContracts),
      gdapRelationships: partOutcome(parts.get('gdap'), GDAP, context, readRelationships),
    };
    if (facts.contracts.status !== 'ok' || facts.gdapRelationships.status !== 'ok') {
      options.logger.warn({ contracts: facts.contracts, gdap: facts.gdapRelationships }, 'partner-side Graph answer incomplete');
    }
    return facts;
  };

  return async (customerTenantId) => {
    const tenantId = customerTenantId.toLowerCase();
    // The id goes into an OData filter: only a GUID may.
    if (!isGuid(tenantId)) return both({ status: 'unavailable', reason: 'notConfigured' });
    const cached = answers.get(tenantId);
    if (cached !== undefined) return cached;
    let request = pending.get(tenantId);
    if (request === undefined) {
      request = ask(tenantId).finally(() => pending.delete(tenantId));
      pending.set(tenantId, request);
    }
    const facts = await request;
    // Failures are never reused: the next request asks again.
    if (isComplete(facts)) answers.set(tenantId, facts, hasProof(facts) ? {} : { ttl: options.notFoundTtlMs ?? 30_000 });
    return facts;
  };
}

function readContracts(body: unknown): PartnerContract[] | undefined {
  return contractsSchema.safeParse(body).data?.value;
}

function readRelationships(body: unknown): GdapRelationship[] | undefined {
  return relationshipsSchema.safeParse(body).data?.value.map(({ customer, ...relationship }) => ({
    ...relationship,
    customerTenantId: customer?.tenantId ?? null,
  }));
}

function hasProof(facts: PartnerFacts): boolean {
  return (
    (facts.contracts.status === 'ok' && facts.contracts.value.length > 0) ||
    (facts.gdapRelationships.status === 'ok' && facts.gdapRelationships.value.some((relationship) => relationship.status === 'active'))
  );
}

function isComplete(facts: PartnerFacts): boolean {
  return facts.contracts.status === 'ok' && facts.gdapRelationships.status === 'ok';
}

function both(problem: FactProblem): PartnerFacts {
  const fact: Fact<never> = problem;
  return { contracts: fact, gdapRelationships: fact };
}
