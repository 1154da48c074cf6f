import { describe, expect, it } from 'vitest';
import {
  LINES_GROUP_ID,
  ORDER_ROOT_ERROR_ID,
  chooseTrial,
  createOrderForm,
  editField,
  errorTargetId,
  fieldId,
  orderInput,
  quantityFieldId,
  selectSku,
  touchField,
} from '../../../src/tab/order/order-form-state.js';
import type { OrderFormState } from '../../../src/tab/order/order-form-state.js';
import { tabConfig, tenantResponse } from '../support/tab-fixtures.js';
import { SAMPLE_ORGANIZATION } from '../../support/order-fixtures.js';

const { catalog } = tabConfig;
const submissionId = '6f1b7c1e-4c1a-4c35-9a55-2c1d3f1e9b11';

describe('createOrderForm', () => {
  it('prefills from the tenant and suggests converting its trial', () => {
    const form = createOrderForm(tenantResponse(), catalog, submissionId);
    expect(form.prefilled).toBe(true);
    expect(form.submissionId).toBe(submissionId);
    expect(form.draft).toMatchObject({
      invitationAccepted: true,
      technicalDomain: 'romashka.onmicrosoft.com',
      selectedSkus: ['SPB'],
      quantities: {},
      activationDate: '',
      organization: { ...SAMPLE_ORGANIZATION, inn: '' },
      contact: { fullName: 'Иванов Иван Иванович', phone: '+7 916 123-45-67', email: 'i.ivanov@romashka.ru' },
      subscriptionKind: 'trialConversion',
      trialId: 'trial-spb',
    });
    expect(form.trials.map((trial) => trial.id)).toEqual(['trial-spb']);
  });

  it('starts empty without tenant facts', () => {
    const form = createOrderForm(undefined, catalog, submissionId);
    expect(form.prefilled).toBe(false);
    expect(form.draft.invitationAccepted).toBe(false);
    expect(form.draft.subscriptionKind).toBe('');
    expect(form.trials).toEqual([]);
  });

  it('prefills the contact and the technical domain from the Teams context when Graph has nothing', () => {
    const user = { name: 'Смирнова Ольга Петровна', email: 'o.smirnova@romashka.ru', userPrincipalName: 'o.smirnova@romashka.onmicrosoft.com' };
    const form = createOrderForm(undefined, catalog, submissionId, user);
    expect(form.prefilled).toBe(true);
    expect(form.draft.contact).toEqual({ fullName: 'Смирнова Ольга Петровна', phone: '', email: 'o.smirnova@romashka.ru' });
    expect(form.draft.technicalDomain).toBe('romashka.onmicrosoft.com');
  });

  it('lets Graph win over the Teams context', () => {
    const form = createOrderForm(tenantResponse(), catalog, submissionId, { name: 'Someone Else', email: 'else@example.com', userPrincipalName: 'else@other.onmicrosoft.com' });
    expect(form.draft.contact.fullName).toBe('Иванов Иван Иванович');
    expect(form.draft.contact.email).toBe('i.ivanov@romashka.ru');
    expect(form.draft.technicalDomain).toBe('romashka.onmicrosoft.com');
  });

  it('does not claim the invitation is accepted when no evidence was found', () => {
    const tenant = tenantResponse({ relationship: { level: 'notFound', evidence: [] } });
    expect(createOrderForm(tenant, catalog, submissionId).draft.invitationAccepted).toBe(false);
  });
});

describe('orderInput', () => {
  it('sends the ticked SKUs in catalog order with numeric quantities, and an empty quantity as absent', () => {
    let form = createOrderForm(undefined, catalog, submissionId);
    form = editField(form, LINES_GROUP_ID, (d) => selectSku(selectSku(d, 'EXCHANGESTANDARD', true), 'O365_BUSINESS_ESSENTIALS', true), catalog);
    form = editField(form, quantityFieldId('EXCHANGESTANDARD'), (d) => ({ ...d, quantities: { ...d.quantities, EXCHANGESTANDARD: ' 12 ' } }), catalog);

    expect(orderInput(form, catalog)).toMatchObject({
      submissionId,
      lines: [
        { sku: 'O365_BUSINESS_ESSENTIALS', quantity: undefined },
        { sku: 'EXCHANGESTANDARD', quantity: 12 },
      ],
    });
    expect(orderInput(form, catalog)).not.toHaveProperty('subscriptionKind');
  });

  it('keeps a quantity when its SKU is unticked and ticked again', () => {
    let form = createOrderForm(undefined, catalog, submissionId);
    form = editField(form, LINES_GROUP_ID, (d) => selectSku(d, 'SPB', true), catalog);
    form = editField(form, quantityFieldId('SPB'), (d) => ({ ...d, quantities: { SPB: '7' } }), catalog);
    form = editField(form, LINES_GROUP_ID, (d) => selectSku(d, 'SPB', false), catalog);
    expect(orderInput(form, catalog)['lines']).toEqual([]);
    form = editField(form, LINES_GROUP_ID, (d) => selectSku(d, 'SPB', true), catalog);
    expect(orderInput(form, catalog)['lines']).toEqual([{ sku: 'SPB', quantity: 7 }]);
  });
});

describe('chooseTrial', () => {
  const { subscriptions } = tenantResponse();
  const trial = subscriptions.status === 'ok' ? subscriptions.value[0] : undefined;

  it('sends the picked trial with a conversion, so it reaches the distributor', () => {
    const form = createOrderForm(tenantResponse(), catalog, submissionId);
    expect(orderInput(form, catalog)['trial']).toEqual({ sku: 'SPB', licenses: 25, endsOn: '2026-12-13' });
    const asNew = { ...form, draft: { ...form.draft, subscriptionKind: 'new' as const } };
    expect(orderInput(asNew, catalog)['trial']).toBeUndefined();
  });

  it('switches to a trial conversion and ticks the trial’s SKU when it is offered', () => {
    if (!trial) throw new Error('fixture has a trial');
    const draft = chooseTrial(createOrderForm(undefined, catalog, submissionId).draft, trial, catalog);
    expect(draft).toMatchObject({ subscriptionKind: 'trialConversion', trialId: 'trial-spb', selectedSkus: ['SPB'] });
  });

  it('ticks nothing for a trial the distributor does not offer', () => {
    if (!trial) throw new Error('fixture has a trial');
    const draft = chooseTrial(createOrderForm(undefined, catalog, submissionId).draft, { ...trial, skuPartNumber: 'FLOW_FREE' }, catalog);
    expect(draft.selectedSkus).toEqual([]);
    expect(draft.subscriptionKind).toBe('trialConversion');
  });
});

describe('errorTargetId', () => {
  const draft = selectSku(selectSku(createOrderForm(undefined, catalog, submissionId).draft, 'EXCHANGESTANDARD', true), 'SPB', true);

  it('maps dotted paths to the inputs they concern', () => {
    expect(errorTargetId('organization.address.postalCode', draft, catalog)).toBe('order-organization-address-postalCode');
    expect(errorTargetId('contact.email', draft, catalog)).toBe(fieldId('contact.email'));
    expect(errorTargetId('lines', draft, catalog)).toBe(LINES_GROUP_ID);
  });

  it('maps a line’s index to its SKU in catalog order', () => {
    expect(errorTargetId('lines.0.quantity', draft, catalog)).toBe(quantityFieldId('SPB'));
    expect(errorTargetId('lines.1.quantity', draft, catalog)).toBe(quantityFieldId('EXCHANGESTANDARD'));
  });

  it('puts errors of no input at the top of the form', () => {
    expect(errorTargetId('submissionId', draft, catalog)).toBe(ORDER_ROOT_ERROR_ID);
    expect(errorTargetId('', draft, catalog)).toBe(ORDER_ROOT_ERROR_ID);
  });

  it('gives SKUs with unusual characters a safe id', () => {
    expect(quantityFieldId('POWER BI "PRO"')).toBe('order-line-POWER_BI__PRO_');
  });
});

describe('editField and touchField', () => {
  const withServerErrors = (form: OrderFormState): OrderFormState => ({
    ...form,
    serverErrors: [
      { field: 'organization.inn', code: 'inn_checksum', message: 'В ИНН ошибка' },
      { field: 'lines.0.quantity', code: 'quantity_invalid', message: 'Количество' },
    ],
  });

  it('drops the server error of the edited field only', () => {
    const form = withServerErrors(createOrderForm(tenantResponse(), catalog, submissionId));
    const edited = editField(form, fieldId('organization.inn'), (d) => ({ ...d, organization: { ...d.organization, inn: SAMPLE_ORGANIZATION.inn } }), catalog);
    expect(edited.serverErrors.map((error) => error.field)).toEqual(['lines.0.quantity']);
    expect(edited.draft.organization.inn).toBe(SAMPLE_ORGANIZATION.inn);
  });

  it('drops line errors once the selection changes, as their indexes no longer match', () => {
    const form = withServerErrors(createOrderForm(tenantResponse(), catalog, submissionId));
    const edited = editField(form, LINES_GROUP_ID, (d) => selectSku(d, 'O365_BUSINESS_ESSENTIALS', true), catalog);
    expect(edited.serverErrors.map((error) => error.field)).toEqual(['organization.inn']);
  });

  it('marks fields touched on blur, or on change when asked', () => {
    const form = createOrderForm(undefined, catalog, submissionId);
    expect(touchField(form, fieldId('contact.phone')).touched.has(fieldId('contact.phone'))).toBe(true);
    const touched = editField(form, fieldId('subscriptionKind'), (d) => ({ ...d, subscriptionKind: 'new' }), catalog, { touch: true });
    expect(touched.touched.has(fieldId('subscriptionKind'))).toBe(true);
    expect(editField(form, fieldId('contact.phone'), (d) => d, catalog).touched.size).toBe(0);
  });
});
