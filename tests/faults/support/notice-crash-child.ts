/**
 * Child process for the notice crash test: stores an order and changes its
 * status through OrderService, then either stops before any delivery
 * ("changed": the status change and its notice record are stored, nothing
 * more) or starts the outbox, whose customer chats never answer ("sending"),
 * and reports on stdout so the parent can SIGKILL it at that point.
 * argv: connectionString tableName tenantId mode graceMs leaseMs activationDate
 */
import { createCustomerNoticeChannel } from '../../../bot/delivery/customer-notice-channel.js';
import type { CardMessenger } from '../../../bot/delivery/card-messenger.js';
import type { Logger } from '../../../bot/logger.js';
import { OrderService } from '../../../bot/orders/order-service.js';
import { OutboxWorker } from '../../../bot/outbox/outbox-worker.js';
import { ConversationStore } from '../../../bot/storage/conversation-store.js';
import { DeliveryStore } from '../../../bot/storage/delivery-store.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { CATALOG } from '../../bot/storage/fixtures.js';
import { orderInput } from '../../support/order-fixtures.js';
import { NOTICE_SUBMITTER } from './notice-crash-fixtures.js';
import { everyTenantAccepted } from '../../support/customer-agreement-fixtures.js';

const [connectionString, tableName, tenantId, mode, graceMs, leaseMs, activationDate] = process.argv.slice(2);
if (!connectionString || !tableName || !tenantId || !mode || !graceMs || !leaseMs || !activationDate) {
  throw new Error('usage: notice-crash-child connectionString tableName tenantId mode graceMs leaseMs activationDate');
}

const report = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
const logger: Logger = { info: () => {}, warn: () => {}, error: (fields, message) => report({ event: 'error', message, fields }) };
const never = (): Promise<never> => new Promise<never>(() => {});

const table = createTableStorage(connectionString).table(tableName);
const repository = new OrderRepository(table);
const conversations = new ConversationStore(table);
const messenger: CardMessenger = {
  postToChannel: never,
  updateCard: never,
  sendCard: (conversation) => {
    report({ event: 'sending', conversation });
    return never();
  },
};
const worker = new OutboxWorker({
  store: new DeliveryStore(table),
  orders: repository,
  channels: [createCustomerNoticeChannel({ store: conversations, messenger, catalog: CATALOG, distributorName: 'ООО «Демо Дистрибуция»', logger })],
  logger,
  leaseMs: Number(leaseMs),
});
const orders = new OrderService({
  repository,
  catalog: CATALOG,
  timeZone: 'Europe/Moscow',
  channels: [],
  // "changed": the process dies before its outbox takes the notice.
  outbox: mode === 'sending' ? worker : { dispatch: () => {} },
  firstAttemptGraceMs: Number(graceMs),
  customerAgreements: everyTenantAccepted,
});
if (mode === 'sending') worker.start();

const submitted = await orders.submit(tenantId, orderInput({ activationDate }), { now: new Date(), submitter: NOTICE_SUBMITTER });
if (submitted.kind !== 'created') throw new Error(`expected created, got ${submitted.kind}`);
const changed = await orders.changeStatus(tenantId, submitted.order.id, { status: 'accepted' }, { now: new Date(), actor: 'Петрова Анна' });
if (changed.kind !== 'changed') throw new Error(`expected changed, got ${changed.kind}`);
report({ event: 'changed', orderId: submitted.order.id });

// Stay alive until killed.
setInterval(() => {}, 60_000);
