// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserHost, fakeApi, renderTab, setUpDom, tearDownDom } from '../support/render-tab.js';
import type { RenderedTab } from '../support/render-tab.js';
import { tenantResponse } from '../support/tab-fixtures.js';
import { errorOf, input, type } from '../support/form-inputs.js';
import { orderView, SAMPLE_ORGANIZATION } from '../../support/order-fixtures.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

async function leave(tab: RenderedTab, id: string): Promise<void> {
  await act(async () => input(tab, id).blur());
}

async function openOrderForm(tab: RenderedTab): Promise<void> {
  await tab.openStep('Заявка');
  await tab.waitFor(() => tab.container.querySelector('#order-form') !== null, 'the order form');
}

async function completeForm(tab: RenderedTab): Promise<void> {
  await type(tab, 'order-organization-inn', SAMPLE_ORGANIZATION.inn);
  await type(tab, 'order-line-SPB', '25');
  await type(tab, 'order-activationDate', '2026-12-01');
}

const submitButton = (tab: RenderedTab) => tab.button(/Отправить заявку/);

describe('step 4, the order form', () => {
  it('is prefilled from the tenant: domain, organization, address, contact, the trial to convert', async () => {
    const tab = await renderTab();
    await openOrderForm(tab);

    expect(input(tab, 'order-invitationAccepted').checked).toBe(true);
    expect(input(tab, 'order-technicalDomain').value).toBe('romashka.onmicrosoft.com');
    expect(input(tab, 'order-organization-name').value).toBe(SAMPLE_ORGANIZATION.name);
    expect(input(tab, 'order-organization-inn').value).toBe('');
    expect(input(tab, 'order-organization-address-postalCode').value).toBe('101000');
    expect(input(tab, 'order-contact-fullName').value).toBe('Иванов Иван Иванович');
    expect(input(tab, 'order-contact-phone').value).toBe('+7 916 123-45-67');
    expect(input(tab, 'order-contact-email').value).toBe('i.ivanov@romashka.ru');
    expect(input(tab, 'order-line-SPB-selected').checked).toBe(true);
    expect(tab.text()).toContain('Microsoft 365 Business Premium, 25 лицензий, пробный период до 13.12.2026');
    const kind = tab.container.querySelector<HTMLInputElement>('#order-subscriptionKind input[value="trialConversion"]');
    expect(kind?.checked).toBe(true);
  });

  it('checks a field when it is left, with the server’s rules, and marks it invalid for assistive tech', async () => {
    const tab = await renderTab();
    await openOrderForm(tab);

    await type(tab, 'order-organization-inn', '0012345674');
    expect(errorOf(tab, 'order-organization-inn')).toBeUndefined();
    await leave(tab, 'order-organization-inn');

    expect(input(tab, 'order-organization-inn').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(tab, 'order-organization-inn')).toBe('В ИНН ошибка: контрольные цифры не сходятся. Проверьте номер.');

    await type(tab, 'order-organization-inn', SAMPLE_ORGANIZATION.inn);
    expect(input(tab, 'order-organization-inn').hasAttribute('aria-invalid')).toBe(false);
    expect(errorOf(tab, 'order-organization-inn')).toBeUndefined();
  });

  it('on submit shows every error and focuses the first invalid field, sending nothing', async () => {
    const api = fakeApi();
    const tab = await renderTab({ fetchApi: api.fetch });
    await openOrderForm(tab);

    await act(async () => submitButton(tab)?.click());

    expect(tab.text()).toContain('Исправьте ошибки в отмеченных полях');
    expect(document.activeElement?.id).toBe('order-line-SPB');
    expect(errorOf(tab, 'order-organization-inn')).toBe('Заполните это поле.');
    expect(errorOf(tab, 'order-activationDate')).toBe('Заполните это поле.');
    expect(api.created).toHaveLength(0);
  });

  it('submits once however often it is clicked, then shows the order number and status', async () => {
    let answer: (response: Response) => void = () => undefined;
    const api = fakeApi({ submitOrder: () => new Promise((resolve) => (answer = resolve)) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await openOrderForm(tab);
    await completeForm(tab);

    await act(async () => {
      submitButton(tab)?.click();
      submitButton(tab)?.click();
    });
    await act(async () => submitButton(tab)?.click());
    expect(api.created).toHaveLength(1);
    expect(tab.text()).toContain('Отправляем заявку…');

    await act(async () => answer(Response.json(orderView(), { status: 201 })));
    await tab.waitFor(() => tab.text().includes('Заявка CSP-7K2M9Q4X отправлена'), 'the success panel');
    expect(tab.text()).toContain('Статус:Отправлена');
    expect(document.activeElement?.id).toBe('order-success-title');

    expect(api.created[0]).toEqual({
      submissionId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      invitationAccepted: true,
      technicalDomain: 'romashka.onmicrosoft.com',
      lines: [{ sku: 'SPB', quantity: 25 }],
      activationDate: '2026-12-01',
      organization: SAMPLE_ORGANIZATION,
      contact: { fullName: 'Иванов Иван Иванович', phone: '+7 916 123-45-67', email: 'i.ivanov@romashka.ru' },
      subscriptionKind: 'trialConversion',
      trial: { sku: 'SPB', licenses: 25, endsOn: '2026-12-13' },
    });
  });

  it('resends with the same submissionId after a failure, and gets a new one for the next order', async () => {
    const answers = [
      Response.json({ errors: [{ field: '', code: 'internal_error', message: 'Internal error' }] }, { status: 500 }),
      Response.json(orderView(), { status: 201 }),
      Response.json(orderView({ id: 'CSP-SECOND01' }), { status: 201 }),
    ];
    const api = fakeApi({ submitOrder: () => answers.shift() ?? new Response(null, { status: 500 }) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await openOrderForm(tab);
    await completeForm(tab);

    await act(async () => submitButton(tab)?.click());
    await tab.waitFor(() => tab.text().includes('Заявка не отправлена'), 'the failure');
    expect(tab.text()).toContain('Повторная отправка не создаст вторую заявку.');

    await act(async () => tab.button('Отправить ещё раз')?.click());
    await tab.waitFor(() => tab.text().includes('Заявка CSP-7K2M9Q4X отправлена'), 'the success panel');

    await act(async () => tab.button('Оформить ещё одну заявку')?.click());
    await tab.waitFor(() => tab.container.querySelector('#order-form') !== null, 'a new form');
    await completeForm(tab);
    await act(async () => submitButton(tab)?.click());
    await tab.waitFor(() => tab.text().includes('Заявка CSP-SECOND01 отправлена'), 'the second order');

    const ids = api.created.map((body) => (body as { submissionId: string }).submissionId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('shows the server’s 422 errors under their fields', async () => {
    const api = fakeApi({
      submitOrder: () =>
        Response.json({ errors: [{ field: 'contact.email', code: 'email_invalid', message: 'Укажите корректный адрес' }] }, { status: 422 }),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await openOrderForm(tab);
    await completeForm(tab);

    await act(async () => submitButton(tab)?.click());
    await tab.waitFor(() => errorOf(tab, 'order-contact-email') !== undefined, 'the server error');
    expect(errorOf(tab, 'order-contact-email')).toBe('Укажите корректный адрес электронной почты, например it@romashka.ru.');
    expect(document.activeElement?.id).toBe('order-contact-email');
  });

  it('keeps what was typed when the admin visits another step and comes back', async () => {
    const tab = await renderTab();
    await openOrderForm(tab);
    await type(tab, 'order-organization-inn', SAMPLE_ORGANIZATION.inn);
    await tab.openStep('Технический домен');
    await openOrderForm(tab);
    expect(input(tab, 'order-organization-inn').value).toBe(SAMPLE_ORGANIZATION.inn);
  });

  it('still offers an empty form when the tenant’s facts could not be read', async () => {
    const api = fakeApi({ tenant: () => Response.json({ errors: [{ field: '', code: 'graph_token_failed', message: '…' }] }, { status: 500 }) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await openOrderForm(tab);
    expect(tab.text()).toContain('Сведения об организации не загрузились');
    expect(input(tab, 'order-organization-name').value).toBe('');
  });

  it('explains why "accepted" is already ticked when the relationship is detected', async () => {
    const tab = await renderTab();
    await openOrderForm(tab);

    expect(input(tab, 'order-invitationAccepted').checked).toBe(true);
    expect(tab.text()).toContain('Microsoft 365 показывает, что ваша организация уже работает с дистрибьютором');
    expect(tab.container.querySelector('#order-invitation-not-yet')).toBeNull();
  });

  it('answers an unticked invitation with how to accept it, not with an error, and sends nothing', async () => {
    const api = fakeApi();
    const tab = await renderTab({ fetchApi: api.fetch });
    await openOrderForm(tab);
    await completeForm(tab);

    await act(async () => input(tab, 'order-invitationAccepted').click());
    const box = tab.container.querySelector('#order-invitation-not-yet');
    expect(box?.textContent).toContain('Сначала примите приглашение');
    expect(box?.querySelector('a[href^="https://admin.microsoft.com/"]')).not.toBeNull();

    await act(async () => submitButton(tab)?.click());
    expect(api.created).toHaveLength(0);
    expect(tab.text()).not.toContain('Исправьте ошибки в отмеченных полях');
    expect(errorOf(tab, 'order-invitationAccepted')).toBeUndefined();
    expect(document.activeElement?.id).toBe('order-invitation-not-yet');

    await act(async () => input(tab, 'order-invitationAccepted').click());
    await act(async () => submitButton(tab)?.click());
    expect(api.created).toHaveLength(1);
  });

  it('filters the long catalog by a typed name, keeping ticked subscriptions in view', async () => {
    const tab = await renderTab();
    await openOrderForm(tab);
    const filter = tab.container.querySelector<HTMLInputElement>('input[type="search"]');
    if (!filter) throw new Error('no filter box');
    const rows = (): number => tab.container.querySelectorAll('#order-lines > li').length;
    const all = rows();

    await type(tab, filter.id, 'exchange');
    expect(rows()).toBeLessThan(all);
    expect(tab.container.querySelector('#order-line-EXCHANGESTANDARD-selected')).not.toBeNull();
    // SPB is ticked (the trial to convert): it stays.
    expect(tab.container.querySelector('#order-line-SPB-selected')).not.toBeNull();
    expect(tab.container.querySelector('#order-line-ENTERPRISEPACK-selected')).toBeNull();

    await type(tab, filter.id, 'нет такой');
    expect(tab.text()).toContain('Подписок по запросу «нет такой» нет');
  });

  it('in English, uses English labels and messages', async () => {
    const api = fakeApi({ tenant: () => Response.json(tenantResponse()) });
    const english = { locale: 'en', theme: 'default' } as const;
    const tab = await renderTab({ fetchApi: api.fetch, initialPreferences: english, host: browserHost(english) });
    await tab.openStep('Order');
    await tab.waitFor(() => tab.container.querySelector('#order-form') !== null, 'the order form');
    await act(async () => tab.button(/Send order/)?.click());
    expect(errorOf(tab, 'order-organization-inn')).toBe('This field is required.');
    expect(api.requests.find((request) => request.path === '/api/tenant')?.headers.get('accept-language')).toBe('en');
  });
});
