import { randomUUID } from 'node:crypto';
import { durationDays } from '../../src/domain/gdap/gdap-duration.js';
import type { CreateRelationshipBody } from '../../src/domain/gdap/gdap-relationship.js';
import { GdapPartnerError } from '../gdap/gdap-partner.js';
import type { GdapPartner } from '../gdap/gdap-partner.js';
import { parseRelationship } from './gdap-client.js';

/** Demo mode's partner side, plus what only the demo can do: approve as if the customer had. */
export interface DemoPartner extends GdapPartner {
  /** The customer's approval, done by the demo board's «Одобрить (демо)». */
  approve(relationshipId: string): void;
}

const DAY_MS = 24 * 60 * 60_000;

type StoredJson = Record<string, unknown> & { id: string; displayName: string; status: string; duration: string };

/**
 * An in-memory partner for demo mode that keeps relationships as Graph's
 * JSON (the shapes of "Create delegatedAdminRelationship" and its 201
 * answer) and reads them back through the Graph client's own parser. It
 * refuses what Graph refuses: a second relationship with the same display
 * name (400), deleting one that is not `created`, locking one twice.
 */
export function createDemoPartner(options: { readonly clock?: () => Date } = {}): DemoPartner {
  const clock = options.clock ?? (() => new Date());
  const relationships = new Map<string, StoredJson>();
  let version = 0;

  const stamp = (relationship: StoredJson, changes: Record<string, unknown>): void => {
    version += 1;
    Object.assign(relationship, changes, { '@odata.etag': `W/"demo-${version}"`, lastModifiedDateTime: clock().toISOString() });
  };
  const find = (id: string): StoredJson => {
    const relationship = relationships.get(id);
    if (!relationship) throw new GdapPartnerError('notFound', `Relationship ${id} does not exist.`, 404, 'NotFound');
    return relationship;
  };

  return {
    create(body: CreateRelationshipBody) {
      if ([...relationships.values()].some((relationship) => relationship.displayName === body.displayName)) {
        return Promise.reject(new GdapPartnerError('rejected', `A relationship named "${body.displayName}" exists already.`, 400, 'BadRequest'));
      }
      const now = clock().toISOString();
      const relationship: StoredJson = {
        '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
        id: `${randomUUID()}-${randomUUID()}`,
        displayName: body.displayName,
        duration: body.duration,
        customer: { tenantId: body.customer.tenantId, displayName: null },
        accessDetails: body.accessDetails,
        status: 'created',
        autoExtendDuration: body.autoExtendDuration,
        createdDateTime: now,
        activatedDateTime: '',
        endDateTime: null,
      };
      stamp(relationship, {});
      relationships.set(relationship.id, relationship);
      return Promise.resolve(parseRelationship(relationship));
    },
    lockForApproval(relationshipId) {
      const relationship = find(relationshipId);
      if (relationship.status !== 'created') {
        return Promise.reject(new GdapPartnerError('rejected', `Relationship ${relationshipId} is ${relationship.status}, not created.`, 400, 'BadRequest'));
      }
      stamp(relationship, { status: 'approvalPending' });
      return Promise.resolve();
    },
    get(relationshipId) {
      const relationship = relationships.get(relationshipId);
      return Promise.resolve(relationship && parseRelationship(relationship));
    },
    findByDisplayName(displayName) {
      const relationship = [...relationships.values()].find((candidate) => candidate.displayName === displayName);
      return Promise.resolve(relationship && parseRelationship(relationship));
    },
    delete(target) {
      const relationship = find(target.id);
      if (relationship.status !== 'created') {
        return Promise.reject(new GdapPartnerError('rejected', `Relationship ${target.id} is ${relationship.status}; only a created one can be deleted.`, 400, 'BadRequest'));
      }
      relationships.delete(target.id);
      return Promise.resolve();
    },
    assignAccess(relationshipId) {
      const relationship = find(relationshipId);
      if (relationship.status !== 'active') {
        return Promise.reject(new GdapPartnerError('rejected', `Relationship ${relationshipId} is not active.`, 400, 'BadRequest'));
      }
      return Promise.resolve(randomUUID());
    },
    approve(relationshipId) {
      const relationship = find(relationshipId);
      if (relationship.status !== 'approvalPending') {
        throw new GdapPartnerError('rejected', `Relationship ${relationshipId} is ${relationship.status}, not waiting for approval.`, 400, 'BadRequest');
      }
      const activated = clock();
      stamp(relationship, {
        status: 'active',
        activatedDateTime: activated.toISOString(),
        endDateTime: new Date(activated.getTime() + durationDays(relationship.duration) * DAY_MS).toISOString(),
      });
    },
  };
}
