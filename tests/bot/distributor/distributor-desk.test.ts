import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { orderStatusLabels } from '../../../src/domain/cards/card-texts.js';
import { chatErrorTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { actionErrorTexts } from '../../../src/domain/cards/distributor-card-texts.js';
import { CHANGES_COMMENT_INPUT_ID } from '../../../src/domain/cards/distributor-order-card.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import type { DistributorCardAction, MemberLookup, TeamsActor } from '../../../bot/conversation/chat-ports.js';
import { inboxTexts } from '../../../bot/distributor/distributor-chat-texts.js';
import { TeamsDistributorDesk } from '../../../bot/distributor/distributor-desk.js';
import { createTeamsChannel } from '../../../bot/delivery/teams-channel.js';
import { createCustomerNoticeChannel } from '../../../bot/delivery/customer-notice-channel.js';
import type { DeliveryRecord } from '../../../bot/storage/delivery-entity.js';
import { azuriteConnectionString } from '../../../bot/config.js';
import { OrderService } from '../../../bot/orders/order-service.js';
import { OrderWriteAdmission } from '../../../bot/orders/order-write-admission.js';
import type { ConversationStore } from '../../../bot/storage/conversation-store.js';
import type { ConversationReferenceJson } from '../../../bot/storage/conversation-reference.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { freshTable, tenantId } from '../storage/fixtures.js';
import {
  actionVerbs,
  allText,
  catalog,
  channelReference,
  customerAdmin,
  DISTRIBUTOR_NAME,
  DISTRIBUTOR_TENANT_ID,
  distributorStaff,
  freshStore,
  personalReference,
  RecordingLogger,
  revisionOf,
  statusLine,
  nth,
} from './distributor-fixtures.js';
import { RecordingMessenger } from './recording-messenger.js';
import { orderInput } from '../../support/order-fixtures.js';
import { everyTenantAccepted, noTenantAccepted } from '../../support/customer-agreement-fixtures.js';
import type { CustomerAgreementLookup } from '../../../bot/customer-agreement/customer-agreement-lookup.js';

/** What the outbox passes while an attempt still has time. */
const notAborted = new AbortController().signal;

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

const now = new Date('2026-11-20T10:00:00.000Z');
const INBOX = '19:inbox@thread.tacv2';
/** The staff member of the fixtures is the one DISTRIBUTOR_ADMINS lists. */
const ADMIN_ID = distributorStaff().userId ?? '';

/** What Teams answers for a staff member of the distributor (TeamsInfo.getMember). */
const staffMember: MemberLookup = async () => ({ userRole: 'user', tenantId: DISTRIBUTOR_TENANT_ID.toLowerCase() });

/** Keeps what the service hands to the outbox, so a test can deliver it like the outbox would. */
class RecordingOutbox {
  readonly records: DeliveryRecord[] = [];
  dispatch(_order: StoredOrder, records: readonly DeliveryRecord[]): void {
    this.records.push(...records);
  }
}

async function setUp(options: { orders?: OrderService; customerAgreements?: CustomerAgreementLookup; writeAdmission?: OrderWriteAdmission } = {}) {
  const { store } = await freshStore(azurite.connectionString);
  const repository = new OrderRepository(await freshTable(azurite.connectionString));
  const outbox = new RecordingOutbox();
  const orders =
    options.orders ?? new OrderService({
      repository,
      catalog,
      timeZone: 'Europe/Moscow',
      channels: ['teams'],
      outbox,
      customerAgreements: options.customerAgreements ?? everyTenantAccepted,
      ...(options.writeAdmission && { writeAdmission: options.writeAdmission }),
    });
  const messenger = new RecordingMessenger();
  const logger = new RecordingLogger();
  let claims = 0;
  const desk = new TeamsDistributorDesk({
    distributorTenantId: DISTRIBUTOR_TENANT_ID,
    distributorName: DISTRIBUTOR_NAME,
    admins: [ADMIN_ID],
    locale: 'ru',
    catalog,
    timeZone: 'Europe/Moscow',
    orders,
    store,
    messenger,
    logger,
    clock: () => now,
    onInboxClaimed: () => {
      claims += 1;
    },
  });
  const channel = createTeamsChannel({
    store,
    messenger,
    distributorTenantId: DISTRIBUTOR_TENANT_ID.toLowerCase(),
    locale: 'ru',
    catalog,
    timeZone: 'Europe/Moscow',
    logger,
    clock: () => now,
  });
  const notices = createCustomerNoticeChannel({ store, messenger, catalog, distributorName: DISTRIBUTOR_NAME, logger, clock: () => now });
  const customer = tenantId();

  /** Delivers the customer notices the status changes stored, as the outbox would. */
  const deliverNotices = async (): Promise<void> => {
    for (const record of outbox.records.splice(0).filter((each) => each.channel === notices.name)) {
      const order = await orders.get(record.tenantId, record.orderId);
      if (order) await notices.deliver(order, notAborted, record);
    }
  };

  /** A submitted order of `customer`, delivered into the claimed inbox like the outbox would. */
  const deliveredOrder = async (): Promise<StoredOrder> => {
    const result = await orders.submit(customer, orderInput({ lines: [{ sku: 'SPB', quantity: 25 }] }), { now, actor: 'Иванов Иван Иванович' });
    if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);
    await channel.deliver(result.order, notAborted);
    return result.order;
  };

  const act = (
    verb: DistributorCardAction['verb'],
    order: Pick<StoredOrder, 'id' | 'tenantId' | 'revision'>,
    extra: { actor?: TeamsActor; data?: Record<string, unknown>; messageId?: string; lookUpMember?: MemberLookup; channel?: ConversationReferenceJson } = {},
  ) =>
    desk.handleCardAction({
      verb,
      data: { orderId: order.id, tenantId: order.tenantId, revision: order.revision, ...extra.data },
      actor: extra.actor ?? distributorStaff(),
      via: 'invoke',
      conversation: extra.channel ?? channelReference(INBOX),
      lookUpMember: extra.lookUpMember ?? staffMember,
      ...(extra.messageId === undefined ? {} : { messageId: extra.messageId }),
    });

  return { store, orders, messenger, logger, desk, channel, customer, deliveredOrder, act, deliverNotices, claims: () => claims };
}

async function claim(desk: TeamsDistributorDesk, channelId = INBOX, name?: string) {
  return desk.claimInbox({ actor: distributorStaff(), channel: channelReference(channelId, name), reason: 'command' });
}

async function rememberCustomer(store: ConversationStore, tenant: string, locale: 'ru' | 'en' = 'ru') {
  await store.savePersonal({
    tenantId: tenant,
    teamsUserId: '29:1customer-ivanov',
    locale,
    conversation: personalReference('a:1customer-chat'),
    lastSeenAt: now,
  });
}

describe('claimInbox', () => {
  it('makes a channel of the distributor tenant the inbox and says so in the staff language', async () => {
    const { desk, store, claims } = await setUp();

    const reply = await desk.claimInbox({
      actor: distributorStaff({ locale: 'en' }),
      channel: channelReference(INBOX, 'Заявки'),
      reason: 'install',
    });

    expect(reply.text).toContain(inboxTexts.claimed('Заявки').ru);
    expect(await store.getInbox(DISTRIBUTOR_TENANT_ID.toLowerCase())).toMatchObject({
      conversation: channelReference(INBOX, 'Заявки'),
      channelName: 'Заявки',
      claimedBy: 'Петрова Анна',
      claimedAt: now,
    });
    expect(claims()).toBe(1);
  });

  it('never makes a team of another tenant the inbox, and answers in both languages', async () => {
    const { desk, store, claims } = await setUp();

    const reply = await desk.claimInbox({
      actor: customerAdmin(tenantId()),
      channel: channelReference('19:customer-team@thread.tacv2'),
      reason: 'command',
    });

    expect(reply.text).toContain('не относится к организации дистрибьютора');
    expect(reply.text).toContain('does not belong to');
    expect(await store.getInbox(DISTRIBUTOR_TENANT_ID.toLowerCase())).toBeUndefined();
    expect(claims()).toBe(0);
  });

  it('moves the inbox on a command in another channel and names the previous one', async () => {
    const { desk, store } = await setUp();
    await claim(desk, INBOX, 'Заявки');

    const reply = await claim(desk, '19:other@thread.tacv2', 'Продажи');

    expect(reply.text).toContain(inboxTexts.claimed('Продажи').ru);
    expect(reply.text).toContain(inboxTexts.moved('Заявки').ru);
    expect((await store.getInbox(DISTRIBUTOR_TENANT_ID.toLowerCase()))?.conversation).toEqual(channelReference('19:other@thread.tacv2', 'Продажи'));
  });

  it('does not move the inbox when the app is installed in another team', async () => {
    const { desk, store } = await setUp();
    await claim(desk, INBOX, 'Заявки');

    const reply = await desk.claimInbox({ actor: distributorStaff(), channel: channelReference('19:second-team@thread.tacv2'), reason: 'install' });

    expect(reply.text).toBe(inboxTexts.elsewhere('Заявки').ru);
    expect((await store.getInbox(DISTRIBUTOR_TENANT_ID.toLowerCase()))?.conversation).toEqual(channelReference(INBOX, 'Заявки'));
  });

  it('says the channel already receives orders when it is claimed again', async () => {
    const { desk, claims } = await setUp();
    await claim(desk);

    const reply = await claim(desk);

    expect(reply.text).toBe(inboxTexts.alreadyClaimed.ru);
    expect(claims()).toBe(1);
  });
});

describe('claimInbox by someone DISTRIBUTOR_ADMINS does not list', () => {
  const colleague = distributorStaff({ userId: '99999999-8888-4777-8666-555555555555', name: 'Кузнецова Мария', locale: 'en' });

  it.each(['command', 'install'] as const)('refuses a %s with a card saying who may, and keeps the inbox', async (reason) => {
    const { desk, store, claims } = await setUp();
    await claim(desk, INBOX, 'Заявки');

    const reply = await desk.claimInbox({ actor: colleague, channel: channelReference('19:other@thread.tacv2', 'Продажи'), reason });

    expect(reply.text).toBeUndefined();
    if (!reply.card) throw new Error('expected a refusal card');
    // A command is answered in the writer's language, an install in the staff language.
    expect(allText(reply.card)).toContain(
      inboxTexts.onlyAdmins[reason === 'command' ? 'en' : 'ru'],
    );
    expect((await store.getInbox(DISTRIBUTOR_TENANT_ID.toLowerCase()))?.conversation).toEqual(channelReference(INBOX, 'Заявки'));
    expect(claims()).toBe(1);
  });

  it('refuses an actor without an Entra object id', async () => {
    const { desk, store } = await setUp();

    const { userId: _userId, ...anonymous } = distributorStaff();
    const reply = await desk.claimInbox({ actor: anonymous, channel: channelReference(INBOX), reason: 'command' });

    expect(reply.card).toBeDefined();
    expect(await store.getInbox(DISTRIBUTOR_TENANT_ID.toLowerCase())).toBeUndefined();
  });
});

describe('channelMessage', () => {
  it.each(['inbox', 'Входящие', '/inbox.'])('"%s" claims the channel as a command, so it moves the inbox', async (typed) => {
    const { desk, store } = await setUp();
    await claim(desk, INBOX, 'Заявки');
    const other = channelReference('19:other@thread.tacv2', 'Продажи');

    const reply = await desk.channelMessage({ actor: distributorStaff(), conversation: other }, typed);

    expect(reply.text).toContain(inboxTexts.claimed('Продажи').ru);
    expect((await store.getInbox(DISTRIBUTOR_TENANT_ID.toLowerCase()))?.conversation).toEqual(other);
  });

  it.each(['ru', 'en'] as const)('answers anything else with the channel help text in the writer\'s language (%s), claiming nothing', async (locale) => {
    const { desk, store, claims } = await setUp();

    const reply = await desk.channelMessage({ actor: distributorStaff({ locale }), conversation: channelReference(INBOX) }, 'заявка');

    expect(reply).toEqual({ text: chatErrorTexts.channelHelp[locale] });
    expect(await store.getInbox(DISTRIBUTOR_TENANT_ID.toLowerCase())).toBeUndefined();
    expect(claims()).toBe(0);
  });
});

describe('handleCardAction by the distributor staff', () => {
  it('accepts the order, updates the inbox message for everyone and stores the customer\'s notice', async () => {
    const { desk, store, orders, messenger, deliveredOrder, act, customer, deliverNotices } = await setUp();
    await claim(desk);
    await rememberCustomer(store, customer, 'en');
    const order = await deliveredOrder();

    const card = await act('acceptOrder', order);
    await deliverNotices();

    const stored = await orders.get(customer, order.id);
    expect(stored?.status).toBe('accepted');
    expect(stored?.history.at(-1)).toMatchObject({ status: 'accepted', by: 'Петрова Анна', revision: 1 });

    expect(statusLine(card)).toBe(orderStatusLabels.accepted.ru);
    expect(actionVerbs(card)).toEqual([CardVerb.completeOrder, CardVerb.requestChanges]);
    expect(card.refresh?.action.verb).toBe(CardVerb.refreshOrder);

    expect(messenger.updates).toHaveLength(1);
    expect(messenger.updates[0]?.message).toEqual(messenger.posts[0]?.message);
    expect(messenger.updates[0]?.card).toEqual(card);

    expect(messenger.sends).toHaveLength(1);
    expect(messenger.sends[0]?.conversation).toEqual(personalReference('a:1customer-chat'));
    // The customer's own language, stored with the chat.
    expect(allText(nth(messenger.sends).card)).toContain(`Your order ${order.id}`);
    expect(statusLine(nth(messenger.sends).card)).toBe(orderStatusLabels.accepted.en);
  });

  it('asks for changes with the comment, and the customer sees the comment', async () => {
    const { desk, store, orders, messenger, deliveredOrder, act, customer, deliverNotices } = await setUp();
    await claim(desk);
    await rememberCustomer(store, customer);
    const order = await deliveredOrder();

    const card = await act('requestChanges', order, { data: { [CHANGES_COMMENT_INPUT_ID]: 'Уточните количество лицензий.' } });
    await deliverNotices();

    expect((await orders.get(customer, order.id))?.history.at(-1)).toMatchObject({
      status: 'changesRequested',
      comment: 'Уточните количество лицензий.',
    });
    expect(actionVerbs(card)).toEqual([]);
    expect(allText(nth(messenger.sends).card)).toContain('Комментарий: Уточните количество лицензий.');
  });

  it('completes an accepted order', async () => {
    const { desk, orders, deliveredOrder, act, customer } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();
    await act('acceptOrder', order);

    const card = await act('completeOrder', order);

    expect((await orders.get(customer, order.id))?.status).toBe('completed');
    expect(statusLine(card)).toBe(orderStatusLabels.completed.ru);
  });

  it('refuses to complete an order while the customer has not accepted the MCA, and says why', async () => {
    const { desk, orders, deliveredOrder, act, customer } = await setUp({ customerAgreements: noTenantAccepted });
    await claim(desk);
    const order = await deliveredOrder();
    await act('acceptOrder', order);

    const card = await act('completeOrder', { ...order, revision: 1 });

    expect((await orders.get(customer, order.id))?.status).toBe('accepted');
    expect(allText(card)).toContain('клиент ещё не принял Соглашение с клиентом Майкрософт (MCA)');
  });

  it('refuses "request changes" without a comment and changes nothing', async () => {
    const { desk, orders, messenger, deliveredOrder, act, customer, deliverNotices } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();

    const card = await act('requestChanges', order, { data: { [CHANGES_COMMENT_INPUT_ID]: '   ' } });
    await deliverNotices();

    expect(allText(card)).toContain(actionErrorTexts.commentRequired.ru);
    // The error card offers the way back to the order.
    expect(card.actions?.[0]).toMatchObject({ verb: CardVerb.refreshOrder, data: { orderId: order.id, tenantId: customer, revision: 1 } });
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');
    expect(messenger.updates).toHaveLength(0);
    expect(messenger.sends).toHaveLength(0);
  });

  it('shows the current card when someone else acted first, without a second change', async () => {
    const { desk, orders, messenger, deliveredOrder, act, customer, deliverNotices } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();
    await act('acceptOrder', order);
    await deliverNotices();
    const updatesBefore = messenger.updates.length;

    const card = await act('acceptOrder', order, { actor: distributorStaff({ name: 'Кузнецова Мария', teamsUserId: '29:1staff-2' }) });

    expect(statusLine(card)).toBe(orderStatusLabels.accepted.ru);
    const history = (await orders.get(customer, order.id))?.history ?? [];
    expect(history.filter((change) => change.status === 'accepted')).toHaveLength(1);
    expect(messenger.updates).toHaveLength(updatesBefore);
  });

  it('shows the current revision when the card is older than a resubmission', async () => {
    const { desk, orders, deliveredOrder, act, customer } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();
    await act('requestChanges', order, { data: { [CHANGES_COMMENT_INPUT_ID]: 'Укажите другой домен.' } });
    const resubmitted = await orders.resubmit(customer, order.id, orderInput({ technicalDomain: 'romashka2.onmicrosoft.com' }), { now });
    if (resubmitted.kind !== 'resubmitted') throw new Error(`expected resubmitted, got ${resubmitted.kind}`);

    // The old card still says revision 1.
    const card = await act('acceptOrder', order);

    expect(revisionOf(card)).toBe(2);
    expect(statusLine(card)).toBe(orderStatusLabels.submitted.ru);
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');
  });

  it('answers a refresh with the current card', async () => {
    const { desk, deliveredOrder, act, messenger } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();

    const card = await act('refreshOrder', order);

    expect(card).toEqual(messenger.posts[0]?.card);
  });

  it('answers an unknown order with an error card', async () => {
    const { desk, act, customer } = await setUp();
    await claim(desk);

    const card = await act('acceptOrder', { id: 'CSP-00000000', tenantId: customer, revision: 1 });

    expect(allText(card)).toContain(actionErrorTexts.orderNotFound('CSP-00000000').ru);
  });

  it('answers unreadable card data with an error card', async () => {
    const { desk } = await setUp();

    const card = await desk.handleCardAction({
      verb: 'acceptOrder',
      data: { orderId: '../../etc', tenantId: 'x/y', revision: 'first' },
      actor: distributorStaff(),
      via: 'invoke',
      conversation: channelReference(INBOX),
    });

    expect(allText(card)).toContain(actionErrorTexts.unreadableCard.ru);
  });

  it('answers at once and leaves the notice to the outbox when the customer cannot be told yet', async () => {
    const { desk, store, orders, messenger, deliveredOrder, act, deliverNotices, customer } = await setUp();
    await claim(desk);
    await rememberCustomer(store, customer);
    const order = await deliveredOrder();
    messenger.failWith(({ operation }) => (operation === 'send' ? new Error('connector down') : undefined));

    const card = await act('acceptOrder', order);

    expect(statusLine(card)).toBe(orderStatusLabels.accepted.ru);
    expect((await orders.get(customer, order.id))?.status).toBe('accepted');
    // The desk itself sends nothing to the customer: the stored notice fails its attempt and is retried.
    expect(messenger.sends).toHaveLength(0);
    await expect(deliverNotices()).rejects.toThrow(/connector down/);
  });

  it('updates the message acted on when no posted card is known', async () => {
    const { desk, orders, messenger, act, customer } = await setUp();
    await claim(desk);
    const result = await orders.submit(customer, orderInput(), { now });
    if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);

    await act('acceptOrder', result.order, { messageId: '1700000000123' });

    expect(messenger.updates).toEqual([
      { message: { conversation: channelReference(INBOX), activityId: '1700000000123' }, card: expect.anything() },
    ]);
  });
});

describe('handleCardAction by anyone else', () => {
  it('refuses a user of another tenant with an error card in their language and changes nothing', async () => {
    const { desk, orders, messenger, deliveredOrder, act, customer, deliverNotices } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();

    const card = await act('acceptOrder', order, { actor: customerAdmin(customer, { locale: 'en' }) });
    await deliverNotices();

    expect(allText(card)).toContain(actionErrorTexts.notDistributor.en);
    expect(card.actions).toBeUndefined();
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');
    expect(messenger.updates).toHaveLength(0);
    expect(messenger.sends).toHaveLength(0);
  });

  it('does not even show the order to another tenant on refresh', async () => {
    const { desk, deliveredOrder, act, customer } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();

    const card = await act('refreshOrder', order, { actor: customerAdmin(customer) });

    expect(allText(card)).not.toContain(order.id);
    expect(allText(card)).toContain(actionErrorTexts.notDistributor.ru);
  });
});

describe('handleCardAction outside the inbox or by a guest', () => {
  it('refuses a distributor user\'s accept from a personal chat and changes nothing', async () => {
    const { desk, orders, messenger, deliveredOrder, act, customer, deliverNotices } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();
    let lookups = 0;

    const card = await act('acceptOrder', order, {
      channel: personalReference('a:1staff-personal-chat'),
      lookUpMember: async () => {
        lookups += 1;
        return { userRole: 'user', tenantId: DISTRIBUTOR_TENANT_ID };
      },
    });
    await deliverNotices();

    expect(allText(card)).toContain(actionErrorTexts.notInbox.ru);
    expect(card.actions).toBeUndefined();
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');
    expect(messenger.updates).toHaveLength(0);
    expect(messenger.sends).toHaveLength(0);
    expect(lookups).toBe(0);
  });

  it('refuses a card left in the channel that was the inbox before it moved', async () => {
    const { desk, orders, deliveredOrder, act, customer } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();
    await claim(desk, '19:other@thread.tacv2');

    const card = await act('completeOrder', order);

    expect(allText(card)).toContain(actionErrorTexts.notInbox.ru);
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');
  });

  it('refuses every action when no inbox was chosen yet', async () => {
    const { act, customer, orders } = await setUp();
    const result = await orders.submit(customer, orderInput(), { now });
    if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);

    const card = await act('acceptOrder', result.order);

    expect(allText(card)).toContain(actionErrorTexts.notInbox.ru);
    expect((await orders.get(customer, result.order.id))?.status).toBe('submitted');
  });

  it.each(['acceptOrder', 'refreshOrder'] as const)('refuses a guest\'s %s in the inbox without showing the order', async (verb) => {
    const { desk, orders, messenger, deliveredOrder, act, customer, deliverNotices } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();

    const card = await act(verb, order, {
      actor: distributorStaff({ userId: '77777777-6666-4555-8444-333333333333', teamsUserId: '29:1guest', locale: 'en' }),
      lookUpMember: async () => ({ userRole: 'guest', tenantId: DISTRIBUTOR_TENANT_ID }),
    });
    await deliverNotices();

    expect(allText(card)).toContain(actionErrorTexts.guest.en);
    expect(allText(card)).not.toContain(order.id);
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');
    expect(messenger.updates).toHaveLength(0);
    expect(messenger.sends).toHaveLength(0);
  });

  it('refuses someone Teams does not know as a member, or a member of another tenant', async () => {
    const { desk, orders, deliveredOrder, act, customer } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();

    const unknown = await act('acceptOrder', order, { lookUpMember: async () => undefined });
    const visitor = await act('acceptOrder', order, {
      actor: distributorStaff({ teamsUserId: '29:1shared-channel-visitor' }),
      lookUpMember: async () => ({ userRole: 'user', tenantId: customer }),
    });
    const noLookup = await desk.handleCardAction({
      verb: 'acceptOrder',
      data: { orderId: order.id, tenantId: order.tenantId, revision: order.revision },
      actor: distributorStaff({ teamsUserId: '29:1someone-else' }),
      via: 'invoke',
      conversation: channelReference(INBOX),
    });

    for (const card of [unknown, visitor, noLookup]) expect(allText(card)).toContain(actionErrorTexts.notDistributor.ru);
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');
  });

  it('asks to try again when Teams cannot be asked, and asks again next time', async () => {
    const { desk, orders, deliveredOrder, act, customer } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();

    const failed = await act('acceptOrder', order, {
      lookUpMember: async () => {
        throw Object.assign(new Error('connector unavailable'), { statusCode: 503 });
      },
    });
    expect(allText(failed)).toContain(actionErrorTexts.tryAgain.ru);
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');

    const card = await act('acceptOrder', order);

    expect(statusLine(card)).toBe(orderStatusLabels.accepted.ru);
  });
});

describe('handleCardAction at the cap of order writes (ORDER_SUBMISSIONS_IN_FLIGHT_MAX)', () => {
  it('asks to try again, leaving the order as it was, and acts once a write finished', async () => {
    const writeAdmission = new OrderWriteAdmission(1);
    const { desk, orders, deliveredOrder, act, customer } = await setUp({ writeAdmission });
    await claim(desk);
    const order = await deliveredOrder();
    let finish = (): void => undefined;
    const inFlight = writeAdmission.run(() => new Promise<void>((resolve) => (finish = resolve)));

    const refused = await act('acceptOrder', order);
    expect(allText(refused)).toContain(actionErrorTexts.tryAgain.ru);
    expect(actionVerbs(refused)).toEqual([CardVerb.refreshOrder]);
    expect((await orders.get(customer, order.id))?.status).toBe('submitted');

    finish();
    await inFlight;
    expect(statusLine(await act('acceptOrder', order))).toBe(orderStatusLabels.accepted.ru);
  });
});

describe('handleCardAction without storage', () => {
  it('asks to try again when storage is unavailable', async () => {
    const offline = createTableStorage(azuriteConnectionString(1), { retry: { maxRetries: 0, retryDelayInMs: 10, maxRetryDelayInMs: 10 } });
    const orders = new OrderService({
      repository: new OrderRepository(offline.table('orders')),
      catalog,
      timeZone: 'Europe/Moscow',
      channels: ['teams'],
      outbox: new RecordingOutbox(),
      customerAgreements: everyTenantAccepted,
    });
    const { desk, act, customer } = await setUp({ orders });
    await claim(desk);

    const card = await act('acceptOrder', { id: 'CSP-7K2M9Q4D', tenantId: customer, revision: 1 });

    expect(allText(card)).toContain(actionErrorTexts.tryAgain.ru);
    expect(actionVerbs(card)).toEqual([CardVerb.refreshOrder]);
  });
});

describe('refreshInboxCard (a status changed on the board)', () => {
  it('updates the order\'s inbox message to the new status, as a click on the card does', async () => {
    const { desk, orders, messenger, deliveredOrder, customer } = await setUp();
    await claim(desk);
    const order = await deliveredOrder();
    const changed = await orders.changeStatus(customer, order.id, { status: 'accepted', expectedRevision: 1 }, { now, actor: 'Петрова Анна' });
    if (changed.kind !== 'changed') throw new Error(changed.kind);

    await desk.refreshInboxCard(changed.order);

    expect(messenger.updates).toHaveLength(1);
    expect(messenger.updates[0]?.message).toEqual(messenger.posts[0]?.message);
    const card = nth(messenger.updates).card;
    expect(statusLine(card)).toBe(orderStatusLabels.accepted.ru);
    expect(actionVerbs(card)).toEqual([CardVerb.completeOrder, CardVerb.requestChanges]);
  });
});
