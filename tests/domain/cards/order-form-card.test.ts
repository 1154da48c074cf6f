import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement, CardInput, ExecuteAction } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import {
  MORE_SKUS_CONTAINER_ID,
  OrderFormInputId,
  TOP_SKU_COUNT,
  buildOrderFormCard,
  orderFormValuesFromOrder,
  orderFromCardInputs,
  quantityInputId,
} from '../../../src/domain/cards/order-form-card.js';
import type { OrderFormValues } from '../../../src/domain/cards/order-form-card.js';
import { orderFormTexts } from '../../../src/domain/cards/card-texts.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { VALIDATION_MESSAGES } from '../../../src/domain/order/validation-messages.js';
import type { FieldError } from '../../../src/domain/order/order.js';
import { validateOrder } from '../../../src/domain/order/order-validation.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { TODAY, cardNodes, catalog } from './card-fixtures.js';
import { orderFormAnswers, SAMPLE_CONTACT, SAMPLE_ORGANIZATION, storedOrder } from '../../support/order-fixtures.js';

const SUBMISSION_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function isInput(node: ReturnType<typeof cardNodes>[number]): node is CardInput {
  return node.type.startsWith('Input.');
}

function inputs(card: AdaptiveCard): CardInput[] {
  return cardNodes(card).filter(isInput);
}

function input(card: AdaptiveCard, id: string): CardInput {
  const found = inputs(card).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

function submitAction(card: AdaptiveCard): ExecuteAction {
  const action = card.actions?.find((candidate) => candidate.type === 'Action.Execute');
  if (action?.type !== 'Action.Execute') throw new Error('no Action.Execute');
  return action;
}

/**
 * What Teams sends for `Action.Execute`: the action's data merged with every
 * input's current value as a string (empty when blank), in card order.
 */
function simulateSubmit(card: AdaptiveCard, typed: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const data: Record<string, unknown> = { ...submitAction(card).data };
  for (const element of inputs(card)) {
    data[element.id] = typed[element.id] ?? (element.value === undefined ? '' : String(element.value));
  }
  return data;
}

/** The elements right after the input with `id` that are error messages. */
function errorsUnder(card: AdaptiveCard, id: string): string[] {
  const body: readonly CardElement[] = card.body;
  const index = body.findIndex((element) => element.id === id);
  const following: string[] = [];
  for (const element of body.slice(index + 1)) {
    if (element.type !== 'TextBlock' || element.color !== 'attention') break;
    following.push(element.text);
  }
  return following;
}

const completeValues: OrderFormValues = orderFormValuesFromOrder(storedOrder());

describe.each<Locale>(['ru', 'en'])('order form card (%s)', (locale) => {
  it('is a valid card when blank', () => {
    const card = buildOrderFormCard({ locale, catalog, today: TODAY, submissionId: SUBMISSION_ID });
    expect(() => expectValidAdaptiveCard(card)).not.toThrow();
  });

  it('is a valid card when prefilled and showing errors', () => {
    const errors: FieldError[] = [
      { field: 'organization.inn', code: 'inn_checksum', message: { ru: 'Ошибка в ИНН', en: 'INN error' } },
      { field: 'lines', code: 'lines_empty', message: { ru: 'Выберите подписку', en: 'Choose one' } },
      { field: '', code: 'invalid_type', message: { ru: 'Неверный тип', en: 'Wrong type' } },
    ];
    const card = buildOrderFormCard({ locale, catalog, today: TODAY, submissionId: SUBMISSION_ID, values: completeValues, errors });
    expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
  });

  it('says at the top why a valid form came back unsent, keeping every value and no "correct the fields" line', () => {
    const notice = { ru: 'Отправьте её снова в 09:01 UTC', en: 'Send it again at 09:01 UTC' };
    const card = buildOrderFormCard({ locale, catalog, today: TODAY, submissionId: SUBMISSION_ID, values: completeValues, notice });
    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(card.body[2]).toMatchObject({ type: 'TextBlock', text: notice[locale], color: 'attention' });
    expect(JSON.stringify(card)).not.toContain(orderFormTexts.fixErrors[locale]);
    expect(JSON.stringify(card)).toContain(completeValues.organization?.inn ?? 'no INN');
  });

  it('asks for all ten items, each input labelled', () => {
    const card = buildOrderFormCard({ locale, catalog, today: TODAY, submissionId: SUBMISSION_ID });
    const ids = inputs(card).map((element) => element.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(OrderFormInputId)));
    expect(ids).toEqual(expect.arrayContaining(catalog.map((item) => quantityInputId(item.sku))));
    for (const element of inputs(card)) expect(element.label, element.id).not.toBe('');
  });

  it('round-trips: prefilled card → inputs → orderFromCardInputs → validateOrder succeeds', () => {
    const order = storedOrder();
    const card = buildOrderFormCard({ locale, catalog, today: TODAY, submissionId: order.submissionId, values: orderFormValuesFromOrder(order) });
    const result = validateOrder(orderFromCardInputs(simulateSubmit(card)), { catalog, today: TODAY });
    expect(result).toEqual({
      ok: true,
      order: {
        submissionId: order.submissionId,
        invitationAccepted: order.invitationAccepted,
        technicalDomain: order.technicalDomain,
        lines: expect.arrayContaining(order.lines.map((line) => expect.objectContaining(line))),
        activationDate: order.activationDate,
        organization: order.organization,
        contact: order.contact,
        subscriptionKind: order.subscriptionKind,
      },
    });
    if (result.ok) expect(result.order.lines).toHaveLength(order.lines.length);
  });

  it('round-trips what a user types into a blank card', () => {
    const card = buildOrderFormCard({ locale, catalog, today: TODAY, submissionId: SUBMISSION_ID });
    const data = simulateSubmit(
      card,
      orderFormAnswers({
        technicalDomain: 'Romashka.onmicrosoft.com',
        lines: [
          { sku: 'SPE_E3', quantity: 10 },
          { sku: 'SPB', quantity: 0 },
        ],
        activationDate: '2026-06-01',
        contact: { ...SAMPLE_CONTACT, phone: '8 (495) 123-45-67', email: 'IT@Romashka.ru' },
        subscriptionKind: 'trialConversion',
      }),
    );
    const result = validateOrder(orderFromCardInputs(data), { catalog, today: TODAY });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order.lines).toEqual([{ sku: 'SPE_E3', quantity: 10 }]);
    expect(result.order.technicalDomain).toBe('romashka.onmicrosoft.com');
    expect(result.order.subscriptionKind).toBe('trialConversion');
    expect(result.order.submissionId).toBe(SUBMISSION_ID);
  });
});

describe('order form client-side validation', () => {
  const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID });

  it('matches the server rules for INN, postal code, domain and e-mail', () => {
    expect(input(card, OrderFormInputId.inn)).toMatchObject({ isRequired: true, regex: '^\\d{10}(\\d{2})?$', maxLength: 12 });
    expect(input(card, OrderFormInputId.postalCode)).toMatchObject({ isRequired: true, regex: '^\\d{6}$', maxLength: 6 });
    const domain = input(card, OrderFormInputId.technicalDomain);
    expect(domain.type === 'Input.Text' && new RegExp(domain.regex ?? '').test('contoso.onmicrosoft.com')).toBe(true);
    expect(domain.type === 'Input.Text' && new RegExp(domain.regex ?? '').test('contoso.com')).toBe(false);
    const email = input(card, OrderFormInputId.contactEmail);
    expect(email.type === 'Input.Text' && new RegExp(email.regex ?? '').test('it@romashka.ru')).toBe(true);
    expect(email.type === 'Input.Text' && new RegExp(email.regex ?? '').test('it@')).toBe(false);
  });

  it('requires every non-quantity input and gives it an error message', () => {
    for (const id of Object.values(OrderFormInputId)) {
      const element = input(card, id);
      expect(element.isRequired, id).toBe(true);
      expect(element.errorMessage, id).toBeTruthy();
    }
  });

  it('limits the activation date to today … a year ahead and quantities to 0 … 100 000', () => {
    expect(input(card, OrderFormInputId.activationDate)).toMatchObject({ min: '2026-05-01', max: '2027-05-01' });
    expect(input(card, quantityInputId('SPB'))).toMatchObject({ type: 'Input.Number', min: 0, max: 100_000 });
    expect(input(card, quantityInputId('SPB')).isRequired).toBeUndefined();
  });

  it('submits with Action.Execute submitOrder and falls back to an equivalent Action.Submit', () => {
    expect(submitAction(card)).toMatchObject({
      verb: CardVerb.submitOrder,
      data: { submissionId: SUBMISSION_ID },
      fallback: { type: 'Action.Submit', data: { verb: CardVerb.submitOrder, submissionId: SUBMISSION_ID } },
    });
  });
});

describe('order form prefill', () => {
  it('fills every input from a stored order, with raw (unescaped) values', () => {
    const order = storedOrder({
      organization: { ...storedOrder().organization, name: '**ООО** [Ромашка](https://evil.example)' },
    });
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: order.submissionId, values: orderFormValuesFromOrder(order) });
    expect(input(card, OrderFormInputId.organizationName).value).toBe('**ООО** [Ромашка](https://evil.example)');
    expect(input(card, OrderFormInputId.inn).value).toBe(SAMPLE_ORGANIZATION.inn);
    expect(input(card, OrderFormInputId.invitationAccepted).value).toBe('true');
    expect(input(card, OrderFormInputId.activationDate).value).toBe('2026-12-01');
    expect(input(card, OrderFormInputId.subscriptionKind).value).toBe('new');
    expect(input(card, quantityInputId('SPB')).value).toBe(25);
    expect(input(card, quantityInputId('ENTERPRISEPACK')).value).toBe(1);
    expect(input(card, quantityInputId('SPE_E3')).value).toBeUndefined();
  });

  it('stays valid when a revised order carries a date that is now in the past', () => {
    const values = orderFormValuesFromOrder(storedOrder({ activationDate: '2026-04-01' }));
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID, values });
    expect(input(card, OrderFormInputId.activationDate).value).toBe('2026-04-01');
    expect(() => expectValidAdaptiveCard(card)).not.toThrow();
  });

  it('leaves out a quantity that is not a number instead of making the card invalid', () => {
    const card = buildOrderFormCard({
      locale: 'en',
      catalog,
      today: TODAY,
      submissionId: SUBMISSION_ID,
      values: { lines: [{ sku: 'SPB', quantity: 'many' }, { sku: 'SPE_E3', quantity: '7' }] },
    });
    expect(input(card, quantityInputId('SPB')).value).toBeUndefined();
    expect(input(card, quantityInputId('SPE_E3')).value).toBe(7);
    expect(() => expectValidAdaptiveCard(card)).not.toThrow();
  });
});

describe('order form error placement', () => {
  const innError: FieldError = {
    field: 'organization.inn',
    code: 'inn_checksum',
    message: { ru: 'В ИНН ошибка', en: 'The INN check digits do not match' },
  };

  it('shows the INN error right after the INN input', () => {
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID, errors: [innError] });
    expect(errorsUnder(card, OrderFormInputId.inn)).toEqual(['В ИНН ошибка']);
    expect(errorsUnder(card, OrderFormInputId.postalCode)).toEqual([]);
    expect(errorsUnder(card, OrderFormInputId.organizationName)).toEqual([]);
  });

  it('puts validateOrder line errors under the input of the SKU on that line, whatever the catalog order', () => {
    const blank = buildOrderFormCard({ locale: 'en', catalog, today: TODAY, submissionId: SUBMISSION_ID });
    // SPE_E3 comes after SPB in the catalog; submitted first, it becomes line 0.
    const submitted = simulateSubmit(blank, { [quantityInputId('SPB')]: '2.5', [quantityInputId('SPE_E3')]: '5' });
    const data: Record<string, unknown> = { [quantityInputId('SPE_E3')]: submitted[quantityInputId('SPE_E3')], ...submitted };
    const values = orderFromCardInputs(data);
    expect(values.lines).toEqual([
      { sku: 'SPE_E3', quantity: 5 },
      { sku: 'SPB', quantity: 2.5 },
    ]);
    const result = validateOrder(values, { catalog, today: TODAY });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((error) => error.field)).toContain('lines.1.quantity');

    const card = buildOrderFormCard({ locale: 'en', catalog, today: TODAY, submissionId: SUBMISSION_ID, values, errors: result.errors });
    expect(errorsUnder(card, quantityInputId('SPB'))).toHaveLength(1);
    expect(errorsUnder(card, quantityInputId('SPE_E3'))).toEqual([]);
    expect(errorsUnder(card, OrderFormInputId.inn).length).toBe(1);
    expect(() => expectValidAdaptiveCard(card)).not.toThrow();
  });

  it('shows an error about the lines as a whole in the subscriptions section', () => {
    const linesError: FieldError = { field: 'lines', code: 'lines_empty', message: { ru: 'Выберите подписку', en: 'Choose one' } };
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID, errors: [linesError] });
    const body = card.body;
    const errorIndex = body.findIndex((element) => element.type === 'TextBlock' && element.text === 'Выберите подписку');
    const firstQuantity = body.findIndex((element) => element.id === quantityInputId(catalog[0]?.sku ?? ''));
    const domainInput = body.findIndex((element) => element.id === OrderFormInputId.technicalDomain);
    expect(errorIndex).toBeGreaterThan(domainInput);
    expect(errorIndex).toBeLessThan(firstQuantity);
  });

  it('lists errors no input can show at the top, under the summary', () => {
    const unknownSkuError: FieldError = { field: 'lines.0.sku', code: 'sku_unknown', message: { ru: 'Нет в каталоге', en: 'Not in catalog' } };
    const rootError: FieldError = { field: 'submissionId', code: 'uuid_format', message: { ru: 'Неверный id', en: 'Bad id' } };
    const card = buildOrderFormCard({
      locale: 'ru',
      catalog,
      today: TODAY,
      submissionId: SUBMISSION_ID,
      values: { lines: [{ sku: 'NOT_OFFERED', quantity: 1 }] },
      errors: [unknownSkuError, rootError],
    });
    const texts = card.body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
    const firstInput = card.body.findIndex((element) => element.type.startsWith('Input.'));
    const rootIndex = card.body.findIndex((element) => element.type === 'TextBlock' && element.text === 'Неверный id');
    expect(rootIndex).toBeGreaterThan(-1);
    expect(rootIndex).toBeLessThan(firstInput);
    expect(texts).toContain('Нет в каталоге');
    expect(texts[2]).toMatch(/Исправьте ошибки/);
  });

  it('places an error on a whole missing object under its first input', () => {
    const contactError: FieldError = { field: 'contact', code: 'required', message: { ru: 'Заполните это поле.', en: 'Required.' } };
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID, errors: [contactError] });
    expect(errorsUnder(card, OrderFormInputId.contactFullName)).toEqual(['Заполните это поле.']);
  });

  it('escapes error messages, which may quote what the user typed', () => {
    const hostile: FieldError = { field: 'technicalDomain', code: 'domain_format', message: { ru: '[x](https://evil)', en: '[x](https://evil)' } };
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID, errors: [hostile] });
    expect(errorsUnder(card, OrderFormInputId.technicalDomain)).toEqual(['\\[x\\]\\(https\\://evil\\)']);
  });
});

describe('orderFromCardInputs', () => {
  it('maps the card inputs onto the order JSON', () => {
    expect(
      orderFromCardInputs({
        submissionId: SUBMISSION_ID,
        verb: 'submitOrder',
        invitationAccepted: 'false',
        technicalDomain: 'a.onmicrosoft.com',
        [quantityInputId('SPB')]: '3',
        [quantityInputId('SPE_E3')]: '',
        [quantityInputId('ENTERPRISEPACK')]: '0',
        [quantityInputId('STANDARDPACK')]: 'ten',
        activationDate: '2026-06-01',
        'organization.name': 'N',
        'organization.inn': 'I',
        'organization.address.postalCode': 'P',
        'organization.address.city': 'C',
        'organization.address.street': 'S',
        'contact.fullName': 'F',
        'contact.phone': 'T',
        'contact.email': 'E',
        subscriptionKind: 'new',
        unrelated: 'ignored',
      }),
    ).toEqual({
      submissionId: SUBMISSION_ID,
      invitationAccepted: false,
      technicalDomain: 'a.onmicrosoft.com',
      lines: [
        { sku: 'SPB', quantity: 3 },
        { sku: 'STANDARDPACK', quantity: 'ten' },
      ],
      activationDate: '2026-06-01',
      organization: { name: 'N', inn: 'I', address: { postalCode: 'P', city: 'C', street: 'S' } },
      contact: { fullName: 'F', phone: 'T', email: 'E' },
      subscriptionKind: 'new',
    });
  });

  it('lets validateOrder report what is missing instead of inventing values', () => {
    const result = validateOrder(orderFromCardInputs({}), { catalog, today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual(
      expect.arrayContaining(['submissionId', 'invitationAccepted', 'lines', 'organization.inn', 'subscriptionKind']),
    );
  });
});

describe('order form: the long catalog', () => {
  it('shows the top offers first and the rest behind a "show all" toggle', () => {
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID });

    const topLevelQuantities = card.body.filter((element) => element.type === 'Input.Number').map((element) => element.id);
    expect(topLevelQuantities).toEqual(catalog.slice(0, TOP_SKU_COUNT).map((item) => quantityInputId(item.sku)));
    const hidden = card.body.find((element) => element.id === MORE_SKUS_CONTAINER_ID);
    expect(hidden).toMatchObject({ type: 'Container', isVisible: false });
    const toggle = cardNodes(card).find((node) => node.type === 'ActionSet');
    expect(JSON.stringify(toggle)).toContain('Action.ToggleVisibility');
    expect(JSON.stringify(toggle)).toContain(`ещё ${catalog.length - TOP_SKU_COUNT}`);
    // Every SKU can still be ordered from the card.
    expect(inputs(card).filter((element) => element.type === 'Input.Number')).toHaveLength(catalog.length);
    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
  });

  it('never hides a SKU that has a quantity', () => {
    const last = catalog[catalog.length - 1];
    if (last === undefined) throw new Error('empty catalog');
    const card = buildOrderFormCard({ locale: 'en', catalog, today: TODAY, submissionId: SUBMISSION_ID, values: { lines: [{ sku: last.sku, quantity: 3 }] } });

    expect(card.body.some((element) => element.id === quantityInputId(last.sku))).toBe(true);
  });

  it('states the quantity range and that an empty line is not ordered', () => {
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID });

    expect(JSON.stringify(card)).toContain('от 1 до 100');
    expect(JSON.stringify(card)).toContain('Пустая строка — подписка не нужна');
  });
});

describe('order form: the invitation question', () => {
  const invitationUrl = 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=60d2bbc8-7aaa-466e-b72d-a90f270a72ee#/BillingAccounts/partner-invitation';

  it('answers «Нет» with how to accept and the invitation button, not a red error', () => {
    const values: OrderFormValues = { invitationAccepted: false };
    const errors = validateOrder({ ...values, submissionId: SUBMISSION_ID }, { catalog, today: TODAY });
    if (errors.ok) throw new Error('expected errors');
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID, values, errors: errors.errors, invitationUrl });

    const text = JSON.stringify(card);
    expect(text).toContain(orderFormTexts.invitationNotYet.ru);
    expect(text).not.toContain(VALIDATION_MESSAGES.invitation_not_accepted.ru);
    expect(cardNodes(card).some((node) => node.type === 'ActionSet' && JSON.stringify(node).includes(invitationUrl))).toBe(true);
    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
  });

  it.each([
    ['detected', orderFormTexts.invitationDetected],
    ['confirmed', orderFormTexts.invitationConfirmed],
  ] as const)('says why "Yes" is prefilled when the relationship is %s', (relationshipLevel, why) => {
    const card = buildOrderFormCard({ locale: 'en', catalog, today: TODAY, submissionId: SUBMISSION_ID, values: { invitationAccepted: true }, relationshipLevel, invitationUrl });

    const texts = cardNodes(card).flatMap((node) => (node.type === 'TextBlock' ? [node.text] : []));
    expect(texts).toContain(why.en);
    expect(texts).not.toContain(orderFormTexts.invitationHowTo.en);
  });
});

describe('order form: the trial to convert', () => {
  it('shows the trial and carries it through the submit action to the order', () => {
    const trial = { sku: 'SPB', licenses: 25, endsOn: '2026-12-13' };
    const card = buildOrderFormCard({ locale: 'ru', catalog, today: TODAY, submissionId: SUBMISSION_ID, values: { subscriptionKind: 'trialConversion', trial } });

    const texts = cardNodes(card).flatMap((node) => (node.type === 'TextBlock' ? [node.text] : []));
    expect(texts.some((text) => text.includes('Microsoft 365 Business Premium, 25 лицензий, действует до 13\\.12\\.2026'))).toBe(true);
    expect(orderFromCardInputs(simulateSubmit(card)).trial).toEqual(trial);
  });
});
