import { randomUUID } from 'node:crypto';
import { OrderFormInputId, quantityInputId, SUBMISSION_ID_KEY } from '../../src/domain/cards/order-form-inputs.js';
import { CardVerb } from '../../src/domain/cards/card-actions.js';

/**
 * Request bodies for the benchmark: every call makes a distinct order (a
 * fresh `submissionId`), valid for the default catalog and time zone.
 */

/** Safely inside "today .. today + 365 days" whatever the time zone. */
function activationDate(): string {
  return new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);
}

const ACTIVATION_DATE = activationDate();

/** `POST /api/orders` body (README, "HTTP contract"). */
export function apiOrderBody(): string {
  return JSON.stringify({
    submissionId: randomUUID(),
    invitationAccepted: true,
    technicalDomain: 'contoso.onmicrosoft.com',
    lines: [
      { sku: 'O365_BUSINESS_PREMIUM', quantity: 25 },
      { sku: 'ENTERPRISEPACK', quantity: 5 },
    ],
    activationDate: ACTIVATION_DATE,
    organization: {
      name: 'ООО «Ромашка»',
      inn: '0012345673',
      address: { postalCode: '101000', city: 'Москва', street: 'ул. Мясницкая, д. 1' },
    },
    contact: { fullName: 'Иванов Иван Иванович', phone: '+7 495 123-45-67', email: 'it@romashka.ru' },
    subscriptionKind: 'new',
  });
}

/**
 * Customer tenants the bot's load comes from, in turn. Orders are stored in
 * one partition per tenant and a customer orders a few times a year:
 * thousands of orders from one tenant would measure Azurite's insert, whose
 * cost grows with the partition, more than our server. A few dozen orders
 * per tenant keeps partitions small, and the first order of each tenant still
 * stores its personal conversation, as a new customer's first message does.
 */
const BENCH_TENANTS = Array.from({ length: 200 }, () => randomUUID());
let nextTenant = 0;
const BENCH_USER = { id: '29:1bench-customer-admin', aadObjectId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', name: 'Иванов Иван Иванович' };
const BOT = { id: '28:0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b', name: 'CSP Onboarding' };

/** The order form's input values as Teams submits them: every value a string. */
function cardInputs(submissionId: string): Record<string, string> {
  return {
    [SUBMISSION_ID_KEY]: submissionId,
    [OrderFormInputId.invitationAccepted]: 'true',
    [OrderFormInputId.technicalDomain]: 'contoso.onmicrosoft.com',
    [OrderFormInputId.activationDate]: ACTIVATION_DATE,
    [OrderFormInputId.organizationName]: 'ООО «Ромашка»',
    [OrderFormInputId.inn]: '0012345673',
    [OrderFormInputId.postalCode]: '101000',
    [OrderFormInputId.city]: 'Москва',
    [OrderFormInputId.street]: 'ул. Мясницкая, д. 1',
    [OrderFormInputId.contactFullName]: 'Иванов Иван Иванович',
    [OrderFormInputId.contactPhone]: '+7 495 123-45-67',
    [OrderFormInputId.contactEmail]: 'it@romashka.ru',
    [OrderFormInputId.subscriptionKind]: 'new',
    [quantityInputId('O365_BUSINESS_PREMIUM')]: '25',
    [quantityInputId('ENTERPRISEPACK')]: '5',
    [quantityInputId('SPB')]: '',
  };
}

/**
 * The `adaptiveCard/action` invoke Teams posts when the admin presses
 * "Submit" on the order form in the personal chat (`Action.Execute`).
 */
export function submitOrderInvoke(serviceUrl: string): string {
  const tenantId = BENCH_TENANTS[nextTenant++ % BENCH_TENANTS.length] ?? randomUUID();
  return JSON.stringify({
    ...personalActivity('invoke', serviceUrl, tenantId, 'ru-RU'),
    name: 'adaptiveCard/action',
    replyToId: '1700000000000',
    value: {
      action: { type: 'Action.Execute', verb: CardVerb.submitOrder, data: cardInputs(randomUUID()) },
      trigger: 'manual',
    },
  });
}

/** The customer admin of `tenantId` types `status` in the personal chat. */
export function statusMessage(serviceUrl: string, tenantId: string): string {
  return JSON.stringify({ ...personalActivity('message', serviceUrl, tenantId, 'en-US'), text: 'status', textFormat: 'plain' });
}

/** What every activity from the bench user's personal chat in `tenantId` carries. */
function personalActivity(type: 'invoke' | 'message', serviceUrl: string, tenantId: string, locale: string): Record<string, unknown> {
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale,
    from: BENCH_USER,
    recipient: BOT,
    conversation: { conversationType: 'personal', tenantId, id: `a:1bench-${tenantId}` },
    channelData: { tenant: { id: tenantId } },
  };
}
