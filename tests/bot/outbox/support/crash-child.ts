/**
 * Child process for the crash test: stores one order, then either idles
 * ("stored") or starts delivering on channels that never answer, right after
 * the commit ("dispatching") or after claiming ("sending"), and reports on
 * stdout so the parent can SIGKILL it at that point.
 * argv: connectionString tableName tenantId mode graceMs leaseMs
 */
import type { StoredOrder } from '../../../../src/domain/order/order.js';
import type { DeliveryChannel, DeliveryChannelName } from '../../../../bot/delivery/delivery-channel.js';
import { DeliveryStore } from '../../../../bot/storage/delivery-store.js';
import { OutboxWorker } from '../../../../bot/outbox/outbox-worker.js';
import { StoredOrders } from '../../storage/stored-orders.js';
import { createTableStorage } from '../../../../bot/storage/table-storage.js';
import { submission } from '../../../support/order-fixtures.js';

const [connectionString, tableName, tenantId, mode, graceMs, leaseMs] = process.argv.slice(2);
if (!connectionString || !tableName || !tenantId || !mode || !graceMs || !leaseMs) {
  throw new Error('usage: crash-child connectionString tableName tenantId mode graceMs leaseMs');
}

const report = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

const table = createTableStorage(connectionString).table(tableName);
const repository = new StoredOrders(table, { firstAttemptGraceMs: Number(graceMs) });
const { order, newDeliveries } = await repository.create(
  tenantId,
  submission(),
  { channels: ['teams', 'webhook'], now: new Date() },
);
report({ event: 'stored', orderId: order.id });

const neverAnswers = (name: DeliveryChannelName): DeliveryChannel => ({
  name,
  deliver: (delivered: StoredOrder) => {
    report({ event: 'sending', channel: name, orderId: delivered.id });
    return new Promise<void>(() => {});
  },
});

if (mode === 'sending' || mode === 'dispatching') {
  const worker = new OutboxWorker({
    store: new DeliveryStore(table),
    orders: repository,
    channels: [neverAnswers('teams'), neverAnswers('webhook')],
    logger: { info: () => {}, warn: () => {}, error: (fields, message) => report({ event: 'error', message, fields }) },
    leaseMs: Number(leaseMs),
  });
  worker.start();
  if (mode === 'dispatching') {
    // The hot path: the storing process sends at once, without a claim write.
    worker.dispatch(order, newDeliveries);
  } else {
    // The claim path: each record is leased ("delivering") before the send starts.
    worker.notify(tenantId, order.id);
  }
}

// Stay alive until killed.
setInterval(() => {}, 60_000);
