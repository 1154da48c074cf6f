import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderSubmission } from '../../../src/domain/order/order.js';
import { MAX_CHANGE_VALUE_LENGTH, revisionChanges } from '../../../src/domain/order/revision-changes.js';
import { SAMPLE_CONTACT, SAMPLE_ORGANIZATION, submission } from '../../support/order-fixtures.js';
import { catalog } from '../cards/card-fixtures.js';

const before = submission({
  lines: [
    { sku: 'O365_BUSINESS_PREMIUM', quantity: 25 },
    { sku: 'EXCHANGESTANDARD', quantity: 40 },
    { sku: 'VISIOCLIENT', quantity: 5 },
  ],
});

function changesTo(overrides: Partial<OrderSubmission>, from: OrderSubmission = before) {
  return revisionChanges(from, { ...from, submissionId: 'next', ...overrides }, catalog);
}

describe('revisionChanges', () => {
  it('finds nothing when only the submission id differs', () => {
    expect(changesTo({})).toEqual([]);
  });

  it('compares lines by SKU: quantity changed, added, removed, each with its product name', () => {
    const changes = changesTo({
      lines: [
        { sku: 'EXCHANGESTANDARD', quantity: 45 },
        { sku: 'O365_BUSINESS_PREMIUM', quantity: 25 },
        { sku: 'SPB', quantity: 3 },
      ],
    });
    expect(changes).toEqual([
      { field: 'line', sku: 'EXCHANGESTANDARD', product: 'Exchange Online (Plan 1)', before: '40', after: '45' },
      { field: 'line', sku: 'SPB', product: 'Microsoft 365 Business Premium', after: '3' },
      { field: 'line', sku: 'VISIOCLIENT', product: 'Visio Plan 2', before: '5' },
    ]);
  });

  it('names a SKU outside the catalog by the SKU alone', () => {
    expect(changesTo({ lines: [...before.lines, { sku: 'RETIRED_SKU', quantity: 1 }] })).toEqual([
      { field: 'line', sku: 'RETIRED_SKU', after: '1' },
    ]);
  });

  it('records each other item with its value before and after', () => {
    const changes = changesTo({
      invitationAccepted: false,
      technicalDomain: 'romashka2.onmicrosoft.com',
      activationDate: '2031-01-15',
      organization: { name: 'АО «Ромашка»', inn: '7707083893', address: { ...SAMPLE_ORGANIZATION.address, city: 'Тверь' } },
      contact: { fullName: 'Петрова Анна', phone: '+74959876543', email: 'anna@пример.рф' },
      subscriptionKind: 'trialConversion',
    });
    expect(changes).toEqual([
      { field: 'invitationAccepted', before: 'true', after: 'false' },
      { field: 'technicalDomain', before: 'romashka.onmicrosoft.com', after: 'romashka2.onmicrosoft.com' },
      { field: 'activationDate', before: '2030-12-01', after: '2031-01-15' },
      { field: 'organizationName', before: 'ООО «Ромашка»', after: 'АО «Ромашка»' },
      { field: 'inn', before: '0012345673', after: '7707083893' },
      { field: 'address', before: '101000, Москва, ул. Мясницкая, д. 1', after: '101000, Тверь, ул. Мясницкая, д. 1' },
      { field: 'contactFullName', before: SAMPLE_CONTACT.fullName, after: 'Петрова Анна' },
      { field: 'contactPhone', before: '+7 495 123 45 67', after: '+7 495 987 65 43' },
      { field: 'contactEmail', before: 'it@romashka.ru', after: 'anna@пример.рф' },
      { field: 'subscriptionKind', before: 'new', after: 'trialConversion' },
    ]);
  });

  it('shows an e-mail domain stored in punycode in Unicode, so the same address is no change', () => {
    const from = submission({ contact: { ...SAMPLE_CONTACT, email: 'maria@xn--e1afmkfd.xn--p1ai' } });
    expect(changesTo({ contact: { ...SAMPLE_CONTACT, email: 'maria@пример.рф' } }, from)).toEqual([]);
  });

  it('follows the converted trial by SKU and licenses', () => {
    const trial = { sku: 'EXCHANGESTANDARD', licenses: 25, endsOn: '2026-12-31' };
    const converting = submission({ subscriptionKind: 'trialConversion', trial });
    expect(changesTo({ trial: { ...trial, licenses: 30 } }, converting)).toEqual([
      { field: 'trial', sku: 'EXCHANGESTANDARD', product: 'Exchange Online (Plan 1)', before: '25', after: '30' },
    ]);
    expect(changesTo({ trial: { sku: 'SPB', licenses: 10 } }, converting)).toEqual([
      { field: 'trial', sku: 'SPB', product: 'Microsoft 365 Business Premium', after: '10' },
      { field: 'trial', sku: 'EXCHANGESTANDARD', product: 'Exchange Online (Plan 1)', before: '25' },
    ]);
    expect(changesTo({ trial: { ...trial, endsOn: '2027-01-31' } }, converting)).toEqual([]);
    expect(changesTo({ subscriptionKind: 'new', trial: undefined }, converting)).toEqual([
      { field: 'subscriptionKind', before: 'trialConversion', after: 'new' },
      { field: 'trial', sku: 'EXCHANGESTANDARD', product: 'Exchange Online (Plan 1)', before: '25' },
    ]);
  });

  it('stays bounded: values are cut, and replaced lines give one entry per line', () => {
    const long = 'Я'.repeat(2_000);
    const [change] = changesTo({ organization: { ...SAMPLE_ORGANIZATION, name: long } });
    expect(change?.after).toHaveLength(MAX_CHANGE_VALUE_LENGTH);
    const skus = catalog.map((item) => item.sku);
    const old = submission({ lines: skus.slice(0, 10).map((sku) => ({ sku, quantity: 1 })) });
    expect(changesTo({ lines: skus.slice(10, 19).map((sku) => ({ sku, quantity: 2 })) }, old)).toHaveLength(19);
  });

  it('finds no change between identical orders, whatever they hold', () => {
    const text = fc.string({ maxLength: 40 });
    const order = fc.record({
      submissionId: fc.uuid(),
      invitationAccepted: fc.boolean(),
      technicalDomain: text,
      lines: fc.uniqueArray(
        fc.record({ sku: fc.oneof(fc.constantFrom(...catalog.map((item) => item.sku)), text), quantity: fc.integer({ min: 1, max: 100_000 }) }),
        { selector: (line) => line.sku, maxLength: 20 },
      ),
      activationDate: text,
      organization: fc.record({ name: text, inn: text, address: fc.record({ postalCode: text, city: text, street: text }) }),
      contact: fc.record({ fullName: text, phone: text, email: text }),
      subscriptionKind: fc.constantFrom('new' as const, 'trialConversion' as const),
      trial: fc.option(fc.record({ sku: text, licenses: fc.nat() }), { nil: undefined }),
    });
    fc.assert(
      fc.property(order, (sample) => {
        const copy: OrderSubmission = structuredClone(sample);
        expect(revisionChanges(sample, copy, catalog)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
