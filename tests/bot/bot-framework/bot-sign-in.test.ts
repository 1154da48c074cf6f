import { TestAdapter } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { OnboardingBot } from '../../../bot/bot-framework/onboarding-bot.js';
import { ChatSignIn, signInTexts } from '../../../bot/conversation/chat-sign-in.js';
import { OnboardingConversation } from '../../../bot/conversation/onboarding-conversation.js';
import type { OnboardingConversationDependencies } from '../../../bot/conversation/onboarding-conversation.js';
import type { ExchangeClaims } from '../../../bot/conversation/chat-ports.js';
import { TenantFactsMemory } from '../../../bot/conversation/tenant-facts-memory.js';
import { TokenExchangeClaims } from '../../../bot/storage/token-exchange-claims.js';
import type { TenantFactsCaller } from '../../../bot/graph/customer-facts-source.js';
import { ConsentRequiredError } from '../../../bot/graph/token-errors.js';
import type { AdaptiveCard, CardInput } from '../../../src/domain/cards/adaptive-card.js';
import { OrderFormInputId } from '../../../src/domain/cards/order-form-card.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { assembleTenantResponse } from '../../../src/domain/tenant/assemble-tenant-response.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { cardNodes } from '../../domain/cards/card-fixtures.js';
import { responseInput, TENANT_ID } from '../../domain/tenant/tenant-fixtures.js';
import { CATALOG, freshTable } from '../storage/fixtures.js';
import { startAzurite } from '../../support/azurite.js';
import { createSsoTestTokens } from '../conversation/sso-test-tokens.js';
import type { SsoTestTokens } from '../conversation/sso-test-tokens.js';
import { storedOrder } from '../../support/order-fixtures.js';

const USER_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const RESOURCE = 'api://onboarding.example.com/botid-0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b';
const SIGN_IN_LINK = 'https://onboarding.example.com/auth/start?mode=signIn';
const GRAPH_ORGANIZATION = 'ООО «Василёк»';
const NOW = new Date('2026-11-20T10:00:00.000Z');

let tokens: SsoTestTokens;
beforeAll(async () => {
  tokens = await createSsoTestTokens();
});

interface Harness {
  readonly adapter: TestAdapter;
  readonly bot: OnboardingBot;
  readonly exchanges: TenantFactsCaller[];
  readonly memory: TenantFactsMemory;
}

/** The bot with SSO (`sso: true`, as with an Entra app secret) or without it (demo mode, the Playground). */
function harness({
  sso,
  latest,
  consentMissing = false,
  claims,
}: {
  readonly sso: boolean;
  readonly latest?: StoredOrder;
  readonly consentMissing?: boolean;
  /** The token-exchange ids taken across instances; by default this process's own memo only. */
  readonly claims?: ExchangeClaims;
}): Harness {
  const exchanges: TenantFactsCaller[] = [];
  const memory = new TenantFactsMemory({ clock: () => NOW });
  const logger = { warn: () => undefined };
  const orders: OnboardingConversationDependencies['orders'] = {
    findLatest: async () => (latest === undefined ? undefined : { ...latest, deliveries: [] }),
    get: async () => undefined,
    list: async () => [],
    submit: () => Promise.reject(new Error('not used')),
    resubmit: () => Promise.reject(new Error('not used')),
  };
  const signIn = new ChatSignIn({
    verify: tokens.verify,
    tenantFacts: async (caller) => {
      exchanges.push(caller);
      if (consentMissing) throw new ConsentRequiredError('AADSTS65001: consent required');
      return assembleTenantResponse(responseInput({ tenantId: caller.tenantId }));
    },
    memory,
    ...(claims === undefined ? {} : { claims }),
    resource: RESOURCE,
    signInLink: SIGN_IN_LINK,
    adminConsentUrl: (tenantId) => `https://login.microsoftonline.com/${tenantId}/adminconsent?client_id=app`,
    logger,
  });
  const conversation = new OnboardingConversation({
    distributorName: 'ООО «Демо Дистрибуция»',
    invitationUrl: 'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship',
    catalog: CATALOG,
    timeZone: 'Europe/Moscow',
    orders,
    customerDirectory: { remember: async () => undefined },
    logger,
    tenantFactsMemory: memory,
    ...(sso ? { signIn } : {}),
    clock: () => NOW,
  });
  const desk = {
    claimInbox: () => Promise.reject(new Error('not used')),
    channelMessage: () => Promise.reject(new Error('not used')),
    handleCardAction: () => Promise.reject(new Error('not used')),
  };
  return { adapter: new TestAdapter(), bot: new OnboardingBot({ conversation, desk }), exchanges, memory };
}

function personal(extra: Partial<Activity>, locale = 'ru-RU'): Partial<Activity> {
  return {
    channelId: 'msteams',
    locale,
    from: { id: '29:1admin', name: 'Петрова Анна Сергеевна', aadObjectId: USER_ID },
    recipient: { id: '28:bot', name: 'CSP Onboarding' },
    conversation: { id: 'a:1chat', conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT_ID } },
    ...extra,
  };
}

/** Runs one activity through the bot and returns what it sent, the invoke response included. */
async function run(h: Harness, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  h.adapter.activeQueue.splice(0);
  await h.adapter.processActivity(activity, (context) => h.bot.run(context));
  return h.adapter.activeQueue.splice(0);
}

function tokenExchange(id: string, token: string): Partial<Activity> {
  return personal({ type: 'invoke', name: 'signin/tokenExchange', value: { id, connectionName: '', token } });
}

const isOAuthCard = (activity: Partial<Activity>) => activity.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.oauth';
const invokeResponse = (sent: Partial<Activity>[]) => sent.find((activity) => activity.type === 'invokeResponse')?.value as unknown;

function orderForms(sent: Partial<Activity>[]): AdaptiveCard[] {
  return sent
    .flatMap((activity) => activity.attachments ?? [])
    .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((attachment) => attachment.content as AdaptiveCard);
}

function inputValue(card: AdaptiveCard | undefined, id: string): unknown {
  if (card === undefined) throw new Error('no order form was sent');
  const input = cardNodes(card).find((node): node is CardInput => 'id' in node && node.id === id);
  return input?.value;
}

describe('Teams bot SSO in the personal chat', () => {
  it('sends the OAuth card for the app resource first, then the order form', async () => {
    const h = harness({ sso: true });

    const sent = await run(h, personal({ type: 'message', text: 'заказ' }));

    expect(sent).toHaveLength(2);
    const oauth = sent[0]?.attachments?.[0];
    expect(oauth?.contentType).toBe('application/vnd.microsoft.card.oauth');
    expect(oauth?.content).toMatchObject({
      connectionName: '',
      text: signInTexts.cardText.ru,
      // The button opens the app's sign-in window when the silent exchange fails.
      buttons: [{ type: 'signin', title: signInTexts.cardTitle.ru, value: SIGN_IN_LINK }],
      tokenExchangeResource: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), uri: RESOURCE },
    });
    const [form] = orderForms(sent.slice(1));
    expect(form).toBeDefined();
    expectValidAdaptiveCard(form, { maxBytes: BOT_MESSAGE_MAX_BYTES });
  });

  it('when the exchange needs admin consent, gives the admin-consent link in one line and answers 412', async () => {
    const h = harness({ sso: true, consentMissing: true });
    const token = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });

    const sent = await run(h, tokenExchange('consent-1', token));

    expect(invokeResponse(sent)).toMatchObject({ status: 412, body: { id: 'consent-1', failureDetail: 'admin consent is required' } });
    const message = sent.find((activity) => activity.type === 'message');
    expect(message?.text).toContain(`[дать согласие](https://login.microsoftonline.com/${TENANT_ID}/adminconsent?client_id=app)`);
    expect(message?.text?.split('\n')).toHaveLength(1);
  });

  it('answers a valid token exchange 200 and sends a form prefilled from Graph', async () => {
    const latest = storedOrder({ tenantId: TENANT_ID });
    const h = harness({ sso: true, latest });
    const token = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });

    const sent = await run(h, tokenExchange('ex-1', token));

    expect(invokeResponse(sent)).toEqual({ status: 200 });
    expect(h.exchanges).toEqual([{ tenantId: TENANT_ID, token }]);
    const [form] = orderForms(sent);
    expectValidAdaptiveCard(form, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    // Graph: the technical domain and the signed-in contact; the latest order: the INN.
    expect(inputValue(form, OrderFormInputId.technicalDomain)).toBe('vasilek.onmicrosoft.com');
    expect(inputValue(form, OrderFormInputId.contactFullName)).toBe('Петрова Анна Сергеевна');
    expect(inputValue(form, OrderFormInputId.inn)).toBe(latest.organization.inn);

    // Signed in now: the next order request needs no OAuth card.
    const next = await run(h, personal({ type: 'message', text: 'заказ' }));
    expect(next.some(isOAuthCard)).toBe(false);
  });

  it('prefills the Graph organization name when there is no earlier order', async () => {
    const h = harness({ sso: true });
    const sent = await run(h, tokenExchange('ex-2', await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID })));
    expect(inputValue(orderForms(sent)[0], OrderFormInputId.organizationName)).toBe(GRAPH_ORGANIZATION);
  });

  it('does the exchange once when the same id comes twice', async () => {
    const h = harness({ sso: true });
    const token = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });

    const first = await run(h, tokenExchange('dup', token));
    const second = await run(h, tokenExchange('dup', token));

    expect(invokeResponse(first)).toEqual({ status: 200 });
    expect(invokeResponse(second)).toEqual({ status: 200 });
    expect(h.exchanges).toHaveLength(1);
    expect(orderForms(second)).toEqual([]);
  });

  it('does the exchange once when the copies reach two instances sharing one storage', async () => {
    const azurite = await startAzurite();
    try {
      const claims = new TokenExchangeClaims(await freshTable(azurite.connectionString));
      const instances = [harness({ sso: true, claims }), harness({ sso: true, claims })];
      const token = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });

      const [first, second] = await Promise.all(instances.map((h) => run(h, tokenExchange('both', token))));

      expect([invokeResponse(first ?? []), invokeResponse(second ?? [])]).toEqual([{ status: 200 }, { status: 200 }]);
      expect(instances.flatMap((h) => h.exchanges)).toHaveLength(1);
      expect([orderForms(first ?? []).length, orderForms(second ?? []).length].sort()).toEqual([0, 1]);
    } finally {
      await azurite.stop();
    }
  });

  it('answers an invalid token 412 with failureDetail, echoing id and connectionName', async () => {
    const h = harness({ sso: true });
    const forged = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID }, { foreignKey: true });

    const sent = await run(h, personal({ type: 'invoke', name: 'signin/tokenExchange', value: { id: 'bad', connectionName: 'none', token: forged } }));

    expect(invokeResponse(sent)).toEqual({
      status: 412,
      body: { id: 'bad', connectionName: 'none', failureDetail: expect.stringContaining('token') },
    });
    expect(h.exchanges).toEqual([]);
    expect(orderForms(sent)).toEqual([]);
  });

  it('answers signin/verifyState 200 and says sign-in did not complete when the state is unusable', async () => {
    const h = harness({ sso: true });

    const sent = await run(h, personal({ type: 'invoke', name: 'signin/verifyState', value: {} }, 'en-US'));

    expect(invokeResponse(sent)).toEqual({ status: 200 });
    expect(sent.find((activity) => activity.type === 'message')?.text).toBe(signInTexts.notCompleted.en);
  });

  it('offers the silent exchange again after a verifyState with a state', async () => {
    const h = harness({ sso: true });
    const sent = await run(h, personal({ type: 'invoke', name: 'signin/verifyState', value: { state: '123456' } }));
    expect(invokeResponse(sent)).toEqual({ status: 200 });
    expect(sent.some(isOAuthCard)).toBe(true);
  });
});

describe('the chat without SSO (demo mode, the Playground)', () => {
  it('sends no OAuth card and prefills the form from the facts remembered for this user of the tenant', async () => {
    const h = harness({ sso: false });
    h.memory.remember(assembleTenantResponse(responseInput({ source: 'demo' })), USER_ID);

    const sent = await run(h, personal({ type: 'message', text: 'order' }, 'en-US'));

    expect(sent.some(isOAuthCard)).toBe(false);
    const [form] = orderForms(sent);
    expect(inputValue(form, OrderFormInputId.organizationName)).toBe(GRAPH_ORGANIZATION);
    expect(inputValue(form, OrderFormInputId.city)).toBe('Санкт-Петербург');
  });

  it('answers a token exchange 412, since it cannot sign anyone in', async () => {
    const h = harness({ sso: false });
    const sent = await run(h, tokenExchange('x', await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID })));
    expect(invokeResponse(sent)).toMatchObject({ status: 412, body: { id: 'x', connectionName: '' } });
  });

  it("does not prefill one admin's form with the facts read for a colleague of the same tenant", async () => {
    const h = harness({ sso: false });
    h.memory.remember(assembleTenantResponse(responseInput({ source: 'demo' })), 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');

    const sent = await run(h, personal({ type: 'message', text: 'order' }, 'en-US'));

    expect(inputValue(orderForms(sent)[0], OrderFormInputId.organizationName)).toBeUndefined();
    expect(inputValue(orderForms(sent)[0], OrderFormInputId.contactEmail)).toBeUndefined();
  });

  it('sends an empty form when nothing is remembered and there is no earlier order', async () => {
    const h = harness({ sso: false });
    const sent = await run(h, personal({ type: 'message', text: 'order' }));
    expect(inputValue(orderForms(sent)[0], OrderFormInputId.organizationName)).toBeUndefined();
  });
});

