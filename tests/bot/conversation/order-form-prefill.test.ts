import { describe, expect, it } from 'vitest';
import { mergeOrderFormPrefill } from '../../../bot/conversation/order-form-prefill.js';
import type { OrderFormValues } from '../../../src/domain/cards/order-form-card.js';

const fromTenant: OrderFormValues = {
  invitationAccepted: true,
  technicalDomain: 'vasilek.onmicrosoft.com',
  organization: { name: 'Vasilek', address: { city: 'Санкт-Петербург', street: 'Невский пр., д. 28' } },
  contact: { fullName: 'Петрова Анна Сергеевна', email: 'a.petrova@vasilek.ru' },
  subscriptionKind: 'trialConversion',
  lines: [{ sku: 'SPB' }],
};

const fromOrder: OrderFormValues = {
  invitationAccepted: false,
  technicalDomain: 'old.onmicrosoft.com',
  lines: [{ sku: 'O365_BUSINESS_PREMIUM', quantity: 25 }],
  organization: { name: 'ООО «Василёк»', inn: '0012345673', address: { postalCode: '191186', city: 'Санкт-Петербург', street: '' } },
  contact: { fullName: 'Иванов Иван Иванович', phone: '+7 495 123-45-67', email: 'it@vasilek.ru' },
  subscriptionKind: 'new',
};

describe('mergeOrderFormPrefill', () => {
  it('uses whichever side exists when the other is missing', () => {
    expect(mergeOrderFormPrefill(undefined, undefined)).toBeUndefined();
    expect(mergeOrderFormPrefill(fromTenant, undefined)).toEqual(fromTenant);
    expect(mergeOrderFormPrefill(undefined, fromOrder)).toEqual(fromOrder);
  });

  it('takes the domain and contact from Graph, the organization and the decisions from the latest order', () => {
    expect(mergeOrderFormPrefill(fromTenant, fromOrder)).toEqual({
      invitationAccepted: false,
      technicalDomain: 'vasilek.onmicrosoft.com',
      lines: [{ sku: 'O365_BUSINESS_PREMIUM', quantity: 25 }],
      organization: { name: 'ООО «Василёк»', inn: '0012345673', address: { postalCode: '191186', city: 'Санкт-Петербург', street: '' } },
      contact: { fullName: 'Петрова Анна Сергеевна', phone: '+7 495 123-45-67', email: 'a.petrova@vasilek.ru' },
      subscriptionKind: 'new',
    });
  });

  it('lets Graph fill what the order lacks', () => {
    const merged = mergeOrderFormPrefill(fromTenant, { lines: [{ sku: 'SPB', quantity: 3 }], organization: { inn: '0012345673' } });
    expect(merged?.organization).toEqual({ name: 'Vasilek', inn: '0012345673', address: { city: 'Санкт-Петербург', street: 'Невский пр., д. 28' } });
    expect(merged?.contact).toEqual(fromTenant.contact);
    expect(merged?.subscriptionKind).toBe('trialConversion');
  });
});

describe('mergeOrderFormPrefill with what Teams says about the user', () => {
  const fromTeams: OrderFormValues = {
    technicalDomain: 'teams.onmicrosoft.com',
    contact: { fullName: 'Смирнова Ольга', email: 'o.smirnova@vasilek.ru' },
  };

  it('puts the Teams contact over the latest order and under Graph', () => {
    expect(mergeOrderFormPrefill(undefined, fromOrder, fromTeams)?.contact).toEqual({ fullName: 'Смирнова Ольга', phone: '+7 495 123-45-67', email: 'o.smirnova@vasilek.ru' });
    expect(mergeOrderFormPrefill(fromTenant, fromOrder, fromTeams)?.contact).toEqual({ fullName: 'Петрова Анна Сергеевна', phone: '+7 495 123-45-67', email: 'a.petrova@vasilek.ru' });
  });

  it("uses the Teams account's domain only when neither Graph nor an order names one", () => {
    expect(mergeOrderFormPrefill(undefined, fromOrder, fromTeams)?.technicalDomain).toBe('old.onmicrosoft.com');
    expect(mergeOrderFormPrefill(undefined, undefined, fromTeams)).toEqual(fromTeams);
  });
});
