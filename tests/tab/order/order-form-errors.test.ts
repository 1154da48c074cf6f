import { describe, expect, it } from 'vitest';
import { clientErrors, validationCatalog, visibleErrors } from '../../../src/tab/order/order-form-errors.js';
import { createOrderForm, editField, fieldId, quantityFieldId, touchField } from '../../../src/tab/order/order-form-state.js';
import type { OrderFormState } from '../../../src/tab/order/order-form-state.js';
import { tabConfig, tenantResponse } from '../support/tab-fixtures.js';
import { SAMPLE_ORGANIZATION } from '../../support/order-fixtures.js';

const { catalog, today } = tabConfig;
const submissionId = '6f1b7c1e-4c1a-4c35-9a55-2c1d3f1e9b11';

/** The prefilled demo form with the three things nothing can guess: INN, quantity, date. */
function completeForm(): OrderFormState {
  const form = createOrderForm(tenantResponse(), catalog, submissionId);
  return {
    ...form,
    draft: {
      ...form.draft,
      quantities: { SPB: '25' },
      activationDate: '2026-12-01',
      organization: { ...form.draft.organization, inn: SAMPLE_ORGANIZATION.inn },
    },
  };
}

describe('clientErrors', () => {
  it('finds nothing wrong in a complete form', () => {
    expect(clientErrors(completeForm(), catalog, today).size).toBe(0);
  });

  it('uses the server’s rules: INN check digits, phone, date range, quantity', () => {
    const form = completeForm();
    const broken: OrderFormState = {
      ...form,
      draft: {
        ...form.draft,
        quantities: { SPB: '0' },
        activationDate: '2026-11-01',
        organization: { ...form.draft.organization, inn: '0012345674' },
        contact: { ...form.draft.contact, phone: '+7 300 123-45-67' },
      },
    };
    const errors = clientErrors(broken, catalog, today);
    expect(errors.get(fieldId('organization.inn'))?.ru).toContain('контрольные цифры');
    expect(errors.get(fieldId('contact.phone'))?.en).toContain('valid phone number');
    expect(errors.get(fieldId('activationDate'))?.en).toContain('cannot be earlier than today');
    expect(errors.get(quantityFieldId('SPB'))?.en).toContain('whole number from 1');
  });

  it('asks for at least one subscription', () => {
    const form = completeForm();
    const errors = clientErrors({ ...form, draft: { ...form.draft, selectedSkus: [] } }, catalog, today);
    expect(errors.get('order-lines')?.ru).toBe('Выберите хотя бы одну подписку.');
  });
});

describe('visibleErrors', () => {
  it('shows an error only after its field was left', () => {
    const form = createOrderForm(tenantResponse(), catalog, submissionId);
    expect(visibleErrors(form, catalog, today).has(fieldId('organization.inn'))).toBe(false);
    const left = touchField(form, fieldId('organization.inn'));
    expect(visibleErrors(left, catalog, today).get(fieldId('organization.inn'))?.ru).toBe('Заполните это поле.');
  });

  it('shows every error after a submit', () => {
    const form = { ...createOrderForm(undefined, catalog, submissionId), submitAttempted: true };
    const visible = visibleErrors(form, catalog, today);
    expect([...visible.keys()]).toEqual(
      expect.arrayContaining([fieldId('invitationAccepted'), fieldId('technicalDomain'), 'order-lines', fieldId('contact.email')]),
    );
  });

  it('shows the server’s errors in the tab’s words for known codes, and its message otherwise', () => {
    const form: OrderFormState = {
      ...completeForm(),
      serverErrors: [
        { field: 'organization.inn', code: 'inn_checksum', message: 'The INN check digits do not match.' },
        { field: 'contact.email', code: 'mailbox_unreachable', message: 'Почтовый ящик не существует.' },
      ],
    };
    const visible = visibleErrors(form, catalog, today);
    expect(visible.get(fieldId('organization.inn'))?.ru).toBe('В ИНН ошибка: контрольные цифры не сходятся. Проверьте номер.');
    expect(visible.get(fieldId('contact.email'))).toEqual({ ru: 'Почтовый ящик не существует.', en: 'Почтовый ящик не существует.' });

    const fixed = editField(form, fieldId('contact.email'), (d) => d, catalog);
    expect(visibleErrors(fixed, catalog, today).has(fieldId('contact.email'))).toBe(false);
  });
});

describe('validationCatalog', () => {
  it('is the same object for the same config catalog, so validation reuses its schema', () => {
    expect(validationCatalog(catalog)).toBe(validationCatalog(catalog));
    expect(validationCatalog(catalog).map((item) => item.sku)).toEqual(catalog.map((item) => item.sku));
  });
});
