import { describe, expect, it } from 'vitest';
import { buildDistributorOrderCard } from '../../../src/domain/cards/distributor-order-card.js';
import { customerAgreementFact } from '../../../src/domain/customer-agreement/customer-agreement-fact.js';
import { renderOrderEmail } from '../../../src/domain/email/order-email.js';
import { cardTexts, catalog } from '../cards/card-fixtures.js';
import { storedOrder } from '../../support/order-fixtures.js';

describe('customerAgreementFact', () => {
  it('says «MCA: не принято» or the date it was accepted, in both languages', () => {
    expect(customerAgreementFact(null, 'ru')).toEqual({ label: 'MCA', value: 'не принято' });
    expect(customerAgreementFact(null, 'en')).toEqual({ label: 'MCA', value: 'not accepted' });
    expect(customerAgreementFact('2026-11-20T09:30:00.000Z', 'ru')).toEqual({ label: 'MCA', value: 'принято 20.11.2026' });
    expect(customerAgreementFact('2026-11-20T09:30:00.000Z', 'en')).toEqual({ label: 'MCA', value: 'accepted 20 November 2026' });
  });
});

describe('the MCA fact next to an order', () => {
  const factsOf = (customerAgreement?: string | null) =>
    JSON.stringify(buildDistributorOrderCard({ locale: 'ru', order: storedOrder(), catalog, timeZone: 'Europe/Moscow', actions: 'universal', customerAgreement }));

  it('is one fact on the order card when the tenant’s MCA is known, and absent when it is not', () => {
    expect(factsOf(null)).toContain('{"title":"MCA","value":"не принято"}');
    expect(factsOf('2026-11-20T09:30:00.000Z')).toContain('{"title":"MCA","value":"принято 20.11.2026"}');
    expect(cardTexts(buildDistributorOrderCard({ locale: 'ru', order: storedOrder(), catalog, timeZone: 'Europe/Moscow', actions: 'none' }))).not.toContain('MCA');
  });

  it('is a row of the e-mail, in text and HTML', () => {
    const email = renderOrderEmail({ locale: 'ru', order: storedOrder(), catalog, timeZone: 'Europe/Moscow', customerAgreement: null });
    expect(email.text).toMatch(/MCA: не принято/);
    expect(email.html).toContain('не принято');
    expect(renderOrderEmail({ locale: 'en', order: storedOrder(), catalog, timeZone: 'Europe/Moscow' }).text).not.toContain('MCA');
  });
});
