import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement, CardInput, ExecuteAction } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { escapeCardText } from '../../../src/domain/cards/card-text.js';
import { customerStatusTexts, orderFormTexts, welcomeTexts } from '../../../src/domain/cards/card-texts.js';
import { chatErrorTexts, helpTexts, orderListTexts, smallTalkTexts, technicalDomainAnswerTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { OrderFormInputId, quantityInputId } from '../../../src/domain/cards/order-form-card.js';
import type { Locale, LocalizedText } from '../../../src/domain/i18n/locale.js';
import { VALIDATION_MESSAGES } from '../../../src/domain/order/validation-messages.js';
import type {
  ChatReply,
  CustomerCardAction,
  CustomerDirectory,
  CustomerVerb,
  TeamsActor,
} from '../../../bot/conversation/chat-ports.js';
import type { ConversationReferenceJson } from '../../../bot/storage/conversation-reference.js';
import { OnboardingConversation } from '../../../bot/conversation/onboarding-conversation.js';
import type { OnboardingConversationDependencies } from '../../../bot/conversation/onboarding-conversation.js';
import { OrderService } from '../../../bot/orders/order-service.js';
import { StorageUnavailableError } from '../../../bot/storage/storage-errors.js';
import { TenantFactsMemory } from '../../../bot/conversation/tenant-facts-memory.js';
import { assembleTenantResponse } from '../../../src/domain/tenant/assemble-tenant-response.js';
import type { TeamsMemberProfile } from '../../../src/domain/tenant/teams-member-prefill.js';
import { responseInput } from '../../domain/tenant/tenant-fixtures.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { cardNodes, cardTexts } from '../../domain/cards/card-fixtures.js';
import { CATALOG, freshTable } from '../storage/fixtures.js';
import { StoredOrders } from '../storage/stored-orders.js';
import { orderFormAnswers, SAMPLE_ORGANIZATION } from '../../support/order-fixtures.js';
import { everyTenantAccepted, TEST_TEMPLATE_ID } from '../../support/customer-agreement-fixtures.js';
import { AgreementInputId } from '../../../src/domain/cards/customer-agreement-card.js';
import { customerAgreementTexts } from '../../../src/domain/customer-agreement/customer-agreement-texts.js';
import { pick } from '../../../src/domain/i18n/locale.js';
import { CustomerAgreementService } from '../../../bot/customer-agreement/customer-agreement-service.js';
import { CustomerAgreementStore } from '../../../bot/storage/customer-agreement-store.js';

const AGREEMENT_URL = 'https://www.microsoft.com/licensing/docs/customeragreement';

const DISTRIBUTOR_NAME = 'ООО «Демо Дистрибуция»';
const INVITATION_URL =
  'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=60d2bbc8-7aaa-466e-b72d-a90f270a72ee&msppId=2063016&indirectCSPId=50d9236d-483e-4d08-a89c-2f3bd1c6491f&DAP=true#/BillingAccounts/partner-invitation';
const TIME_ZONE = 'Europe/Moscow';
/** 13:00 in Moscow: "today" is 2026-11-20 for validation and the form. */
const NOW = new Date('2026-11-20T10:00:00.000Z');

let azurite: AzuriteTables;
let repository: StoredOrders;

beforeAll(async () => {
  azurite = await startAzurite();
  repository = new StoredOrders(await freshTable(azurite.connectionString));
});

afterAll(async () => {
  await azurite?.stop();
});

// ---------------------------------------------------------------------------
// Fakes and the conversation under test

class RecordingDirectory implements CustomerDirectory {
  readonly remembered: { actor: TeamsActor; conversation: ConversationReferenceJson }[] = [];
  failWith: Error | undefined;

  async remember(request: { readonly actor: TeamsActor; readonly conversation: ConversationReferenceJson }): Promise<void> {
    this.remembered.push(request);
    if (this.failWith) throw this.failWith;
  }
}

class RecordingLogger {
  readonly warnings: { fields: Record<string, unknown>; message: string }[] = [];
  warn(fields: Record<string, unknown>, message: string): void {
    this.warnings.push({ fields, message });
  }
}

interface Harness {
  readonly conversation: OnboardingConversation;
  readonly orders: OrderService;
  readonly directory: RecordingDirectory;
  readonly logger: RecordingLogger;
  /** Every submission id the conversation asked for, in order. */
  readonly issuedSubmissionIds: string[];
  readonly tenantId: string;
  setNow(now: Date): void;
}

function harness(overrides: Partial<OnboardingConversationDependencies> = {}): Harness {
  const orders = new OrderService({
    repository,
    catalog: CATALOG,
    timeZone: TIME_ZONE,
    channels: ['teams'],
    outbox: { dispatch() {} },
    customerAgreements: everyTenantAccepted,
  });
  const directory = new RecordingDirectory();
  const logger = new RecordingLogger();
  const issuedSubmissionIds: string[] = [];
  let now = NOW;
  const conversation = new OnboardingConversation({
    distributorName: DISTRIBUTOR_NAME,
    invitationUrl: INVITATION_URL,
    catalog: CATALOG,
    timeZone: TIME_ZONE,
    orders,
    customerDirectory: directory,
    logger,
    clock: () => now,
    newSubmissionId: () => {
      const id = randomUUID();
      issuedSubmissionIds.push(id);
      return id;
    },
    ...overrides,
  });
  return {
    conversation,
    orders,
    directory,
    logger,
    issuedSubmissionIds,
    tenantId: randomUUID(),
    setNow: (next) => {
      now = next;
    },
  };
}

const ADMIN_USER_ID = '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

function admin(tenantId: string, locale: Locale = 'ru'): TeamsActor {
  return { tenantId, userId: ADMIN_USER_ID, teamsUserId: '29:1customer-ivanov', name: 'Иванов Иван Иванович', locale };
}

function personalReference(tenantId: string): ConversationReferenceJson {
  return {
    activityId: 'f:1',
    user: { id: '29:1customer-ivanov', name: 'Иванов Иван Иванович' },
    bot: { id: '28:bot', name: 'CSP Onboarding' },
    conversation: { id: 'a:1personal-chat', conversationType: 'personal', tenantId },
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
  };
}

function chatTurn(h: Harness, locale: Locale = 'ru') {
  return { actor: admin(h.tenantId, locale), conversation: personalReference(h.tenantId) };
}

function actionTurn(h: Harness, verb: CustomerVerb, data: Record<string, unknown> = {}, locale: Locale = 'ru'): CustomerCardAction {
  return { ...chatTurn(h, locale), verb, data, via: 'invoke', messageId: 'm1' };
}

// ---------------------------------------------------------------------------
// Reading cards like Teams does

function checked(card: AdaptiveCard | undefined): AdaptiveCard {
  if (!card) throw new Error('expected a card');
  expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
  return card;
}

function cardOf(reply: ChatReply): AdaptiveCard {
  return checked(reply.card);
}

function inputs(card: AdaptiveCard): CardInput[] {
  return cardNodes(card).filter((node): node is CardInput => node.type.startsWith('Input.'));
}

function inputValue(card: AdaptiveCard, id: string): unknown {
  const found = inputs(card).find((input) => input.id === id);
  if (!found) throw new Error(`the card has no input ${id}`);
  return found.value;
}

function submitAction(card: AdaptiveCard): ExecuteAction {
  const action = card.actions?.find((candidate) => candidate.type === 'Action.Execute' && candidate.verb === CardVerb.submitOrder);
  if (action?.type !== 'Action.Execute') throw new Error('the card has no submitOrder action');
  return action;
}

function isOrderForm(card: AdaptiveCard): boolean {
  return card.actions?.some((action) => action.type === 'Action.Execute' && action.verb === CardVerb.submitOrder) ?? false;
}

/** What Teams sends for `Action.Execute`: the action's data merged with every input's value as a string. */
function fillIn(card: AdaptiveCard, typed: Readonly<Record<string, string>>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...submitAction(card).data };
  for (const input of inputs(card)) {
    data[input.id] = typed[input.id] ?? (input.value === undefined ? '' : String(input.value));
  }
  return data;
}

const VALID_ANSWERS: Readonly<Record<string, string>> = orderFormAnswers();

function text(card: AdaptiveCard): string {
  return cardTexts(card).join('\n');
}

/** The card speaks `locale` and none of the texts of the other one. */
function expectLocalized(card: AdaptiveCard, sample: LocalizedText, locale: Locale): void {
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  const all = JSON.stringify(card);
  expect(all).toContain(sample[locale]);
  expect(all).not.toContain(sample[other]);
}

function receiptTitle(orderId: string, locale: Locale): string {
  return customerStatusTexts.title(escapeCardText(orderId))[locale];
}

/** Submits a valid order through a fresh form and returns its receipt and id. */
async function placeOrder(h: Harness, answers: Readonly<Record<string, string>> = {}) {
  const form = await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder));
  const receipt = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, fillIn(form, { ...VALID_ANSWERS, ...answers }))));
  const [order] = await h.orders.list(h.tenantId);
  if (!order) throw new Error('the order was not stored');
  return { form, receipt, order };
}

// ---------------------------------------------------------------------------

describe('typed commands in the personal chat', () => {
  it.each([
    { typed: 'заявка', locale: 'ru' },
    { typed: 'Новая заявка!', locale: 'ru' },
    { typed: 'order', locale: 'en' },
    { typed: '/Order', locale: 'en' },
  ] as const)('"$typed" answers with the order form ($locale)', async ({ typed, locale }) => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h, locale), typed));

    expect(isOrderForm(card)).toBe(true);
    expectLocalized(card, orderFormTexts.title, locale);
  });

  it.each([
    { typed: 'статус', locale: 'ru' },
    { typed: 'мои заявки', locale: 'ru' },
    { typed: 'status', locale: 'en' },
    { typed: 'My orders.', locale: 'en' },
  ] as const)('"$typed" answers with the order list ($locale)', async ({ typed, locale }) => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h, locale), typed));

    expectLocalized(card, orderListTexts.title, locale);
    expect(text(card)).toContain(orderListTexts.empty[locale]);
  });

  it('lists the tenant\'s own orders with their numbers', async () => {
    const h = harness();
    const { order } = await placeOrder(h);

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h, 'en'), 'status'));

    expect(text(card)).toContain(escapeCardText(order.id));
    expect(text(card)).not.toContain(orderListTexts.empty.en);
  });

  it.each([
    { typed: 'помощь', locale: 'ru' },
    { typed: 'help', locale: 'en' },
    { typed: 'какая сегодня погода', locale: 'ru' },
    { typed: 'what can you do', locale: 'en' },
    // The inbox command means nothing in a personal chat.
    { typed: 'inbox', locale: 'en' },
  ] as const)('"$typed" answers with the help card ($locale)', async ({ typed, locale }) => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h, locale), typed));

    expectLocalized(card, helpTexts.title, locale);
  });

  it('remembers the personal conversation for later status updates', async () => {
    const h = harness();
    const turn = chatTurn(h);

    await h.conversation.personalMessage(turn, 'помощь');

    expect(h.directory.remembered).toEqual([{ actor: turn.actor, conversation: turn.conversation }]);
  });
});

describe('free text in the personal chat', () => {
  function memberTurn(h: Harness, member: TeamsMemberProfile | Error, locale: Locale = 'ru') {
    return { ...chatTurn(h, locale), member: async () => (member instanceof Error ? Promise.reject(member) : member) };
  }

  it.each([
    { typed: 'Привет!', kind: 'greeting', locale: 'ru' },
    { typed: 'спасибо большое', kind: 'thanks', locale: 'ru' },
    { typed: 'Hello', kind: 'greeting', locale: 'en' },
    { typed: 'thank you', kind: 'thanks', locale: 'en' },
  ] as const)('"$typed" gets a short friendly answer with the main buttons ($locale)', async ({ typed, kind, locale }) => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h, locale), typed));

    expectLocalized(card, smallTalkTexts[kind], locale);
    expect(card.actions?.map((action) => (action.type === 'Action.Execute' ? action.verb : action.type))).toEqual([
      CardVerb.startOrder,
      CardVerb.showStatus,
      'Action.OpenUrl',
    ]);
  });

  it.each([
    { typed: 'как принять приглашение', locale: 'ru' },
    { typed: 'where is the link?', locale: 'en' },
  ] as const)('"$typed" answers with the invitation and its steps ($locale)', async ({ typed, locale }) => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h, locale), typed));

    expectLocalized(card, welcomeTexts.step1Title, locale);
    expect(cardNodes(card).find((node) => node.type === 'Action.OpenUrl')).toMatchObject({ url: INVITATION_URL });
  });

  it('says the technical domain is unknown yet, where to find it and why it matters', async () => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h), 'какой у нас технический домен'));

    expect(text(card)).toContain(technicalDomainAnswerTexts.unknown.ru);
    expect(text(card)).toContain(technicalDomainAnswerTexts.why.ru);
  });

  it('names the technical domain from the Teams account name', async () => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(memberTurn(h, { userPrincipalName: 'i.ivanov@romashka.onmicrosoft.com' }, 'en'), 'technical domain?'));

    expect(text(card)).toContain(technicalDomainAnswerTexts.known(escapeCardText('romashka.onmicrosoft.com')).en);
    expect(text(card)).toContain(technicalDomainAnswerTexts.fromTeamsAccount.en);
  });

  it('names the technical domain from Microsoft 365 before the Teams account', async () => {
    const tenantFactsMemory = new TenantFactsMemory({ clock: () => NOW });
    const h = harness({ tenantFactsMemory });
    tenantFactsMemory.remember(assembleTenantResponse(responseInput({ tenantId: h.tenantId })), ADMIN_USER_ID);

    const card = cardOf(await h.conversation.personalMessage(memberTurn(h, { userPrincipalName: 'i.ivanov@other.onmicrosoft.com' }), 'домен'));

    expect(text(card)).toContain(escapeCardText('vasilek.onmicrosoft.com'));
    expect(text(card)).toContain(technicalDomainAnswerTexts.fromMicrosoft365.ru);
  });

  it('names the technical domain of the latest order, with its number', async () => {
    const h = harness();
    const { order } = await placeOrder(h);

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h), 'какой домен указать?'));

    expect(text(card)).toContain(escapeCardText('romashka.onmicrosoft.com'));
    expect(text(card)).toContain(technicalDomainAnswerTexts.fromOrder(escapeCardText(order.id)).ru);
  });

  it('prefills the default SKU with the head count typed in the request', async () => {
    const h = harness({ defaultSku: 'O365_BUSINESS_PREMIUM' });

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h), 'нужны лицензии на 20 человек'));

    expect(isOrderForm(card)).toBe(true);
    expect(inputValue(card, quantityInputId('O365_BUSINESS_PREMIUM'))).toBe(20);
  });

  it('ignores a head count when no default SKU is configured', async () => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h), 'нужны лицензии на 20 человек'));

    expect(inputValue(card, quantityInputId('O365_BUSINESS_PREMIUM'))).toBeUndefined();
  });

  it('prefills the contact and the technical domain from the Teams member, without sign-in', async () => {
    const h = harness();
    const member = { name: 'Смирнова Ольга Петровна', email: 'o.smirnova@romashka.ru', userPrincipalName: 'o.smirnova@romashka.onmicrosoft.com' };

    const card = cardOf(await h.conversation.personalMessage(memberTurn(h, member), 'хочу оформить заявку'));

    expect(inputValue(card, OrderFormInputId.contactFullName)).toBe('Смирнова Ольга Петровна');
    expect(inputValue(card, OrderFormInputId.contactEmail)).toBe('o.smirnova@romashka.ru');
    expect(inputValue(card, OrderFormInputId.technicalDomain)).toBe('romashka.onmicrosoft.com');
  });

  it('still sends the form when Teams cannot tell who the member is, and logs it', async () => {
    const h = harness();

    const card = cardOf(await h.conversation.personalMessage(memberTurn(h, new Error('403 from the Bot Connector')), 'order'));

    expect(isOrderForm(card)).toBe(true);
    expect(h.logger.warnings.map((warning) => warning.message)).toContain('could not read the Teams member profile');
  });

  it("never prefills what a colleague's sign-in read: facts are remembered per tenant and user", async () => {
    const tenantFactsMemory = new TenantFactsMemory({ clock: () => NOW });
    const h = harness({ tenantFactsMemory });
    // The tab read these facts for another admin of the same tenant.
    tenantFactsMemory.remember(assembleTenantResponse(responseInput({ tenantId: h.tenantId })), 'ffffffff-0000-4000-8000-000000000000');

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h), 'заявка'));

    expect(inputValue(card, OrderFormInputId.contactFullName)).not.toBe('Петрова Анна Сергеевна');
    expect(inputValue(card, OrderFormInputId.contactEmail)).not.toBe('a.petrova@vasilek.ru');
    expect(inputValue(card, OrderFormInputId.technicalDomain)).not.toBe('vasilek.onmicrosoft.com');
  });

  it("prefills the user's own Microsoft 365 details over the Teams member's", async () => {
    const tenantFactsMemory = new TenantFactsMemory({ clock: () => NOW });
    const h = harness({ tenantFactsMemory });
    tenantFactsMemory.remember(assembleTenantResponse(responseInput({ tenantId: h.tenantId })), ADMIN_USER_ID);

    const card = cardOf(await h.conversation.personalMessage(memberTurn(h, { name: 'Petrova A.', email: 'ap@vasilek.ru' }), 'заявка'));

    expect(inputValue(card, OrderFormInputId.contactFullName)).toBe('Петрова Анна Сергеевна');
    expect(inputValue(card, OrderFormInputId.contactEmail)).toBe('a.petrova@vasilek.ru');
  });
});

describe('the invitation answered «Нет»', () => {
  it('shows how to accept with the invitation button, keeps the answers and stores nothing', async () => {
    const h = harness();
    const form = await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder));

    const card = checked(
      await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, fillIn(form, { ...VALID_ANSWERS, [OrderFormInputId.invitationAccepted]: 'false' }))),
    );

    expect(text(card)).toContain(orderFormTexts.invitationNotYet.ru);
    expect(text(card)).not.toContain(VALIDATION_MESSAGES.invitation_not_accepted.ru);
    expect(JSON.stringify(card)).toContain(INVITATION_URL);
    expect(inputValue(card, OrderFormInputId.organizationName)).toBe('ООО «Ромашка»');
    expect(await h.orders.list(h.tenantId)).toEqual([]);
  });
});

describe('welcome and team install', () => {
  it.each(['ru', 'en'] as const)('welcomes the admin in %s and remembers the chat', async (locale) => {
    const h = harness();

    const card = cardOf(await h.conversation.welcome(chatTurn(h, locale)));

    expectLocalized(card, welcomeTexts.intro, locale);
    expect(h.directory.remembered).toHaveLength(1);
  });

});

describe('the order form', () => {
  it('starts empty for a tenant without orders, with a fresh submission id', async () => {
    const h = harness();

    const card = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder)));

    expect(isOrderForm(card)).toBe(true);
    expect(inputValue(card, OrderFormInputId.inn)).toBeUndefined();
    expect(inputValue(card, OrderFormInputId.organizationName)).toBeUndefined();
    expect(submitAction(card).data).toEqual({ submissionId: h.issuedSubmissionIds[0] });
  });

  it('is prefilled from the tenant\'s latest order, with a new submission id', async () => {
    const h = harness();
    const { order } = await placeOrder(h, { [OrderFormInputId.organizationName]: 'ООО «Василёк»' });

    const card = cardOf(await h.conversation.personalMessage(chatTurn(h), 'заявка'));

    expect(inputValue(card, OrderFormInputId.organizationName)).toBe('ООО «Василёк»');
    expect(inputValue(card, OrderFormInputId.inn)).toBe(SAMPLE_ORGANIZATION.inn);
    expect(inputValue(card, OrderFormInputId.technicalDomain)).toBe('romashka.onmicrosoft.com');
    expect(inputValue(card, quantityInputId('O365_BUSINESS_PREMIUM'))).toBe(25);
    expect(inputValue(card, OrderFormInputId.activationDate)).toBe('2026-12-01');
    const { submissionId } = submitAction(card).data ?? {};
    expect(submissionId).toBe(h.issuedSubmissionIds.at(-1));
    expect(submissionId).not.toBe(order.submissionId);
    // A new order, not a revision of the old one.
    expect(submitAction(card).data).not.toHaveProperty('orderId');
  });

  it('leaves out an activation date that has passed, keeping the other answers', async () => {
    const h = harness();
    await placeOrder(h, { [OrderFormInputId.activationDate]: '2026-11-25' });
    h.setNow(new Date('2026-11-30T10:00:00.000Z'));

    const card = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder)));

    expect(inputValue(card, OrderFormInputId.activationDate)).toBeUndefined();
    expect(inputValue(card, OrderFormInputId.inn)).toBe(SAMPLE_ORGANIZATION.inn);
  });

  it('shows the INN error right under the INN input, keeping the answers and the submission id', async () => {
    const h = harness();
    const form = await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder, {}, 'en'));
    const { submissionId } = submitAction(form).data ?? {};

    const card = checked(
      await h.conversation.cardAction(
        actionTurn(h, CardVerb.submitOrder, fillIn(form, { ...VALID_ANSWERS, [OrderFormInputId.inn]: '7707083894' }), 'en'),
      ),
    );

    expect(isOrderForm(card)).toBe(true);
    expect(submitAction(card).data).toEqual({ submissionId });
    const body: readonly CardElement[] = card.body;
    const innIndex = body.findIndex((element) => element.id === OrderFormInputId.inn);
    expect(body[innIndex + 1]).toMatchObject({
      type: 'TextBlock',
      color: 'attention',
      text: escapeCardText(VALIDATION_MESSAGES.inn_checksum.en),
    });
    expect(inputValue(card, OrderFormInputId.inn)).toBe('7707083894');
    expect(inputValue(card, OrderFormInputId.organizationName)).toBe(SAMPLE_ORGANIZATION.name);
    expect(inputValue(card, OrderFormInputId.contactEmail)).toBe('it@romashka.ru');
    expect(inputValue(card, quantityInputId('O365_BUSINESS_PREMIUM'))).toBe(25);
    expect(await h.orders.list(h.tenantId)).toEqual([]);
  });

  it.each(['ru', 'en'] as const)('answers a valid submission with the receipt naming the order (%s)', async (locale) => {
    const h = harness();
    const form = await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder, {}, locale));

    const receipt = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, fillIn(form, VALID_ANSWERS), locale)));

    const stored = await h.orders.list(h.tenantId);
    expect(stored).toHaveLength(1);
    const [order] = stored;
    if (!order) throw new Error('the order was not stored');
    expect(order).toMatchObject({ status: 'submitted', revision: 1, submissionId: submitAction(form).data?.['submissionId'] });
    expect(order.history[0]?.by).toBe('Иванов Иван Иванович');
    expect(text(receipt)).toContain(receiptTitle(order.id, locale));
    expect(isOrderForm(receipt)).toBe(false);
  });

  it('creates one order when the same card is submitted twice', async () => {
    const h = harness();
    const form = await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder));
    const data = fillIn(form, VALID_ANSWERS);

    const first = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, data)));
    const second = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, data)));

    const stored = await h.orders.list(h.tenantId);
    expect(stored).toHaveLength(1);
    expect(text(first)).toContain(receiptTitle(stored[0]?.id ?? '?', 'ru'));
    expect(text(second)).toContain(receiptTitle(stored[0]?.id ?? '?', 'ru'));
  });

  it("records who submitted (Teams and Entra ids), so the status notices reach that admin's chat", async () => {
    const h = harness();
    const form = await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder));

    checked(await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, fillIn(form, VALID_ANSWERS))));

    const [order] = await h.orders.list(h.tenantId);
    expect((await repository.load(h.tenantId, order?.id ?? '?'))?.submitter).toEqual({
      userId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      teamsUserId: '29:1customer-ivanov',
    });
  });

  it('accepts the Action.Submit fallback data (with the verb in it) like Execute data', async () => {
    const h = harness();
    const form = await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder));

    await h.conversation.cardAction({ ...actionTurn(h, CardVerb.submitOrder, { verb: CardVerb.submitOrder, ...fillIn(form, VALID_ANSWERS) }), via: 'submit' });

    expect(await h.orders.list(h.tenantId)).toHaveLength(1);
  });
});

describe('revising an order the distributor sent back', () => {
  async function sentBack(h: Harness) {
    const placed = await placeOrder(h);
    await repository.changeStatus(h.tenantId, placed.order.id, {
      status: 'changesRequested',
      comment: 'Уточните количество лицензий.',
      by: 'Петрова Анна',
      now: NOW,
    });
    return placed;
  }

  it('offers the form for that order with a new submission id, and resubmitting makes revision 2', async () => {
    const h = harness();
    const { order } = await sentBack(h);

    const form = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.reviseOrder, { orderId: order.id })));

    expect(isOrderForm(form)).toBe(true);
    const data = submitAction(form).data ?? {};
    expect(data['orderId']).toBe(order.id);
    expect(data['submissionId']).toBe(h.issuedSubmissionIds.at(-1));
    expect(data['submissionId']).not.toBe(order.submissionId);
    expect(inputValue(form, OrderFormInputId.inn)).toBe(SAMPLE_ORGANIZATION.inn);

    const receipt = checked(
      await h.conversation.cardAction(
        actionTurn(h, CardVerb.submitOrder, fillIn(form, { [quantityInputId('O365_BUSINESS_PREMIUM')]: '30' })),
      ),
    );

    const stored = await h.orders.list(h.tenantId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: order.id, revision: 2, status: 'submitted', submissionId: data['submissionId'] });
    expect(stored[0]?.lines).toEqual([{ sku: 'O365_BUSINESS_PREMIUM', quantity: 30 }]);
    expect(text(receipt)).toContain(receiptTitle(order.id, 'ru'));
  });

  it('keeps the revised order id and its submission id when the revision is invalid', async () => {
    const h = harness();
    const { order } = await sentBack(h);
    const form = await h.conversation.cardAction(actionTurn(h, CardVerb.reviseOrder, { orderId: order.id }));

    const again = checked(
      await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, fillIn(form, { [OrderFormInputId.inn]: '7707083894' }))),
    );

    expect(submitAction(again).data).toEqual(submitAction(form).data);
    expect(await h.orders.get(h.tenantId, order.id)).toMatchObject({ revision: 1, status: 'changesRequested' });
  });

  it('refuses a second revision form once the first was sent, saying the changes were already sent', async () => {
    const h = harness();
    const { order } = await sentBack(h);
    // "Revise" pressed on two devices: two forms, two submission ids.
    const desktop = await h.conversation.cardAction(actionTurn(h, CardVerb.reviseOrder, { orderId: order.id }));
    const phone = await h.conversation.cardAction(actionTurn(h, CardVerb.reviseOrder, { orderId: order.id }));
    await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, fillIn(desktop, {})));

    const card = checked(
      await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, fillIn(phone, { [quantityInputId('SPB')]: '3' }))),
    );

    expect(text(card)).toContain(chatErrorTexts.notRevisable.ru);
    expect(chatErrorTexts.notRevisable.ru).toMatch(/уже отправлены/);
    expect(await h.orders.get(h.tenantId, order.id)).toMatchObject({ revision: 2, lines: [{ sku: 'O365_BUSINESS_PREMIUM', quantity: 25 }] });
  });

  it('answers the revise button of an order that is not sent back with its status card', async () => {
    const h = harness();
    const { order } = await placeOrder(h);

    const card = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.reviseOrder, { orderId: order.id }, 'en')));

    expect(isOrderForm(card)).toBe(false);
    expect(text(card)).toContain(receiptTitle(order.id, 'en'));
  });

  it('says the order was not found for an unknown or another tenant\'s order id', async () => {
    const other = harness();
    const { order } = await sentBack(other);
    const h = harness();

    const card = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.reviseOrder, { orderId: order.id }, 'en')));

    expect(text(card)).toContain(chatErrorTexts.orderNotFound.en);
  });
});

describe('other card actions', () => {
  it.each(['ru', 'en'] as const)('showHelp and showStatus answer in the actor\'s locale (%s)', async (locale) => {
    const h = harness();

    const help = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.showHelp, {}, locale)));
    const list = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.showStatus, {}, locale)));

    expectLocalized(help, helpTexts.title, locale);
    expectLocalized(list, orderListTexts.title, locale);
  });

});

describe('failures', () => {
  it('still answers when the customer directory cannot remember the chat, and logs it', async () => {
    const h = harness();
    h.directory.failWith = new StorageUnavailableError('table down');

    const welcome = cardOf(await h.conversation.welcome(chatTurn(h)));
    const help = cardOf(await h.conversation.personalMessage(chatTurn(h), 'помощь'));
    const form = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.startOrder)));
    const receipt = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, fillIn(form, VALID_ANSWERS))));

    expectLocalized(welcome, welcomeTexts.intro, 'ru');
    expectLocalized(help, helpTexts.title, 'ru');
    expect(isOrderForm(form)).toBe(true);
    expect(await h.orders.list(h.tenantId)).toHaveLength(1);
    expect(isOrderForm(receipt)).toBe(false);
    expect(h.logger.warnings).toHaveLength(4);
    expect(h.logger.warnings[0]?.fields).toMatchObject({ tenantId: h.tenantId });
  });

  function unavailableOrders(): OnboardingConversationDependencies['orders'] {
    const down = async (): Promise<never> => {
      throw new StorageUnavailableError('Table Storage unavailable during listing orders: ECONNREFUSED');
    };
    return { submit: down, resubmit: down, get: down, list: down, findLatest: down };
  }

  it.each(['ru', 'en'] as const)('answers a storage outage with the "storage unavailable" card (%s)', async (locale) => {
    const h = harness({ orders: unavailableOrders() });
    const expected = chatErrorTexts.storageUnavailable[locale];

    const typedOrder = cardOf(await h.conversation.personalMessage(chatTurn(h, locale), locale === 'ru' ? 'заявка' : 'order'));
    const typedStatus = cardOf(await h.conversation.personalMessage(chatTurn(h, locale), locale === 'ru' ? 'статус' : 'status'));
    const pressed = await Promise.all(
      [CardVerb.startOrder, CardVerb.showStatus, CardVerb.submitOrder, CardVerb.reviseOrder].map(async (verb) =>
        checked(await h.conversation.cardAction(actionTurn(h, verb, { ...VALID_ANSWERS, submissionId: randomUUID(), orderId: 'CSP-7K2M9Q' }, locale))),
      ),
    );

    for (const card of [typedOrder, typedStatus, ...pressed]) {
      expect(text(card)).toContain(expected);
      expectLocalized(card, chatErrorTexts.storageUnavailable, locale);
    }
  });

  it('gives a submitted form back with every value and its submission id when storage is unavailable', async () => {
    const h = harness({ orders: unavailableOrders() });
    const submissionId = randomUUID();

    const card = checked(await h.conversation.cardAction(actionTurn(h, CardVerb.submitOrder, { ...VALID_ANSWERS, submissionId }, 'en')));

    expect(isOrderForm(card)).toBe(true);
    expect(text(card)).toContain(chatErrorTexts.storageUnavailable.en);
    for (const value of [submissionId, ...Object.values(VALID_ANSWERS)]) expect(JSON.stringify(card)).toContain(value);
  });

  it('lets other errors through to the turn error handler', async () => {
    const bug = new TypeError('a bug');
    const h = harness({ orders: { ...unavailableOrders(), findLatest: () => Promise.reject(bug) } });

    await expect(h.conversation.personalMessage(chatTurn(h), 'заявка')).rejects.toBe(bug);
  });
});

describe('«Не напоминать» on a reminder', () => {
  it('stops the tenant’s reminders and says so in the user’s language', async () => {
    const stopped: [string, string | undefined][] = [];
    const h = harness({ reminders: { stopReminders: async (tenantId, by) => void stopped.push([tenantId, by]) } });
    const card = await h.conversation.cardAction(actionTurn(h, CardVerb.stopReminders));
    expect(stopped).toEqual([[h.tenantId, 'Иванов Иван Иванович']]);
    expect(JSON.stringify(card)).toContain('больше не будем напоминать');
  });
});

describe('the Microsoft Customer Agreement card', () => {
  async function withAgreements() {
    const store = new CustomerAgreementStore(await freshTable(azurite.connectionString));
    const customerAgreements = new CustomerAgreementService({ store, templateId: TEST_TEMPLATE_ID, agreementUrl: AGREEMENT_URL });
    return { h: harness({ customerAgreements }), store };
  }

  const answers = {
    [AgreementInputId.lastName]: 'Иванов',
    [AgreementInputId.firstName]: 'Иван',
    [AgreementInputId.middleName]: 'Иванович',
    [AgreementInputId.email]: 'i.ivanov@romashka.ru',
    [AgreementInputId.phone]: '',
    [AgreementInputId.accepted]: 'true',
  };

  it('answers «соглашение» with the card: what accepting means, the link, the form and the tick', async () => {
    const { h } = await withAgreements();
    const card = cardOf(await h.conversation.personalMessage(chatTurn(h), 'где принять соглашение?'));
    expect(cardTexts(card)).toContain(pick(customerAgreementTexts.explanation[0] ?? customerAgreementTexts.title, 'ru'));
    expect(JSON.stringify(card)).toContain(`"url":"${AGREEMENT_URL}"`);
    expect(inputs(card).map((input) => input.id)).toEqual([...Object.values(AgreementInputId).slice(1), AgreementInputId.accepted]);
    expect(inputs(card).find((input) => input.id === AgreementInputId.accepted)).toMatchObject({ title: 'Я принимаю Соглашение с клиентом Майкрософт от имени организации' });
  });

  it('stores the acceptance for the activity’s tenant and user, whatever the card data claims', async () => {
    const { h, store } = await withAgreements();
    const other = randomUUID();
    const card = checked(
      await h.conversation.cardAction(actionTurn(h, CardVerb.acceptCustomerAgreement, { ...answers, tenantId: other, userId: 'someone-else' })),
    );
    expect(cardTexts(card).join('\n')).toContain('Соглашение принято 20.11.2026. Принял(а): Иванов Иван Иванович.');
    expect(await store.get(other)).toBeUndefined();
    expect(await store.get(h.tenantId)).toMatchObject({
      signatory: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', email: 'i.ivanov@romashka.ru' },
      templateId: TEST_TEMPLATE_ID,
      evidence: { channel: 'chat', tenantId: h.tenantId, userId: ADMIN_USER_ID, teamsUserId: '29:1customer-ivanov', userName: 'Иванов Иван Иванович' },
    });
  });

  it('answers invalid input with the same card, the errors under their inputs and what was typed kept', async () => {
    const { h, store } = await withAgreements();
    const card = checked(
      await h.conversation.cardAction(
        actionTurn(h, CardVerb.acceptCustomerAgreement, { ...answers, [AgreementInputId.email]: 'ivanov@', [AgreementInputId.accepted]: 'false' }, 'en'),
      ),
    );
    const texts = cardTexts(card);
    expect(texts).toContain(escapeCardText('Enter a valid e-mail address, for example it@contoso.com.'));
    expect(texts).toContain(escapeCardText('Tick the box to accept the Microsoft Customer Agreement on behalf of your organization.'));
    expect(inputs(card).find((input) => input.id === AgreementInputId.lastName)?.value).toBe('Иванов');
    expect(await store.get(h.tenantId)).toBeUndefined();
  });
});
