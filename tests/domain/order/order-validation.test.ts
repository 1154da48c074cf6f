import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/domain/catalog/catalog.js';
import {
  ORDER_LIMITS,
  createOrderSchema,
  localizeErrors,
  validateOrder,
} from '../../../src/domain/order/order-validation.js';
import type { OrderValidationContext } from '../../../src/domain/order/order-validation.js';
import type { FieldError } from '../../../src/domain/order/order.js';
import { orderInput, SAMPLE_CONTACT, SAMPLE_ORGANIZATION } from '../../support/order-fixtures.js';

const catalog: Catalog = [
  { sku: 'O365_BUSINESS_PREMIUM', skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3', displayName: 'Microsoft 365 Business Standard' },
  { sku: 'SPB', skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', displayName: 'Microsoft 365 Business Premium' },
  { sku: 'EXCHANGESTANDARD', skuId: '4b9405b0-7788-4568-add1-99614e613b69', displayName: 'Exchange Online (Plan 1)' },
];
const context: OrderValidationContext = { catalog, today: '2026-05-10' };

/** The sample order with untidy but valid user input. */
function validInput(): Record<string, unknown> {
  return orderInput({
    submissionId: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
    technicalDomain: ' Romashka.OnMicrosoft.com ',
    lines: [
      { sku: 'O365_BUSINESS_PREMIUM', quantity: 25 },
      { sku: ' SPB ', quantity: 1 },
    ],
    organization: {
      name: '  ООО «Ромашка»  ',
      inn: ' 0012345673 ',
      address: { ...SAMPLE_ORGANIZATION.address, city: ' Москва ' },
    },
    contact: { fullName: 'Иванов Иван Иванович ', phone: '+7 495 123-45-67', email: ' It@Romashka.RU ' },
  });
}

const REMOVE = Symbol('remove');

/** A valid input with one value at a dotted path replaced (or removed). */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const input = validInput();
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let target: Record<string, unknown> = input;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === REMOVE) Reflect.deleteProperty(target, last);
  else target[last] = value;
  return input;
}

function errorsOf(input: unknown, ctx: OrderValidationContext = context): { field: string; code: string }[] {
  const result = validateOrder(input, ctx);
  if (result.ok) return [];
  return result.errors.map(({ field, code }) => ({ field, code }));
}

describe('validateOrder: a valid order', () => {
  it('passes and comes back normalized, without unknown keys', () => {
    const result = validateOrder({ ...validInput(), tenantId: 'from-the-body', status: 'completed' }, context);
    expect(result).toEqual({
      ok: true,
      order: {
        submissionId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
        invitationAccepted: true,
        technicalDomain: 'romashka.onmicrosoft.com',
        lines: [
          { sku: 'O365_BUSINESS_PREMIUM', quantity: 25 },
          { sku: 'SPB', quantity: 1 },
        ],
        activationDate: '2026-12-01',
        organization: SAMPLE_ORGANIZATION,
        contact: { ...SAMPLE_CONTACT, email: 'It@romashka.ru' },
        subscriptionKind: 'new',
      },
    });
  });

  it.each([
    ['organization.inn', '500100732259'],
    ['organization.name', 'О'.repeat(ORDER_LIMITS.organizationNameLength)],
    ['organization.address.street', 'у'.repeat(ORDER_LIMITS.textLength)],
    ['subscriptionKind', 'trialConversion'],
    ['activationDate', '2026-05-10'],
    ['activationDate', '2027-05-10'],
    ['lines.0.quantity', ORDER_LIMITS.maxQuantity],
    ['technicalDomain', 'a.onmicrosoft.com'],
    ['technicalDomain', `${'a'.repeat(63)}.onmicrosoft.com`],
    ['contact.email', 'ivan.ivanov+orders@mail.example.ru'],
    ['contact.email', 'it@ромашка.рф'],
    ['contact.email', 'it@xn--80aswg.xn--p1ai'],
  ])('accepts %s = %j at the edge of its rule', (path, value) => {
    expect(errorsOf(withValue(path, value))).toEqual([]);
  });

  it.each([
    ['8 (495) 123-45-67', '+74951234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['4951234567', '+74951234567'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('stores phone %j as E.164 %s', (phone, e164) => {
    const result = validateOrder(withValue('contact.phone', phone), context);
    expect(result.ok && result.order.contact.phone).toBe(e164);
  });

  it.each([
    ['it@xn--80aswg.xn--p1ai', 'it@сайт.рф'],
    ['Maria@XN--E1AFMKFD.XN--P1AI', 'Maria@пример.рф'],
    ['it@Ромашка.РФ', 'it@ромашка.рф'],
  ])('stores e-mail %j with its domain in Unicode, as typed: %s', (email, stored) => {
    const result = validateOrder(withValue('contact.email', email), context);
    expect(result.ok && result.order.contact.email).toBe(stored);
  });
});

describe('validateOrder: one rule at a time', () => {
  it.each([
    // required, type and general text rules
    ['organization.name', REMOVE, 'required'],
    ['organization.name', null, 'required'],
    ['organization.address.city', '   ', 'required'],
    ['contact.fullName', 42, 'invalid_type'],
    ['organization.name', 'О'.repeat(ORDER_LIMITS.organizationNameLength + 1), 'too_long'],
    ['organization.address.street', 'у'.repeat(ORDER_LIMITS.textLength + 1), 'too_long'],
    ['contact.fullName', 'Иванов\tИван', 'control_characters'],
    ['organization.address.street', 'ул. Мясницкая,\nд. 1', 'control_characters'],
    ['organization.name', 'ООО\u0000Ромашка', 'control_characters'],
    // INN
    ['organization.inn', '770708389', 'inn_format'],
    ['organization.inn', '77070838931', 'inn_format'],
    ['organization.inn', '7707 083 893', 'inn_format'],
    ['organization.inn', '7707083894', 'inn_checksum'],
    ['organization.inn', '500100732258', 'inn_checksum'],
    // address
    ['organization.address.postalCode', '10100', 'postal_code_format'],
    ['organization.address.postalCode', '1010000', 'postal_code_format'],
    ['organization.address.postalCode', '1O1000', 'postal_code_format'],
    // contact
    ['contact.phone', '12345', 'phone_invalid'],
    ['contact.phone', '+7 300 123-45-67', 'phone_invalid'],
    ['contact.phone', 'звоните: +7 495 123-45-67', 'phone_invalid'],
    ['contact.email', 'it@romashka', 'email_invalid'],
    ['contact.email', 'it romashka.ru', 'email_invalid'],
    ['contact.email', 'it@@romashka.ru', 'email_invalid'],
    ['contact.email', 'it@localhost', 'email_invalid'],
    ['contact.email', '.it@romashka.ru', 'email_invalid'],
    // activation date
    ['activationDate', '2026-02-30', 'date_format'],
    ['activationDate', '01.12.2026', 'date_format'],
    ['activationDate', 20261201, 'invalid_type'],
    ['activationDate', '2026-05-09', 'date_in_past'],
    ['activationDate', '2027-05-11', 'date_too_far'],
    // lines
    ['lines', [], 'lines_empty'],
    ['lines', { sku: 'SPB', quantity: 1 }, 'invalid_type'],
    ['lines.0.sku', 'SPE_E5', 'sku_unknown'],
    ['lines.0.sku', 'o365_business_premium', 'sku_unknown'],
    ['lines.1.sku', 'O365_BUSINESS_PREMIUM', 'sku_duplicate'],
    ['lines.0.quantity', 0, 'quantity_invalid'],
    ['lines.0.quantity', -5, 'quantity_invalid'],
    ['lines.0.quantity', 2.5, 'quantity_invalid'],
    ['lines.0.quantity', ORDER_LIMITS.maxQuantity + 1, 'quantity_invalid'],
    ['lines.0.quantity', '25', 'invalid_type'],
    ['lines.0.quantity', Number.NaN, 'invalid_type'],
    ['lines.1', null, 'required'],
    // technical domain
    ['technicalDomain', 'romashka.ru', 'domain_format'],
    ['technicalDomain', 'romashka', 'domain_format'],
    ['technicalDomain', '-romashka.onmicrosoft.com', 'domain_format'],
    ['technicalDomain', 'romashka-.onmicrosoft.com', 'domain_format'],
    ['technicalDomain', 'mail.romashka.onmicrosoft.com', 'domain_format'],
    ['technicalDomain', 'ромашка.onmicrosoft.com', 'domain_format'],
    ['technicalDomain', `${'a'.repeat(64)}.onmicrosoft.com`, 'domain_format'],
    ['technicalDomain', 'https://romashka.onmicrosoft.com', 'domain_format'],
    // kind, invitation, submission id
    ['subscriptionKind', 'trial', 'invalid_value'],
    ['subscriptionKind', REMOVE, 'required'],
    ['invitationAccepted', false, 'invitation_not_accepted'],
    ['invitationAccepted', 'true', 'invalid_type'],
    ['invitationAccepted', REMOVE, 'required'],
    ['submissionId', 'order-1', 'uuid_format'],
    ['submissionId', '3f2504e0-4f89-41d3-9a0c-0305e82c330', 'uuid_format'],
  ])('%s = %j gives %s', (path, value, code) => {
    expect(errorsOf(withValue(path, value))).toEqual([{ field: path, code }]);
  });

  it('reports a list of more than 20 lines on the list', () => {
    const lines = Array.from({ length: ORDER_LIMITS.maxLines + 1 }, () => ({ sku: 'SPB', quantity: 1 }));
    expect(errorsOf(withValue('lines', lines))).toEqual([{ field: 'lines', code: 'lines_too_many' }]);
  });

  it('accepts exactly 20 lines', () => {
    const many: Catalog = Array.from({ length: ORDER_LIMITS.maxLines }, (_, i) => ({ sku: `SKU_${i}`, skuId: `${i}`, displayName: `Plan ${i}` }));
    const lines = many.map((item) => ({ sku: item.sku, quantity: 1 }));
    expect(errorsOf(withValue('lines', lines), { catalog: many, today: context.today })).toEqual([]);
  });

  it('reports each repeat of a SKU on the later line', () => {
    const lines = [
      { sku: 'SPB', quantity: 1 },
      { sku: 'EXCHANGESTANDARD', quantity: 1 },
      { sku: 'SPB ', quantity: 2 },
      { sku: 'SPB', quantity: 3 },
    ];
    expect(errorsOf(withValue('lines', lines))).toEqual([
      { field: 'lines.2.sku', code: 'sku_duplicate' },
      { field: 'lines.3.sku', code: 'sku_duplicate' },
    ]);
  });

  it('reports duplicates even when another line has a type error', () => {
    const lines = [
      { sku: 'SPB', quantity: 2.5 },
      { sku: 'SPB', quantity: '3' },
      { sku: 7, quantity: 1 },
    ];
    expect(errorsOf(withValue('lines', lines))).toEqual([
      { field: 'lines.0.quantity', code: 'quantity_invalid' },
      { field: 'lines.1.quantity', code: 'invalid_type' },
      { field: 'lines.2.sku', code: 'invalid_type' },
      { field: 'lines.1.sku', code: 'sku_duplicate' },
    ]);
  });

  it('reports only the first broken rule of a field', () => {
    // Empty after trimming: "required", not also "inn_format".
    expect(errorsOf(withValue('organization.inn', '   '))).toEqual([{ field: 'organization.inn', code: 'required' }]);
    // Too long and not a date: the length comes first.
    expect(errorsOf(withValue('activationDate', 'x'.repeat(300)))).toEqual([{ field: 'activationDate', code: 'too_long' }]);
  });

  it('judges the activation date against the given today', () => {
    const input = withValue('activationDate', '2026-05-10');
    expect(errorsOf(input, { catalog, today: '2026-05-10' })).toEqual([]);
    expect(errorsOf(input, { catalog, today: '2026-05-11' })).toEqual([{ field: 'activationDate', code: 'date_in_past' }]);
  });
});

describe('validateOrder: many problems at once', () => {
  it('reports every invalid field in one answer', () => {
    const input = {
      submissionId: 'abc',
      invitationAccepted: false,
      technicalDomain: 'romashka.ru',
      lines: [
        { sku: 'NOPE', quantity: 1 },
        { sku: 'SPB', quantity: 0 },
      ],
      activationDate: '2026-05-01',
      organization: { name: '', inn: '7707083894', address: { postalCode: '1010', city: 'Москва', street: 5 } },
      contact: { fullName: 'Иванов Иван', phone: 'нет', email: 'it@' },
      subscriptionKind: 'renewal',
    };
    expect(errorsOf(input)).toEqual([
      { field: 'submissionId', code: 'uuid_format' },
      { field: 'invitationAccepted', code: 'invitation_not_accepted' },
      { field: 'technicalDomain', code: 'domain_format' },
      { field: 'lines.0.sku', code: 'sku_unknown' },
      { field: 'lines.1.quantity', code: 'quantity_invalid' },
      { field: 'activationDate', code: 'date_in_past' },
      { field: 'organization.name', code: 'required' },
      { field: 'organization.inn', code: 'inn_checksum' },
      { field: 'organization.address.postalCode', code: 'postal_code_format' },
      { field: 'organization.address.street', code: 'invalid_type' },
      { field: 'contact.phone', code: 'phone_invalid' },
      { field: 'contact.email', code: 'email_invalid' },
      { field: 'subscriptionKind', code: 'invalid_value' },
    ]);
  });

  it('gives every error a message in both languages', () => {
    const result = validateOrder(withValue('organization.inn', '7707083894'), context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [error] = result.errors;
    expect(error?.message.ru).toContain('ИНН');
    expect(error?.message.en).toContain('INN');
  });
});

describe('validateOrder: garbage in', () => {
  it.each([null, undefined, [], 'order', 42, true, [validInput()]])('answers %j with one root error', (input) => {
    expect(errorsOf(input)).toEqual([{ field: '', code: 'invalid_type' }]);
  });

  it('answers an empty object with every top-level field required', () => {
    expect(errorsOf({}).map((error) => `${error.field}:${error.code}`)).toEqual([
      'submissionId:required',
      'invitationAccepted:required',
      'technicalDomain:required',
      'lines:required',
      'activationDate:required',
      'organization:required',
      'contact:required',
      'subscriptionKind:required',
    ]);
  });

  it('answers deeply wrong types with errors, never an exception', () => {
    const input = {
      submissionId: { id: 1 },
      invitationAccepted: 1,
      technicalDomain: ['romashka.onmicrosoft.com'],
      lines: [[], 'SPB', { sku: { toString: 'SPB' }, quantity: { valueOf: 1 } }],
      activationDate: new Date('2026-12-01'),
      organization: 'ООО «Ромашка»',
      contact: { fullName: Symbol('x'), phone: 74951234567, email: null, __proto__: { polluted: true } },
      subscriptionKind: ['new'],
    };
    expect(errorsOf(input).map((error) => `${error.field}:${error.code}`)).toEqual([
      'submissionId:invalid_type',
      'invitationAccepted:invalid_type',
      'technicalDomain:invalid_type',
      'lines.0:invalid_type',
      'lines.1:invalid_type',
      'lines.2.sku:invalid_type',
      'lines.2.quantity:invalid_type',
      'activationDate:invalid_type',
      'organization:invalid_type',
      'contact.fullName:invalid_type',
      'contact.phone:invalid_type',
      'contact.email:required',
      'subscriptionKind:invalid_value',
    ]);
  });
});

describe('createOrderSchema', () => {
  it('is the schema validateOrder uses', () => {
    const schema = createOrderSchema(context);
    expect(schema.safeParse(validInput()).success).toBe(true);
    expect(schema.safeParse(withValue('organization.inn', '7707083894')).success).toBe(false);
  });
});

describe('localizeErrors', () => {
  const errors: FieldError[] = [
    { field: 'organization.inn', code: 'inn_checksum', message: { ru: 'Ошибка в ИНН.', en: 'INN error.' } },
  ];

  it('picks the text of the locale', () => {
    expect(localizeErrors(errors, 'ru')).toEqual([{ field: 'organization.inn', code: 'inn_checksum', message: 'Ошибка в ИНН.' }]);
    expect(localizeErrors(errors, 'en')).toEqual([{ field: 'organization.inn', code: 'inn_checksum', message: 'INN error.' }]);
  });
});

describe('validateOrder: the trial a conversion is for', () => {
  const trial = { sku: 'SPB', licenses: 25, endsOn: '2026-12-13' };

  it('keeps the picked trial with a trial conversion', () => {
    const result = validateOrder({ ...validInput(), subscriptionKind: 'trialConversion', trial }, context);
    expect(result.ok && result.order.trial).toEqual(trial);
  });

  it('drops a trial sent with a new subscription', () => {
    const result = validateOrder({ ...validInput(), trial }, context);
    expect(result.ok && 'trial' in result.order).toBe(false);
  });

  it('rejects a trial with a malformed end date, by its path', () => {
    const result = validateOrder({ ...validInput(), subscriptionKind: 'trialConversion', trial: { ...trial, endsOn: '13.12.2026' } }, context);
    expect(result.ok ? [] : result.errors.map((error) => [error.field, error.code])).toEqual([['trial.endsOn', 'date_format']]);
  });
});
