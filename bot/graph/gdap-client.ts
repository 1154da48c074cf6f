import { z } from 'zod';
import type { CreateRelationshipBody } from '../../src/domain/gdap/gdap-relationship.js';
import { GdapPartnerError } from '../gdap/gdap-partner.js';
import type { GdapPartner, GdapPartnerErrorKind, PartnerRelationship } from '../gdap/gdap-partner.js';
import type { AppOnlyTokenProvider } from './app-only-token-provider.js';
import { GRAPH_BASE_URL } from './graph-batch.js';

export interface GdapClientOptions {
  /** The distributor's own app with the application permission `DelegatedAdminRelationship.ReadWrite.All`. */
  readonly token: AppOnlyTokenProvider;
  readonly graphBaseUrl?: string;
  readonly timeoutMs?: number;
}

const RELATIONSHIPS = '/tenantRelationships/delegatedAdminRelationships';

const nullableText = z.string().nullish().transform((value) => (value === undefined || value === null || value === '' ? null : value));
const relationshipSchema = z.object({
  '@odata.etag': nullableText,
  id: z.string().min(1),
  displayName: z.string(),
  status: z.string(),
  customer: z.object({ tenantId: nullableText }).nullish(),
  // Graph's create example answers `"activatedDateTime": ""` before activation.
  activatedDateTime: nullableText,
  endDateTime: nullableText,
  indirectProviderTenantId: nullableText,
  isPartnerConsentPending: z.boolean().nullish(),
});
const collectionSchema = z.object({ value: z.array(z.unknown()) });
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * GDAP with Microsoft Graph v1.0, as the distributor's app (client
 * credentials in `DISTRIBUTOR_TENANT_ID`). Every call needs the application
 * permission `DelegatedAdminRelationship.ReadWrite.All`, and the partner
 * tenant must hold the service principal "Partner Customer Delegated
 * Administration" (appId 2832473f-ec63-45fb-976f-5d45a7d4bb91) — "Create
 * delegatedAdminRelationship",
 * https://learn.microsoft.com/graph/api/tenantrelationship-post-delegatedadminrelationships;
 * "Create requests", https://learn.microsoft.com/graph/api/delegatedadminrelationship-post-requests;
 * "Delete delegatedAdminRelationship" (If-Match, `created` only),
 * https://learn.microsoft.com/graph/api/delegatedadminrelationship-delete;
 * "Create accessAssignments", https://learn.microsoft.com/graph/api/delegatedadminrelationship-post-accessassignments.
 */
export function createGdapClient(options: GdapClientOptions): GdapPartner {
  const base = (options.graphBaseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> => {
    let accessToken: string;
    try {
      ({ accessToken } = await options.token());
    } catch (error) {
      throw new GdapPartnerError('permission', `no Graph token for the distributor's app: ${error instanceof Error ? error.message : String(error)}`);
    }
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new GdapPartnerError('unavailable', `Microsoft Graph did not answer ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    const json: unknown = text === '' ? undefined : safeJson(text);
    if (response.ok) return json;
    const graphError = errorSchema.safeParse(json).data?.error;
    throw new GdapPartnerError(
      errorKind(response.status),
      `Microsoft Graph answered ${response.status} to ${method} ${path}${graphError ? `: ${graphError.code}: ${graphError.message}` : ''}`,
      response.status,
      graphError?.code,
    );
  };

  return {
    async create(body: CreateRelationshipBody) {
      return parseRelationship(await call('POST', RELATIONSHIPS, body));
    },
    async lockForApproval(relationshipId) {
      await call('POST', `${RELATIONSHIPS}/${encodeURIComponent(relationshipId)}/requests`, { action: 'lockForApproval' });
    },
    async get(relationshipId) {
      try {
        return parseRelationship(await call('GET', `${RELATIONSHIPS}/${encodeURIComponent(relationshipId)}`));
      } catch (error) {
        if (error instanceof GdapPartnerError && error.kind === 'notFound') return undefined;
        throw error;
      }
    },
    async findByDisplayName(displayName) {
      // OData string literal: a quote is written twice.
      const filter = encodeURIComponent(`displayName eq '${displayName.replaceAll("'", "''")}'`);
      const answer = collectionSchema.safeParse(await call('GET', `${RELATIONSHIPS}?$filter=${filter}`));
      if (!answer.success) throw new GdapPartnerError('unavailable', 'Microsoft Graph answered the relationship list in an unknown shape');
      const first = answer.data.value[0];
      return first === undefined ? undefined : parseRelationship(first);
    },
    async delete(relationship) {
      await call('DELETE', `${RELATIONSHIPS}/${encodeURIComponent(relationship.id)}`, undefined, relationship.etag === null ? {} : { 'if-match': relationship.etag });
    },
    async assignAccess(relationshipId, securityGroupId, roles) {
      const answer = await call('POST', `${RELATIONSHIPS}/${encodeURIComponent(relationshipId)}/accessAssignments`, {
        accessContainer: { accessContainerId: securityGroupId, accessContainerType: 'securityGroup' },
        accessDetails: { unifiedRoles: roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
      });
      const id = z.object({ id: z.string().min(1) }).safeParse(answer).data?.id;
      if (id === undefined) throw new GdapPartnerError('unavailable', 'Microsoft Graph answered the access assignment without an id');
      return id;
    },
  };
}

/** Reads Graph's relationship JSON; the demo partner's answers go through it too. */
export function parseRelationship(body: unknown): PartnerRelationship {
  const parsed = relationshipSchema.safeParse(body);
  if (!parsed.success) throw new GdapPartnerError('unavailable', `Microsoft Graph answered a relationship in an unknown shape: ${parsed.error.issues[0]?.message ?? ''}`);
  const relationship = parsed.data;
  return {
    id: relationship.id,
    displayName: relationship.displayName,
    status: relationship.status,
    customerTenantId: relationship.customer?.tenantId?.toLowerCase() ?? null,
    activatedDateTime: relationship.activatedDateTime,
    endDateTime: relationship.endDateTime,
    etag: relationship['@odata.etag'],
    indirectProviderTenantId: relationship.indirectProviderTenantId,
    isPartnerConsentPending: relationship.isPartnerConsentPending ?? null,
  };
}

function errorKind(status: number): GdapPartnerErrorKind {
  if (status === 401 || status === 403) return 'permission';
  if (status === 404) return 'notFound';
  if (status === 400 || status === 409 || status === 412) return 'rejected';
  return 'unavailable';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
