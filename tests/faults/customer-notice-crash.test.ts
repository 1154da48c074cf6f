import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStatusLabels } from '../../src/domain/cards/card-texts.js';
import { CUSTOMER_NOTICE_CHANNEL } from '../../src/domain/order/order-events.js';
import { createCustomerNoticeChannel } from '../../bot/delivery/customer-notice-channel.js';
import { OutboxWorker } from '../../bot/outbox/outbox-worker.js';
import { ConversationStore } from '../../bot/storage/conversation-store.js';
import { DeliveryStore } from '../../bot/storage/delivery-store.js';
import { OrderRepository } from '../../bot/storage/order-repository.js';
import { DISTRIBUTOR_NAME, personalReference, statusLine } from '../bot/distributor/distributor-fixtures.js';
import { RecordingMessenger } from '../bot/distributor/recording-messenger.js';
import { CATALOG, RecordingLogger, freshTable, tenantId, waitUntil } from '../bot/storage/fixtures.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { runUntilKilled } from '../support/killed-child.js';
import { NOTICE_SUBMITTER } from './support/notice-crash-fixtures.js';

/**
 * A process that stored a status change is SIGKILLed before the customer
 * was told: right after the commit, or while the notice's send was under
 * way. After the restart the outbox tells each admin exactly once.
 */

const CHILD = fileURLToPath(new URL('./support/notice-crash-child.ts', import.meta.url));

let azurite: AzuriteTables;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite?.stop());

type ChildEvent = { event: 'changed'; orderId: string } | { event: 'sending' } | { event: 'error' };

const OTHER_ADMIN = '29:1other-admin';

/** The submitter chatted long ago, another admin recently, and someone of another tenant. */
async function rememberChats(store: ConversationStore, tenant: string): Promise<void> {
  const chat = (tenantOf: string, teamsUserId: string, locale: 'ru' | 'en', lastSeenAt: string) =>
    store.savePersonal({ tenantId: tenantOf, teamsUserId, locale, conversation: personalReference(`a:${teamsUserId}`), lastSeenAt: new Date(lastSeenAt) });
  await chat(tenant, NOTICE_SUBMITTER.teamsUserId ?? '', 'ru', '2026-01-10T10:00:00Z');
  await chat(tenant, OTHER_ADMIN, 'en', '2026-11-30T10:00:00Z');
  await chat(tenantId(), '29:1stranger', 'ru', '2026-12-01T10:00:00Z');
}

async function crashAndRestart(mode: 'changed' | 'sending', killAt: (events: readonly ChildEvent[]) => boolean) {
  const table = await freshTable(azurite.connectionString);
  const tenant = tenantId();
  const conversations = new ConversationStore(table);
  await rememberChats(conversations, tenant);

  const activationDate = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  // The grace outlasts the child's attempt timeout (half the lease), so its send runs unclaimed, as in production.
  const { events, signal } = await runUntilKilled<ChildEvent>(
    CHILD,
    [azurite.connectionString, table.tableName, tenant, mode, '2000', '1600', activationDate],
    killAt,
  );
  expect(signal).toBe('SIGKILL');
  const changed = events.find((event) => event.event === 'changed');
  if (!changed || changed.event !== 'changed') throw new Error('the child changed no status');

  // The restart: a fresh outbox over the same storage.
  const deliveries = new DeliveryStore(table);
  const messenger = new RecordingMessenger();
  const worker = new OutboxWorker({
    store: deliveries,
    orders: new OrderRepository(table),
    channels: [createCustomerNoticeChannel({ store: conversations, messenger, catalog: CATALOG, distributorName: DISTRIBUTOR_NAME, logger: new RecordingLogger() })],
    logger: new RecordingLogger(),
    sweepIntervalMs: 25,
    leaseMs: 4_000,
  });
  worker.start();
  try {
    const notice = await waitUntil(
      async () => (await deliveries.listForOrder(tenant, changed.orderId)).find((record) => record.channel === CUSTOMER_NOTICE_CHANNEL),
      (record) => record?.state === 'delivered',
    );
    // Later sweeps must not send it again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { notice, messenger, receipts: await conversations.listNoticeReceipts(tenant, changed.orderId, 1, 10) };
  } finally {
    await worker.stop();
  }
}

describe('a status change whose process was killed before the customer was told', () => {
  it('tells the submitter and the other admin exactly once when the crash came right after the commit', async () => {
    const { notice, messenger, receipts } = await crashAndRestart('changed', (seen) => seen.some((event) => event.event === 'changed'));

    expect(notice?.attempts).toBe(1);
    expect(messenger.sends.map((send) => send.conversation)).toEqual([
      personalReference(`a:${NOTICE_SUBMITTER.teamsUserId ?? ''}`),
      personalReference(`a:${OTHER_ADMIN}`),
    ]);
    expect(messenger.sends.map((send) => statusLine(send.card))).toEqual([orderStatusLabels.accepted.ru, orderStatusLabels.accepted.en]);
    // Receipts are keyed (and so listed) by Teams user id.
    expect(receipts.map((receipt) => [receipt.teamsUserId, receipt.outcome])).toEqual([
      [OTHER_ADMIN, 'sent'],
      [NOTICE_SUBMITTER.teamsUserId, 'sent'],
    ]);
  }, 60_000);

  it('tells each admin exactly once when the crash came while the notice was being sent', async () => {
    const { notice, messenger } = await crashAndRestart('sending', (seen) => seen.some((event) => event.event === 'sending'));

    expect(notice?.state).toBe('delivered');
    expect(messenger.sends.map((send) => send.conversation)).toEqual([
      personalReference(`a:${NOTICE_SUBMITTER.teamsUserId ?? ''}`),
      personalReference(`a:${OTHER_ADMIN}`),
    ]);
  }, 60_000);
});
