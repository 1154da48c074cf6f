import { randomUUID } from 'node:crypto';
import { graphError, insufficientPrivileges } from './graph-stand-in.js';
import type { GraphAnswer, GraphRouteRequest, GraphStandIn } from './graph-stand-in.js';

/**
 * The partner side of GDAP in the Graph stand-in, after Microsoft's pages:
 * - "Create delegatedAdminRelationship" (https://learn.microsoft.com/graph/api/tenantrelationship-post-delegatedadminrelationships):
 *   displayName ≤ 50 and unique across the partner's relationships, duration P1D–P2Y, 201 with status `created`
 *   and a Location header;
 * - "Create requests" (https://learn.microsoft.com/graph/api/delegatedadminrelationship-post-requests):
 *   `{action:"lockForApproval"}`, 201; created → approvalPending;
 * - "Get"/"List delegatedAdminRelationships" (`$filter` on displayName), "Delete" (If-Match, `created` only, 204),
 *   "Create accessAssignments" (active only, 201, status `pending`);
 * - the lifecycle of "GDAP API overview" (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationships-api-overview):
 *   the customer's approval makes it active; it ends expired or terminated.
 * Errors: 403 `Authorization_RequestDenied` when the partner app lacks
 * DelegatedAdminRelationship.ReadWrite.All; 400 for a duplicate display name
 * (the pages state the uniqueness rule, not the error's code or wording, so
 * the client under test keys on the status only).
 */
export interface GdapStandIn {
  /** The partner's relationships as Graph would list them. */
  readonly relationships: ReadonlyMap<string, Record<string, unknown>>;
  /** The partner app loses (false) or regains its permission. */
  grantPermission(granted: boolean): void;
  /** The customer approves in the admin center: approvalPending → active. */
  approve(id: string): void;
  /** The relationship reaches its end date, or either side ends it. */
  end(id: string, status: 'expired' | 'terminated'): void;
}

const BASE = '/tenantRelationships/delegatedAdminRelationships';
const DAY_MS = 24 * 60 * 60_000;

export function addGdapStandIn(graph: GraphStandIn, partnerTenantId: string): GdapStandIn {
  const relationships = new Map<string, Record<string, unknown>>();
  let permitted = true;
  let version = 0;

  const stamp = (relationship: Record<string, unknown>, changes: Record<string, unknown>): void => {
    version += 1;
    Object.assign(relationship, changes, { '@odata.etag': `W/"stand-in-${version}"`, lastModifiedDateTime: new Date().toISOString() });
  };
  const notFound = (id: string) => graphError(404, 'NotFound', `The relationship ${id} was not found.`);
  const bad = (message: string) => graphError(400, 'BadRequest', message);

  const create = (body: unknown): GraphAnswer => {
    const input = body as { displayName?: unknown; duration?: unknown; customer?: { tenantId?: unknown }; accessDetails?: { unifiedRoles?: unknown }; autoExtendDuration?: unknown } | undefined;
    const displayName = input?.displayName;
    if (typeof displayName !== 'string' || displayName === '' || displayName.length > 50) return bad('displayName is required, at most 50 characters.');
    if (typeof input?.duration !== 'string' || !/^P(\d+D|[12]Y)$/.test(input.duration)) return bad('duration must be between P1D and P2Y.');
    if (!Array.isArray(input.accessDetails?.unifiedRoles) || input.accessDetails.unifiedRoles.length === 0) return bad('accessDetails.unifiedRoles is required.');
    if (![...relationships.values()].every((relationship) => relationship['displayName'] !== displayName)) return bad(`The display name '${displayName}' is already used.`);
    const id = `${randomUUID()}-${randomUUID()}`;
    const relationship: Record<string, unknown> = {
      '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
      id,
      displayName,
      duration: input.duration,
      customer: { tenantId: input.customer?.tenantId ?? null, displayName: null },
      accessDetails: input.accessDetails,
      status: 'created',
      autoExtendDuration: input.autoExtendDuration ?? 'PT0S',
      createdDateTime: new Date().toISOString(),
      activatedDateTime: '',
      endDateTime: null,
    };
    stamp(relationship, {});
    relationships.set(id, relationship);
    return { status: 201, body: relationship, headers: { location: `https://graph.microsoft.com/v1.0${BASE}/${id}` } };
  };

  const handle = (request: GraphRouteRequest): GraphAnswer | undefined => {
    if (!request.path.startsWith(BASE)) return undefined;
    if (request.tenantId !== partnerTenantId || !permitted) return insufficientPrivileges();
    const [id, sub] = request.path.slice(BASE.length).split('/').filter(Boolean);
    if (id === undefined) {
      if (request.method === 'POST') return create(request.body);
      if (request.method !== 'GET') return undefined;
      const filter = /^displayName eq '((?:[^']|'')*)'$/.exec(request.query.get('$filter') ?? '');
      const name = filter?.[1]?.replaceAll("''", "'");
      const value = [...relationships.values()].filter((relationship) => name === undefined || relationship['displayName'] === name);
      return { status: 200, body: { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships`, value } };
    }
    const relationship = relationships.get(decodeURIComponent(id));
    if (!relationship) return notFound(id);
    if (sub === undefined && request.method === 'GET') return { status: 200, body: relationship };
    if (sub === undefined && request.method === 'DELETE') {
      if (request.headers['if-match'] !== relationship['@odata.etag']) return graphError(412, 'PreconditionFailed', 'The If-Match header does not match.');
      if (relationship['status'] !== 'created') return bad('Only a relationship in the created status can be deleted.');
      relationships.delete(String(relationship['id']));
      return { status: 204 };
    }
    if (sub === 'requests' && request.method === 'POST') {
      const action = (request.body as { action?: unknown } | undefined)?.action;
      if (action !== 'lockForApproval') return bad(`The stand-in supports lockForApproval, got ${String(action)}.`);
      if (relationship['status'] !== 'created') return bad(`The relationship is ${String(relationship['status'])}, not created.`);
      stamp(relationship, { status: 'approvalPending' });
      const now = new Date().toISOString();
      return { status: 201, body: { '@odata.type': '#microsoft.graph.delegatedAdminRelationshipRequest', id: randomUUID(), action, status: 'created', createdDateTime: now, lastModifiedDateTime: now } };
    }
    if (sub === 'accessAssignments' && request.method === 'POST') {
      if (relationship['status'] !== 'active') return bad('Access can be assigned on an active relationship only.');
      const now = new Date().toISOString();
      const body = request.body as Record<string, unknown> | undefined;
      return { status: 201, body: { '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment', id: randomUUID(), status: 'pending', createdDateTime: now, lastModifiedDateTime: now, ...body } };
    }
    return undefined;
  };
  graph.route(handle);

  return {
    relationships,
    grantPermission: (granted) => {
      permitted = granted;
    },
    approve: (id) => {
      const relationship = relationships.get(id);
      if (relationship?.['status'] !== 'approvalPending') throw new Error(`relationship ${id} is not waiting for approval`);
      const activated = new Date();
      const days = /^P(\d+)D$/.exec(String(relationship['duration']))?.[1];
      stamp(relationship, {
        status: 'active',
        activatedDateTime: activated.toISOString(),
        endDateTime: new Date(activated.getTime() + Number(days ?? 730) * DAY_MS).toISOString(),
      });
    },
    end: (id, status) => {
      const relationship = relationships.get(id);
      if (!relationship) throw new Error(`no relationship ${id}`);
      stamp(relationship, { status });
    },
  };
}
