/**
 * Child process for the GDAP crash test: requests GDAP for one customer
 * through the real service, Graph client (against the parent's Graph
 * stand-in) and Table Storage, and hangs right after the named Graph call
 * took effect, before its result is stored, reporting on stdout so the
 * parent can SIGKILL it there.
 * argv: connectionString tableName graphBaseUrl distributorTenantId customerTenantId killAfter(create|lockForApproval) orderId
 */
import type { Logger } from '../../../bot/logger.js';
import type { GdapPartner } from '../../../bot/gdap/gdap-partner.js';
import { GdapService } from '../../../bot/gdap/gdap-service.js';
import { createGdapClient } from '../../../bot/graph/gdap-client.js';
import { GdapStore } from '../../../bot/storage/gdap-store.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { DEFAULT_GDAP_ROLES } from '../../../src/domain/gdap/gdap-roles.js';

const [connectionString, tableName, graphBaseUrl, distributorTenantId, customerTenantId, killAfter, orderId] = process.argv.slice(2);
if (!connectionString || !tableName || !graphBaseUrl || !distributorTenantId || !customerTenantId || !killAfter || !orderId) {
  throw new Error('usage: gdap-crash-child connectionString tableName graphBaseUrl distributorTenantId customerTenantId killAfter orderId');
}

const report = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
const logger: Logger = { info: () => {}, warn: () => {}, error: (fields, message) => report({ event: 'error', message, fields }) };
const never = (): Promise<never> => new Promise<never>(() => {});

// The Graph stand-in reads the tenant from its own token format.
const client = createGdapClient({ token: () => Promise.resolve({ accessToken: `stand-in.${distributorTenantId}.app.1`, grantedScopes: undefined, expiresOn: null }), graphBaseUrl });
const partner: GdapPartner = {
  ...client,
  create: async (body) => {
    const created = await client.create(body);
    if (killAfter === 'create') {
      report({ event: 'created', id: created.id });
      return never();
    }
    return created;
  },
  lockForApproval: async (id) => {
    await client.lockForApproval(id);
    if (killAfter === 'lockForApproval') {
      report({ event: 'locked', id });
      return never();
    }
  },
};

const service = new GdapService({
  store: new GdapStore(createTableStorage(connectionString).table(tableName)),
  partner,
  settings: { roles: DEFAULT_GDAP_ROLES, duration: 'P730D' },
  effects: { sendCustomerCard: () => Promise.resolve(0), announceActive: () => Promise.resolve() },
  logger,
});
await service.request({ tenantId: customerTenantId, organization: 'ООО «Василёк»', orderId });
report({ event: 'done' });
