import { randomUUID } from 'node:crypto';
import { OrderFormInputId, quantityInputId } from '../../src/domain/cards/order-form-inputs.js';
import type {
  Contact,
  OrderStatus,
  OrderSubmission,
  Organization,
  StatusChange,
  StoredOrder,
} from '../../src/domain/order/order.js';
import type { OrderView } from '../../src/tab/api/order-response.js';

/**
 * The one sample order of the test suite: ООО «Ромашка» (INN 0012345673: valid
 * check digits, and no company holds it, since region 00 does not exist) orders licenses for romashka.onmicrosoft.com. Tests take
 * it through the builders below and override only what they are about.
 */

export const SAMPLE_ORGANIZATION: Organization = {
  name: 'ООО «Ромашка»',
  inn: '0012345673',
  address: { postalCode: '101000', city: 'Москва', street: 'ул. Мясницкая, д. 1' },
};

export const SAMPLE_CONTACT: Contact = { fullName: 'Иванов Иван Иванович', phone: '+74951234567', email: 'it@romashka.ru' };

export const SAMPLE_TECHNICAL_DOMAIN = 'romashka.onmicrosoft.com';

/** A valid, normalized submission (what `validateOrder` returns), each with its own submissionId. */
export function submission(overrides: Partial<OrderSubmission> = {}): OrderSubmission {
  return {
    submissionId: randomUUID(),
    invitationAccepted: true,
    technicalDomain: SAMPLE_TECHNICAL_DOMAIN,
    lines: [{ sku: 'O365_BUSINESS_PREMIUM', quantity: 25 }],
    activationDate: '2030-12-01',
    organization: SAMPLE_ORGANIZATION,
    contact: SAMPLE_CONTACT,
    subscriptionKind: 'new',
    ...overrides,
  };
}

/** A day on which `orderInput()` is valid (activation 2026-12-01 is ahead, within a year). */
export const ORDER_INPUT_VALID_ON = new Date('2026-11-20T09:00:00Z');

/** The same order as the HTTP API receives it (before normalization), valid on ORDER_INPUT_VALID_ON. */
export function orderInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...submission(),
    activationDate: '2026-12-01',
    contact: { ...SAMPLE_CONTACT, phone: '+7 495 123-45-67' },
    ...overrides,
  };
}

/**
 * The sample order as a user types it into the chat's order form card (input
 * id → text, as Teams submits it); `overrides` change the order, not the typing.
 */
export function orderFormAnswers(overrides: Partial<OrderSubmission> = {}): Record<string, string> {
  const order = submission({ activationDate: '2026-12-01', contact: { ...SAMPLE_CONTACT, phone: '+7 495 123-45-67' }, ...overrides });
  return {
    [OrderFormInputId.invitationAccepted]: String(order.invitationAccepted),
    [OrderFormInputId.technicalDomain]: order.technicalDomain,
    ...Object.fromEntries(order.lines.map((line) => [quantityInputId(line.sku), String(line.quantity)])),
    [OrderFormInputId.activationDate]: order.activationDate,
    [OrderFormInputId.organizationName]: order.organization.name,
    [OrderFormInputId.inn]: order.organization.inn,
    [OrderFormInputId.postalCode]: order.organization.address.postalCode,
    [OrderFormInputId.city]: order.organization.address.city,
    [OrderFormInputId.street]: order.organization.address.street,
    [OrderFormInputId.contactFullName]: order.contact.fullName,
    [OrderFormInputId.contactPhone]: order.contact.phone,
    [OrderFormInputId.contactEmail]: order.contact.email,
    [OrderFormInputId.subscriptionKind]: order.subscriptionKind,
  };
}

export const ORDER_STATUSES: readonly OrderStatus[] = ['submitted', 'accepted', 'changesRequested', 'completed'];

const submittedChange: StatusChange = {
  status: 'submitted',
  at: '2026-05-01T09:15:00.000Z',
  by: SAMPLE_CONTACT.fullName,
  revision: 1,
};

/** The history that leads to `status`, oldest first. */
function historyFor(status: OrderStatus): StatusChange[] {
  const accepted: StatusChange = { status: 'accepted', at: '2026-05-01T10:00:00.000Z', by: 'Петрова Анна', revision: 1 };
  switch (status) {
    case 'submitted':
      return [submittedChange];
    case 'accepted':
      return [submittedChange, accepted];
    case 'changesRequested':
      return [
        submittedChange,
        {
          status: 'changesRequested',
          at: '2026-05-01T10:30:00.000Z',
          by: 'Петрова Анна',
          comment: 'Уточните количество лицензий E3.',
          revision: 1,
        },
      ];
    case 'completed':
      return [submittedChange, accepted, { status: 'completed', at: '2026-05-02T08:00:00.000Z', by: 'Петрова Анна', revision: 1 }];
  }
}

/** The sample order as stored: 26 licenses (Business Premium 25, Office 365 E3 1), with the history of its status. */
export function storedOrder(overrides: Partial<StoredOrder> = {}): StoredOrder {
  const status = overrides.status ?? 'submitted';
  return {
    ...submission({
      submissionId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      lines: [
        { sku: 'SPB', quantity: 25 },
        { sku: 'ENTERPRISEPACK', quantity: 1 },
      ],
      activationDate: '2026-12-01',
    }),
    id: 'CSP-7K2M9Q',
    tenantId: '6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b',
    status,
    revision: 1,
    createdAt: '2026-05-01T09:15:00.000Z',
    updatedAt: '2026-05-02T08:00:00.000Z',
    history: historyFor(status),
    ...overrides,
  };
}

/**
 * The sample order resubmitted as revision 2 after staff asked for changes:
 * one line changed (Exchange Online (Plan 1) 40 → 45) and the activation date,
 * the contact's e-mail stored in punycode (as browsers send it), evidence "detected".
 */
export function resubmittedOrder(overrides: Partial<StoredOrder> = {}): StoredOrder {
  return storedOrder({
    revision: 2,
    organization: { ...SAMPLE_ORGANIZATION, inn: '7707083893' },
    lines: [{ sku: 'O365_BUSINESS_PREMIUM', quantity: 25 }],
    contact: { ...SAMPLE_CONTACT, email: 'maria@xn--e1afmkfd.xn--p1ai' },
    evidenceAtSubmission: 'detected',
    history: [
      { status: 'submitted', at: '2026-05-01T09:15:00.000Z', revision: 1 },
      { status: 'changesRequested', at: '2026-05-01T10:00:00.000Z', comment: 'Уточните количество', revision: 1 },
      {
        status: 'submitted',
        at: '2026-05-02T21:30:00.000Z',
        revision: 2,
        changes: [
          { field: 'line', sku: 'EXCHANGESTANDARD', product: 'Exchange Online (Plan 1)', before: '40', after: '45' },
          { field: 'activationDate', before: '2026-12-01', after: '2026-12-15' },
        ],
      },
    ],
    ...overrides,
  });
}

/** The sample order as the tab's API answers it: a trial conversion, delivered to the Teams channel. */
export function orderView(overrides: Partial<OrderView> = {}): OrderView {
  return {
    ...storedOrder({
      id: 'CSP-7K2M9Q4X',
      tenantId: '11111111-2222-3333-4444-555555555555',
      createdAt: '2026-11-23T09:00:00.000Z',
      updatedAt: '2026-11-23T09:00:00.000Z',
      history: [{ status: 'submitted', at: '2026-11-23T09:00:00.000Z', by: SAMPLE_CONTACT.fullName, revision: 1 }],
      submissionId: '6f1b7c1e-4c1a-4c35-9a55-2c1d3f1e9b11',
      lines: [{ sku: 'SPB', quantity: 25 }],
      contact: { ...SAMPLE_CONTACT, phone: '+79161234567', email: 'i.ivanov@romashka.ru' },
      subscriptionKind: 'trialConversion',
    }),
    deliveries: [{ channel: 'teams', state: 'delivered' }],
    ...overrides,
  };
}
