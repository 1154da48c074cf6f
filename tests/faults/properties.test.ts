import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import { BOT_MESSAGE_MAX_BYTES, WEBHOOK_CARD_MAX_BYTES, cardJsonBytes } from '../../src/domain/cards/card-size.js';
import { buildCustomerStatusCard } from '../../src/domain/cards/customer-status-card.js';
import { buildDistributorOrderCard } from '../../src/domain/cards/distributor-order-card.js';
import { buildHelpCard } from '../../src/domain/cards/help-card.js';
import { buildOrderFormCard } from '../../src/domain/cards/order-form-card.js';
import { buildOrderListCard } from '../../src/domain/cards/order-list-card.js';
import { buildWelcomeCard } from '../../src/domain/cards/welcome-card.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { ChangedField, OrderStatus, StoredOrder } from '../../src/domain/order/order.js';
import { MAX_CHANGE_VALUE_LENGTH, MAX_FIELD_CHANGES } from '../../src/domain/order/revision-changes.js';
import { validateOrder } from '../../src/domain/order/order-validation.js';
import { isValidationCode } from '../../src/domain/order/validation-messages.js';
import { CATALOG } from '../bot/storage/fixtures.js';

/**
 * Properties over arbitrary input: validation never throws, and no card
 * builder throws, lets user text become markup, or outgrows Teams' limits.
 */

const RUNS = { numRuns: 200 };
const TODAY = '2026-11-20';
/** Teams renders TextBlock markdown; markdown-it with raw HTML and linkify on is stricter. */
const markdown = new MarkdownIt({ html: true, linkify: true });

/** Arbitrary Unicode, plus the fragments an attacker (or an unlucky paste) would try. */
const userText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom('<a href="https://evil.test">x</a>', '<img src=x onerror=alert(1)>', '**bold**', '__b__', '[link](https://evil.test)',
        '![i](https://evil.test/i.png)', 'https://evil.test', 'evil.test', 'www.evil.test', '<strong>s</strong>', '\n- item', '\n# h', '{{DATE(2026-01-01T00:00:00Z)}}', 'ООО «Ромашка»'),
      { maxLength: 6 },
    )
    .map((parts) => parts.join(' ')),
);

const locale = fc.constantFrom<Locale>('ru', 'en');
const isoTimestamp = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const status = fc.constantFrom<OrderStatus>('submitted', 'accepted', 'changesRequested', 'completed');

const storedOrder: fc.Arbitrary<StoredOrder> = fc.record({
  id: fc.stringMatching(/^CSP-[0-9A-Z]{8}$/),
  tenantId: fc.uuid(),
  status,
  revision: fc.integer({ min: 1, max: 20 }),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  history: fc.array(fc.record({ status, at: isoTimestamp, by: userText, comment: userText }), { minLength: 1, maxLength: 5 }),
  submissionId: fc.uuid(),
  invitationAccepted: fc.constant(true),
  technicalDomain: userText,
  lines: fc.array(fc.record({ sku: fc.oneof(fc.constantFrom(...CATALOG.map((item) => item.sku)), userText), quantity: fc.integer({ min: 1, max: 100_000 }) }), { minLength: 1, maxLength: 20 }),
  activationDate: fc.constantFrom('2026-12-01', '2027-06-30'),
  organization: fc.record({
    name: userText,
    inn: userText,
    address: fc.record({ postalCode: userText, city: userText, street: userText }),
  }),
  contact: fc.record({ fullName: userText, phone: userText, email: userText }),
  subscriptionKind: fc.constantFrom('new', 'trialConversion'),
}) as unknown as fc.Arbitrary<StoredOrder>;

/** Every string Teams would render as markdown: TextBlock texts and FactSet values. */
function markdownTexts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) markdownTexts(item, found);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record['type'] === 'TextBlock' && typeof record['text'] === 'string') found.push(record['text']);
    if (typeof record['title'] === 'string' && typeof record['value'] === 'string' && record['type'] === undefined) found.push(record['value']);
    for (const value of Object.values(record)) markdownTexts(value, found);
  }
  return found;
}

function expectSafeCard(card: AdaptiveCard, maxBytes: number): void {
  expect(cardJsonBytes(card)).toBeLessThanOrEqual(maxBytes);
  for (const text of markdownTexts(card)) {
    const html = markdown.render(text);
    // The cards' own texts use **bold**; only markup made of the injected fragments counts.
    expect(html, text).not.toMatch(/<a [^>]*evil|<img|<strong>(?:bold|b|s)<\/strong>/);
  }
}

/**
 * Bad input gets a clear answer, never a crash: a normalized order, or at
 * least one error, each with a known code and a text in both languages.
 */
function expectClearAnswer(input: unknown): void {
  const result = validateOrder(input, { catalog: CATALOG, today: TODAY });
  if (result.ok) {
    expect(result.order.lines.length).toBeGreaterThan(0);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(isValidationCode(error.code), `${error.field}: ${error.code}`).toBe(true);
    expect(error.message.ru.trim()).not.toBe('');
    expect(error.message.en.trim()).not.toBe('');
  }
}

describe('validateOrder', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expectClearAnswer(input);
      }),
      RUNS,
    );
  });

  it('never throws on objects with the order keys and arbitrary values', () => {
    const value = fc.oneof(userText, fc.anything());
    const order = fc.record(
      {
        submissionId: value, invitationAccepted: value, technicalDomain: value,
        lines: fc.oneof(value, fc.array(fc.record({ sku: value, quantity: value }, { requiredKeys: [] }), { maxLength: 25 })),
        activationDate: value,
        organization: fc.oneof(value, fc.record({ name: value, inn: value, address: fc.oneof(value, fc.record({ postalCode: value, city: value, street: value }, { requiredKeys: [] })) }, { requiredKeys: [] })),
        contact: fc.oneof(value, fc.record({ fullName: value, phone: value, email: value }, { requiredKeys: [] })),
        subscriptionKind: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(order, (input) => {
        expectClearAnswer(input);
      }),
      RUNS,
    );
  });
});

describe('card builders on arbitrary text', () => {
  it('welcome and help cards', () => {
    fc.assert(
      fc.property(locale, userText, (lang, distributorName) => {
        const links = { locale: lang, distributorName, invitationUrl: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x#/BillingAccounts/partner-invitation' };
        expectSafeCard(buildWelcomeCard(links), BOT_MESSAGE_MAX_BYTES);
        expectSafeCard(buildHelpCard(links), BOT_MESSAGE_MAX_BYTES);
      }),
      RUNS,
    );
  });

  it('the order form with arbitrary values and errors', () => {
    const fieldError = fc.record({ field: fc.oneof(fc.constantFrom('organization.inn', 'lines.0.quantity', 'contact.email', ''), userText), code: fc.string({ maxLength: 20 }), message: fc.record({ ru: userText, en: userText }) });
    fc.assert(
      fc.property(locale, storedOrder, fc.array(fieldError, { maxLength: 10 }), fc.uuid(), (lang, order, errors, submissionId) => {
        const card = buildOrderFormCard({ locale: lang, catalog: CATALOG, today: TODAY, values: order, errors, submissionId });
        expectSafeCard(card, BOT_MESSAGE_MAX_BYTES);
      }),
      RUNS,
    );
  });

  it("the distributor card with a revision's changes of arbitrary text, at most as many as a form can make", () => {
    const fieldChange = fc.record(
      {
        field: fc.constantFrom<ChangedField>('line', 'trial', 'organizationName', 'address', 'contactEmail', 'inn', 'activationDate', 'subscriptionKind'),
        sku: userText,
        product: userText,
        // Values as long as validation allows (320 after the cut), plus injected fragments.
        before: fc.oneof(userText, fc.string({ unit: 'grapheme', minLength: 300, maxLength: MAX_CHANGE_VALUE_LENGTH })),
        after: fc.oneof(userText, fc.string({ unit: 'grapheme', minLength: 300, maxLength: MAX_CHANGE_VALUE_LENGTH })),
      },
      { requiredKeys: ['field'] },
    );
    const resubmitted = fc
      .tuple(storedOrder, fc.array(fieldChange, { maxLength: MAX_FIELD_CHANGES }))
      .map(([order, changes]): StoredOrder => ({
        ...order,
        history: [...order.history, { status: 'submitted', at: order.updatedAt, revision: order.revision, changes }],
      }));
    fc.assert(
      fc.property(locale, resubmitted, (lang, order) => {
        expectSafeCard(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: lang, order, catalog: CATALOG, actions: 'universal' }), BOT_MESSAGE_MAX_BYTES);
        expectSafeCard(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: lang, order, catalog: CATALOG, actions: 'none' }), WEBHOOK_CARD_MAX_BYTES);
      }),
      { numRuns: 60 },
    );
  });

  it('the distributor card (Teams and webhook), the customer status card and the order list', () => {
    fc.assert(
      fc.property(locale, storedOrder, userText, (lang, order, distributorName) => {
        expectSafeCard(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: lang, order, catalog: CATALOG, actions: 'universal' }), BOT_MESSAGE_MAX_BYTES);
        expectSafeCard(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: lang, order, catalog: CATALOG, actions: 'none' }), WEBHOOK_CARD_MAX_BYTES);
        expectSafeCard(buildCustomerStatusCard({ locale: lang, order, catalog: CATALOG, distributorName }), BOT_MESSAGE_MAX_BYTES);
        expectSafeCard(buildOrderListCard({ locale: lang, orders: [order, order] }), BOT_MESSAGE_MAX_BYTES);
      }),
      RUNS,
    );
  });
});
