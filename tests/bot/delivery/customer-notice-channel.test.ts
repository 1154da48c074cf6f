import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStatusLabels } from '../../../src/domain/cards/card-texts.js';
import { CUSTOMER_NOTICE_CHANNEL } from '../../../src/domain/order/order-events.js';
import type { OrderSubmitter } from '../../../src/domain/order/order-events.js';
import { ConversationGoneError } from '../../../bot/delivery/card-messenger.js';
import { createCustomerNoticeChannel, MAX_NOTICE_RECIPIENTS } from '../../../bot/delivery/customer-notice-channel.js';
import { PermanentDeliveryError } from '../../../bot/delivery/delivery-channel.js';
import { OrderService } from '../../../bot/orders/order-service.js';
import { OutboxWorker } from '../../../bot/outbox/outbox-worker.js';
import { ConversationStore } from '../../../bot/storage/conversation-store.js';
import type { DeliveryRecord } from '../../../bot/storage/delivery-entity.js';
import { DeliveryStore } from '../../../bot/storage/delivery-store.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { orderInput } from '../../support/order-fixtures.js';
import { allText, catalog, DISTRIBUTOR_NAME, personalReference, statusLine } from '../distributor/distributor-fixtures.js';
import { RecordingMessenger } from '../distributor/recording-messenger.js';
import { RecordingLogger, freshTable, tenantId, waitUntil } from '../storage/fixtures.js';
import { everyTenantAccepted } from '../../support/customer-agreement-fixtures.js';

let azurite: AzuriteTables;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite?.stop());

const now = new Date('2026-11-20T10:00:00.000Z');
const notAborted = new AbortController().signal;
const SUBMITTER: OrderSubmitter = { userId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b', teamsUserId: '29:1submitter' };

class RecordingOutbox {
  readonly records: DeliveryRecord[] = [];
  dispatch(_order: unknown, records: readonly DeliveryRecord[]): void {
    this.records.push(...records);
  }
}

/** One tenant's world: orders, chats and the notice channel over one fresh table. */
async function setUp() {
  const table = await freshTable(azurite.connectionString);
  const repository = new OrderRepository(table);
  const store = new ConversationStore(table);
  const messenger = new RecordingMessenger();
  const logger = new RecordingLogger();
  const outbox = new RecordingOutbox();
  const orders = new OrderService({
    repository,
    catalog,
    timeZone: 'Europe/Moscow',
    channels: [],
    outbox,
    customerAgreements: everyTenantAccepted,
  });
  const channel = createCustomerNoticeChannel({ store, messenger, catalog, distributorName: DISTRIBUTOR_NAME, logger, clock: () => now });
  const tenant = tenantId();

  const chat = (teamsUserId: string, lastSeenAt: string, extra: { locale?: 'ru' | 'en'; userId?: string; tenant?: string } = {}) =>
    store.savePersonal({
      tenantId: extra.tenant ?? tenant,
      teamsUserId,
      locale: extra.locale ?? 'ru',
      conversation: personalReference(`a:${teamsUserId}`),
      lastSeenAt: new Date(lastSeenAt),
      ...(extra.userId === undefined ? {} : { userId: extra.userId }),
    });

  /** An order of `tenant` moved to `accepted`; the notice record the change stored. */
  const acceptedOrder = async (submitter?: OrderSubmitter) => {
    const created = await orders.submit(tenant, orderInput(), { now, ...(submitter === undefined ? {} : { submitter }) });
    if (created.kind !== 'created') throw new Error(created.kind);
    const changed = await orders.changeStatus(tenant, created.order.id, { status: 'accepted' }, { now });
    if (changed.kind !== 'changed') throw new Error(changed.kind);
    const record = outbox.records.at(-1);
    if (!record) throw new Error('no notice record');
    return { order: changed.order, record };
  };
  const sentTo = () => messenger.sends.map((send) => String((send.conversation['conversation'] as { id: string }).id).slice(2));

  return { table, repository, store, messenger, logger, orders, outbox, channel, tenant, chat, acceptedOrder, sentTo };
}

describe('customer notice channel: recipients', () => {
  it('tells the submitter first, then the other admins of the tenant, each in their language', async () => {
    const { channel, chat, acceptedOrder, messenger, sentTo } = await setUp();
    await chat('29:1submitter', '2026-01-01T00:00:00Z', { locale: 'en' });
    await chat('29:1recent', '2026-11-19T00:00:00Z');
    await chat('29:1stranger', '2026-11-19T12:00:00Z', { tenant: tenantId() });
    const { order, record } = await acceptedOrder(SUBMITTER);

    await channel.deliver(order, notAborted, record);

    // Not "whoever chatted most recently": the submitter, long silent, comes first; no other tenant's chat.
    expect(sentTo()).toEqual(['29:1submitter', '29:1recent']);
    expect(messenger.sends.map((send) => statusLine(send.card))).toEqual([orderStatusLabels.accepted.en, orderStatusLabels.accepted.ru]);
    expect(messenger.sends.map((send) => allText(send.card))[0]).toContain(`Your order ${order.id}`);
  });

  it("finds a tab submitter's chat by the Entra object id", async () => {
    const { channel, chat, acceptedOrder, sentTo } = await setUp();
    await chat('29:1recent', '2026-11-19T00:00:00Z');
    await chat('29:1tab-user', '2026-01-01T00:00:00Z', { userId: 'oid-tab-user' });
    const { order, record } = await acceptedOrder({ userId: 'oid-tab-user' });

    await channel.deliver(order, notAborted, record);

    expect(sentTo()).toEqual(['29:1tab-user', '29:1recent']);
  });

  it('tells the admins, most recently seen first, about an order stored without a submitter', async () => {
    const { channel, chat, acceptedOrder, sentTo } = await setUp();
    await chat('29:1older', '2026-10-01T00:00:00Z');
    await chat('29:1newer', '2026-11-19T00:00:00Z');
    const { order, record } = await acceptedOrder();

    await channel.deliver(order, notAborted, record);

    expect(sentTo()).toEqual(['29:1newer', '29:1older']);
  });

  it(`sends to at most ${MAX_NOTICE_RECIPIENTS} chats, the submitter always among them`, async () => {
    const { channel, chat, acceptedOrder, sentTo } = await setUp();
    await chat('29:1submitter', '2025-01-01T00:00:00Z');
    for (let index = 0; index < MAX_NOTICE_RECIPIENTS + 5; index++) {
      await chat(`29:1admin-${String(index).padStart(2, '0')}`, new Date(Date.UTC(2026, 10, 1, index)).toISOString());
    }
    const { order, record } = await acceptedOrder(SUBMITTER);

    await channel.deliver(order, notAborted, record);

    expect(sentTo()).toHaveLength(MAX_NOTICE_RECIPIENTS);
    expect(sentTo()[0]).toBe('29:1submitter');
    expect(sentTo()[1]).toBe(`29:1admin-${MAX_NOTICE_RECIPIENTS + 4}`);
  });

  it('sends nothing, and succeeds, when nobody of the tenant chatted with the bot', async () => {
    const { channel, acceptedOrder, messenger, logger } = await setUp();
    const { order, record } = await acceptedOrder(SUBMITTER);

    await channel.deliver(order, notAborted, record);

    expect(messenger.sends).toHaveLength(0);
    expect(logger.entries.some((entry) => /shown in the tab only/.test(entry.message))).toBe(true);
  });
});

describe('customer notice channel: once per recipient', () => {
  it('on a retry sends only to whom the failed attempt did not reach', async () => {
    const { channel, chat, acceptedOrder, messenger, sentTo, store } = await setUp();
    await chat('29:1submitter', '2026-01-01T00:00:00Z');
    await chat('29:1flaky', '2026-11-19T00:00:00Z');
    const { order, record } = await acceptedOrder(SUBMITTER);
    messenger.failWith(({ conversation }) =>
      JSON.stringify(conversation).includes('29:1flaky') ? new Error('HTTP 502 from the Bot Connector') : undefined,
    );

    await expect(channel.deliver(order, notAborted, record)).rejects.toThrow(/1 of 2 customer chats .* HTTP 502/);
    messenger.failWith(undefined);
    await channel.deliver(order, notAborted, record);
    await channel.deliver(order, notAborted, record);

    expect(sentTo()).toEqual(['29:1submitter', '29:1flaky']);
    expect((await store.listNoticeReceipts(order.tenantId, order.id, 1, 10)).map((receipt) => receipt.outcome)).toEqual(['sent', 'sent']);
  });

  it('does not try again an admin whose chat is gone (403/404), nor fail the others', async () => {
    const { channel, chat, acceptedOrder, messenger, sentTo, store } = await setUp();
    await chat('29:1submitter', '2026-01-01T00:00:00Z');
    await chat('29:1removed-the-app', '2026-11-19T00:00:00Z');
    const { order, record } = await acceptedOrder(SUBMITTER);
    let goneCalls = 0;
    messenger.failWith(({ conversation }) => {
      if (!JSON.stringify(conversation).includes('29:1removed-the-app')) return undefined;
      goneCalls += 1;
      return new ConversationGoneError('the Bot Connector answered 403');
    });

    await channel.deliver(order, notAborted, record);
    await channel.deliver(order, notAborted, record);

    expect(sentTo()).toEqual(['29:1submitter']);
    expect(goneCalls).toBe(1);
    const receipts = await store.listNoticeReceipts(order.tenantId, order.id, 1, 10);
    expect(receipts.map((receipt) => [receipt.teamsUserId, receipt.outcome])).toEqual([
      ['29:1removed-the-app', 'gone'],
      ['29:1submitter', 'sent'],
    ]);
  });

  it('announces the change its record names, even after the order moved on', async () => {
    const { channel, chat, acceptedOrder, orders, messenger, outbox } = await setUp();
    await chat('29:1submitter', '2026-01-01T00:00:00Z');
    const { order, record } = await acceptedOrder(SUBMITTER);
    const completed = await orders.changeStatus(order.tenantId, order.id, { status: 'completed' }, { now });
    if (completed.kind !== 'changed') throw new Error(completed.kind);

    await channel.deliver(completed.order, notAborted, record);
    await channel.deliver(completed.order, notAborted, outbox.records.at(-1));

    expect(messenger.sends.map((send) => statusLine(send.card))).toEqual([orderStatusLabels.accepted.ru, orderStatusLabels.completed.ru]);
  });

  it('refuses a record that names no status change, permanently', async () => {
    const { channel, acceptedOrder } = await setUp();
    const { order, record } = await acceptedOrder(SUBMITTER);
    const { notice: _notice, ...withoutNotice } = record;

    await expect(channel.deliver(order, notAborted, withoutNotice)).rejects.toThrow(PermanentDeliveryError);
    await expect(channel.deliver(order, notAborted, { ...record, notice: { step: 9 } })).rejects.toThrow(PermanentDeliveryError);
  });
});

describe('customer notices through the outbox', () => {
  it('delivers the notice right after the change, retrying with backoff, each admin told once', async () => {
    const table = await freshTable(azurite.connectionString);
    const repository = new OrderRepository(table);
    const store = new ConversationStore(table);
    const deliveries = new DeliveryStore(table);
    const messenger = new RecordingMessenger();
    const logger = new RecordingLogger();
    const worker = new OutboxWorker({
      store: deliveries,
      orders: repository,
      channels: [createCustomerNoticeChannel({ store, messenger, catalog, distributorName: DISTRIBUTOR_NAME, logger })],
      logger,
      sweepIntervalMs: 60_000,
      leaseMs: 4_000,
      backoff: { baseMs: 20, maxMs: 100 },
    });
    worker.start();
    try {
      const orders = new OrderService({
        repository,
        catalog,
        timeZone: 'Europe/Moscow',
        channels: [],
        outbox: worker,
        customerAgreements: everyTenantAccepted,
      });
      const tenant = tenantId();
      for (const [teamsUserId, lastSeenAt] of [['29:1submitter', '2026-01-01T00:00:00Z'], ['29:1flaky', '2026-11-19T00:00:00Z']] as const) {
        await store.savePersonal({ tenantId: tenant, teamsUserId, locale: 'ru', conversation: personalReference(`a:${teamsUserId}`), lastSeenAt: new Date(lastSeenAt) });
      }
      let flakyCalls = 0;
      messenger.failWith(({ conversation }) =>
        JSON.stringify(conversation).includes('29:1flaky') && ++flakyCalls <= 2 ? new Error(`HTTP 503 (call ${flakyCalls})`) : undefined,
      );
      const created = await orders.submit(tenant, orderInput({ activationDate: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) }), {
        now: new Date(),
        submitter: { teamsUserId: '29:1submitter' },
      });
      if (created.kind !== 'created') throw new Error(created.kind);

      await orders.changeStatus(tenant, created.order.id, { status: 'accepted' }, { now: new Date() });

      const notice = await waitUntil(
        async () => (await deliveries.listForOrder(tenant, created.order.id)).find((record) => record.channel === CUSTOMER_NOTICE_CHANNEL),
        (record) => record?.state === 'delivered',
      );
      expect(notice?.attempts).toBe(3);
      expect(messenger.sends.map((send) => (send.conversation['conversation'] as { id: string }).id)).toEqual(['a:29:1submitter', 'a:29:1flaky']);
      expect(logger.entries.filter((entry) => entry.message === 'delivery attempt failed; will retry')).toHaveLength(2);
    } finally {
      await worker.stop();
    }
  });
});
