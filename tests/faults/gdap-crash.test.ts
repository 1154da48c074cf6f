import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GdapService } from '../../bot/gdap/gdap-service.js';
import { createGdapClient } from '../../bot/graph/gdap-client.js';
import { GdapStore } from '../../bot/storage/gdap-store.js';
import { DEFAULT_GDAP_ROLES } from '../../src/domain/gdap/gdap-roles.js';
import { DISTRIBUTOR_TENANT_ID } from '../bot/graph/graph-fixtures.js';
import { freshTable, tenantId } from '../bot/storage/fixtures.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { addGdapStandIn } from '../support/gdap-stand-in.js';
import type { GdapStandIn } from '../support/gdap-stand-in.js';
import { startGraphStandIn } from '../support/graph-stand-in.js';
import type { GraphStandIn } from '../support/graph-stand-in.js';
import { runUntilKilled } from '../support/killed-child.js';

/**
 * A process requesting GDAP is SIGKILLed between the steps: right after
 * Graph created the relationship (before the id was stored), and right after
 * the lock for approval (before that was stored). After the "restart" one
 * sweep finishes the request: the relationship is locked, stored, and no
 * second one was made.
 */

const CHILD = fileURLToPath(new URL('./support/gdap-crash-child.ts', import.meta.url));
const RESUME_AFTER_MS = 2 * 60_000;

let azurite: AzuriteTables;
let graph: GraphStandIn;
let gdap: GdapStandIn;
beforeAll(async () => {
  [azurite, graph] = await Promise.all([startAzurite(), startGraphStandIn()]);
  gdap = addGdapStandIn(graph, DISTRIBUTOR_TENANT_ID);
});
afterAll(async () => {
  await graph?.close();
  await azurite?.stop();
});

type ChildEvent = { event: 'created' | 'locked'; id: string } | { event: 'done' } | { event: 'error' };

/** The restarted server: the same storage and Graph, the clock past the point where intents are resumed. */
function restarted(table: Awaited<ReturnType<typeof freshTable>>): GdapService {
  return new GdapService({
    store: new GdapStore(table),
    partner: createGdapClient({ token: () => Promise.resolve({ accessToken: `stand-in.${DISTRIBUTOR_TENANT_ID}.app.2`, grantedScopes: undefined, expiresOn: null }), graphBaseUrl: graph.graphBaseUrl }),
    settings: { roles: DEFAULT_GDAP_ROLES, duration: 'P730D' },
    effects: { sendCustomerCard: () => Promise.resolve(1), announceActive: () => Promise.resolve() },
    logger: pino({ level: 'silent' }),
    clock: () => new Date(Date.now() + RESUME_AFTER_MS + 60_000),
  });
}

const relationshipsOf = (customer: string) =>
  [...gdap.relationships.values()].filter((relationship) => (relationship['customer'] as { tenantId?: string }).tenantId === customer);

describe('SIGKILL while requesting GDAP', () => {
  it.each([
    ['after Graph created it, before its id was stored', 'create', 'created', 'creating', 'CSP-7K2M9QX4'],
    ['after the lock for approval, before it was stored', 'lockForApproval', 'locked', 'created', 'CSP-7K2M9QX5'],
  ] as const)('%s: one sweep after the restart locks and stores it, and makes no second one', async (_name, killAfter, event, leftState, orderId) => {
    const table = await freshTable(azurite.connectionString);
    const customer = tenantId();

    const { signal } = await runUntilKilled<ChildEvent>(
      CHILD,
      [azurite.connectionString, table.tableName, graph.graphBaseUrl, DISTRIBUTOR_TENANT_ID, customer, killAfter, orderId],
      (events) => events.some((reported) => reported.event === event || reported.event === 'error'),
    );
    expect(signal).toBe('SIGKILL');
    const store = new GdapStore(table);
    expect((await store.get(customer))?.record.state).toBe(leftState);
    expect(relationshipsOf(customer)).toHaveLength(1);

    await restarted(table).sweep();

    const record = (await store.get(customer))?.record;
    const [relationship] = relationshipsOf(customer);
    expect(relationshipsOf(customer)).toHaveLength(1);
    expect(relationship?.['status']).toBe('approvalPending');
    expect(record).toMatchObject({ state: 'approvalPending', relationshipId: relationship?.['id'], displayName: `ООО «Василёк» ${orderId}`, customerCardSent: true });
  }, 60_000);
});
