import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { PermanentDeliveryError } from '../../../bot/delivery/delivery-channel.js';
import type { DeliveryChannel } from '../../../bot/delivery/delivery-channel.js';
import { ConversationGoneError } from '../../../bot/delivery/card-messenger.js';
import { createTeamsChannel, NO_INBOX_MESSAGE } from '../../../bot/delivery/teams-channel.js';
import { createBoardLinks } from '../../../bot/distributor/board-links.js';
import { OrderService } from '../../../bot/orders/order-service.js';
import { DeliveryStore } from '../../../bot/storage/delivery-store.js';
import { OutboxWorker } from '../../../bot/outbox/outbox-worker.js';
import type { ConversationStore } from '../../../bot/storage/conversation-store.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { tenantId, waitUntil } from '../storage/fixtures.js';
import {
  actionVerbs,
  allText,
  catalog,
  channelReference,
  DISTRIBUTOR_TENANT_ID,
  freshStore,
  RecordingLogger,
  nth,
  revisionOf,
} from '../distributor/distributor-fixtures.js';
import { RecordingMessenger } from '../distributor/recording-messenger.js';
import { orderInput, storedOrder } from '../../support/order-fixtures.js';
import { everyTenantAccepted } from '../../support/customer-agreement-fixtures.js';

/** What the outbox passes while an attempt still has time. */
const notAborted = new AbortController().signal;

let azurite: AzuriteTables;
const workers: OutboxWorker[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

afterAll(async () => {
  await azurite?.stop();
});

async function setUp(options: { readonly teamsAppId?: string } = {}) {
  const { store, table } = await freshStore(azurite.connectionString);
  const messenger = new RecordingMessenger();
  const logger = new RecordingLogger();
  const channel = createTeamsChannel({
    store,
    messenger,
    distributorTenantId: DISTRIBUTOR_TENANT_ID.toLowerCase(),
    locale: 'ru',
    catalog,
    timeZone: 'Europe/Moscow',
    boardLinks: createBoardLinks({ teamsAppId: options.teamsAppId, distributorTenantId: DISTRIBUTOR_TENANT_ID.toLowerCase(), store }),
    logger,
    clock: () => new Date('2026-05-01T10:00:00.000Z'),
  });
  return { store, table, messenger, logger, channel };
}

async function claimInbox(store: ConversationStore, channelId = '19:inbox@thread.tacv2') {
  await store.saveInbox({
    tenantId: DISTRIBUTOR_TENANT_ID.toLowerCase(),
    conversation: channelReference(channelId),
    claimedAt: new Date('2026-05-01T09:00:00.000Z'),
  });
}

const order = (overrides: Parameters<typeof storedOrder>[0] = {}) =>
  storedOrder({ id: 'CSP-7K2M9Q4D', tenantId: tenantId(), ...overrides });

describe('Teams delivery channel', () => {
  it("links the card to the order on the board tab of the inbox channel", async () => {
    const { channel, messenger, store } = await setUp({ teamsAppId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b' });
    await claimInbox(store, '19:inbox@thread.tacv2');
    const submitted = order();

    await channel.deliver(submitted, notAborted);

    const open = nth(messenger.posts).card.actions?.find((action) => action.type === 'Action.OpenUrl');
    if (open?.type !== 'Action.OpenUrl') throw new Error('no Open in board button');
    const url = new URL(open.url);
    expect(url.pathname).toBe('/l/entity/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b/board');
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({
      subEntityId: `order/${submitted.tenantId}/CSP-7K2M9Q4D`,
      channelId: '19:inbox@thread.tacv2',
    });
  });

  it('is named teams', async () => {
    const { channel } = await setUp();
    expect(channel.name).toBe('teams');
  });

  it('fails retryably while no inbox is claimed, and posts nothing', async () => {
    const { channel, messenger } = await setUp();

    const failure = await channel.deliver(order(), notAborted).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PermanentDeliveryError);
    expect((failure as Error).message).toBe(NO_INBOX_MESSAGE);
    expect(messenger.posts).toHaveLength(0);
  });

  it('posts nothing once the outbox has aborted the attempt', async () => {
    const { channel, messenger, store } = await setUp();
    await claimInbox(store);

    const reason = new Error('channel did not answer within 300 ms');
    await expect(channel.deliver(order(), AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(messenger.posts).toHaveLength(0);
  });

  it('posts the order card with Universal Actions and refresh into the inbox and remembers the message', async () => {
    const { channel, messenger, store } = await setUp();
    await claimInbox(store);
    const submitted = order();

    await channel.deliver(submitted, notAborted);

    expect(messenger.posts).toHaveLength(1);
    const post = nth(messenger.posts);
    expect(post.channel).toEqual(channelReference('19:inbox@thread.tacv2'));
    expect(actionVerbs(post.card)).toEqual([CardVerb.acceptOrder, CardVerb.requestChanges]);
    expect(post.card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: CardVerb.refreshOrder,
        data: { orderId: submitted.id, tenantId: submitted.tenantId, revision: 1 },
      },
    });
    // The staff's language (delivery locale), not the customer's.
    expect(allText(post.card)).toContain('ИНН 0012345673');
    // Without TEAMS_APP_ID there is no board to link to.
    expect(post.card.actions?.some((action) => action.type === 'Action.OpenUrl')).toBe(false);
    expect(await store.getPostedCard(submitted.tenantId, submitted.id)).toEqual({
      tenantId: submitted.tenantId,
      orderId: submitted.id,
      revision: 1,
      conversation: post.message.conversation,
      activityId: post.message.activityId,
      postedAt: new Date('2026-05-01T10:00:00.000Z'),
    });
  });

  it('updates the posted message instead of posting again when the same revision is delivered twice', async () => {
    const { channel, messenger, store } = await setUp();
    await claimInbox(store);
    const submitted = order();

    await channel.deliver(submitted, notAborted);
    await channel.deliver(submitted, notAborted);

    expect(messenger.posts).toHaveLength(1);
    expect(messenger.updates).toHaveLength(1);
    expect(messenger.updates[0]?.message).toEqual(messenger.posts[0]?.message);
  });

  it('posts a new message for a new revision', async () => {
    const { channel, messenger, store } = await setUp();
    await claimInbox(store);
    const first = order();
    await channel.deliver(first, notAborted);

    await channel.deliver({ ...first, revision: 2 }, notAborted);

    expect(messenger.posts).toHaveLength(2);
    expect(revisionOf(nth(messenger.posts, 1).card)).toBe(2);
    expect(messenger.updates).toHaveLength(0);
    expect((await store.getPostedCard(first.tenantId, first.id))?.activityId).toBe(messenger.posts[1]?.message.activityId);
  });

  it('posts again when the earlier message of the revision is gone', async () => {
    const { channel, messenger, store } = await setUp();
    await claimInbox(store);
    const submitted = order();
    await channel.deliver(submitted, notAborted);
    messenger.failWith(({ operation }) => (operation === 'update' ? new ConversationGoneError('404') : undefined));

    await channel.deliver(submitted, notAborted);

    expect(messenger.posts).toHaveLength(2);
    expect((await store.getPostedCard(submitted.tenantId, submitted.id))?.activityId).toBe(messenger.posts[1]?.message.activityId);
  });

  it('keeps the order waiting (retryable) when the inbox no longer accepts the bot', async () => {
    const { channel, messenger, store } = await setUp();
    await claimInbox(store);
    messenger.failWith(() => new ConversationGoneError('the Bot Connector answered 403'));

    const failure = await channel.deliver(order(), notAborted).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PermanentDeliveryError);
    expect((failure as Error).message).toMatch(/inbox channel does not accept/);
  });

  it('posts into the inbox claimed at the time of delivery', async () => {
    const { channel, messenger, store } = await setUp();
    await claimInbox(store, '19:first@thread.tacv2');
    await claimInbox(store, '19:second@thread.tacv2');

    await channel.deliver(order(), notAborted);

    expect(messenger.posts[0]?.channel).toEqual(channelReference('19:second@thread.tacv2'));
  });
});

describe('Teams delivery channel in the outbox', () => {
  it('leaves an order pending until an inbox is claimed, then delivers it', async () => {
    const { channel, messenger, store, table, logger } = await setUp();
    const repository = new OrderRepository(table);
    const worker = new OutboxWorker({
      store: new DeliveryStore(table),
      orders: repository,
      channels: [channel as DeliveryChannel],
      logger,
      sweepIntervalMs: 60_000,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    workers.push(worker);
    worker.start();
    const orders = new OrderService({
      repository,
      catalog,
      timeZone: 'Europe/Moscow',
      channels: ['teams'],
      outbox: worker,
      customerAgreements: everyTenantAccepted,
    });
    const tenant = tenantId();
    const submitted = await orders.submit(tenant, orderInput({ lines: [{ sku: 'SPB', quantity: 5 }] }), {
      now: new Date('2026-11-20T10:00:00.000Z'),
    });
    if (submitted.kind !== 'created') throw new Error(`expected created, got ${submitted.kind}`);
    const deliveries = () => repository.get(tenant, submitted.order.id).then((stored) => stored?.deliveries ?? []);

    const waiting = await waitUntil(deliveries, (list) => list[0]?.state === 'pending' && list[0].attempts === 1);
    expect(waiting[0]?.lastError).toBe(NO_INBOX_MESSAGE);
    expect(messenger.posts).toHaveLength(0);

    await claimInbox(store);
    worker.notify(tenant, submitted.order.id);

    await waitUntil(deliveries, (list) => list[0]?.state === 'delivered');
    expect(messenger.posts).toHaveLength(1);
    expect(revisionOf(nth(messenger.posts).card)).toBe(1);
  });
});
