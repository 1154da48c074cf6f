// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerAgreementStatus } from '../../../src/domain/customer-agreement/customer-agreement.js';
import { deriveJourney } from '../../../src/domain/journey/journey.js';
import { fakeApi, renderTab, setUpDom, tearDownDom } from '../support/render-tab.js';
import type { RenderedTab } from '../support/render-tab.js';
import { errorOf, input, type } from '../support/form-inputs.js';
import { tenantResponse } from '../support/tab-fixtures.js';
import { orderView } from '../../support/order-fixtures.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

const AGREEMENT_URL = 'https://www.microsoft.com/licensing/docs/customeragreement';
const notAccepted: CustomerAgreementStatus = { status: 'notAccepted', agreementUrl: AGREEMENT_URL };
const TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';

function acceptance(acceptedAt: string, signatory: { lastName: string; firstName: string; email: string }): CustomerAgreementStatus {
  return { status: 'accepted', acceptedAt, signatory, templateId: TEMPLATE_ID, agreementUrl: AGREEMENT_URL };
}

/** The demo tenant's user, with first and last name as Graph keeps them. */
function tenant(customerAgreement: CustomerAgreementStatus = notAccepted) {
  const base = tenantResponse();
  const user = base.user.status === 'ok' ? base.user.value : undefined;
  if (user === undefined) throw new Error('the fixture has a user');
  return tenantResponse({ user: { status: 'ok', value: { ...user, givenName: 'Иван', surname: 'Иванов' } }, customerAgreement });
}

async function openStep(tab: RenderedTab): Promise<void> {
  await tab.openStep('Соглашение Microsoft');
  await tab.waitFor(() => tab.text().includes('Кто принимает соглашение') || tab.text().includes('Соглашение принято'), 'the step');
}

describe('step 3, Microsoft Customer Agreement', () => {
  it('explains the agreement, links to it and prefills the signatory without splitting a name', async () => {
    const api = fakeApi({
      tenant: () => Response.json(tenant()),
      listOrders: () => Response.json({ orders: [orderView()] }),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await openStep(tab);

    expect(tab.text()).toContain('Microsoft разрешает оформлять подписки для организации только после того');
    expect(tab.text()).toContain('Я принимаю Соглашение с клиентом Майкрософт от имени организации');
    expect(tab.container.querySelector<HTMLAnchorElement>(`a[href="${AGREEMENT_URL}"]`)?.textContent).toContain('Открыть текст соглашения');
    expect(input(tab, 'mca-lastName').value).toBe('Иванов');
    expect(input(tab, 'mca-firstName').value).toBe('Иван');
    // «Иванов Иван Иванович» has a patronymic, but it is never guessed from the display name.
    expect(input(tab, 'mca-middleName').value).toBe('');
    expect(input(tab, 'mca-email').value).toBe('i.ivanov@romashka.ru');
    expect(input(tab, 'mca-phone').value).toBe('+7 916 123-45-67');
    expect(input(tab, 'mca-accepted').checked).toBe(false);
  });

  it('sends the signatory and the tick, and shows the stored acceptance', async () => {
    const api = fakeApi({
      tenant: () => Response.json(tenant()),
      acceptCustomerAgreement: (request) => {
        const body = request.body as { signatory: { lastName: string; firstName: string; middleName?: string; email: string } };
        return Response.json({
          status: 'accepted',
          acceptedAt: '2026-11-23T09:30:00.000Z',
          signatory: { ...body.signatory, phone: '+79161234567' },
          templateId: TEMPLATE_ID,
          agreementUrl: AGREEMENT_URL,
        });
      },
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await openStep(tab);
    await type(tab, 'mca-middleName', 'Иванович');
    await act(async () => input(tab, 'mca-accepted').click());
    await act(async () => tab.button('Принять соглашение')?.click());
    await tab.waitFor(() => tab.text().includes('Готово: соглашение принято'), 'the stored acceptance');

    const sent = api.requests.find((request) => request.method === 'PUT');
    expect(sent?.path).toBe('/api/tenant/customer-agreement');
    expect(sent?.body).toEqual({
      accepted: true,
      signatory: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', email: 'i.ivanov@romashka.ru', phone: '+7 916 123-45-67' },
    });
    expect(tab.text()).toContain('Принял(а): Иванов Иван Иванович.');
    expect(tab.button('Дальше: технический домен')).toBeDefined();
  });

  it('reads the tenant and the checklist again once accepted, so the header moves on', async () => {
    let mcaAcceptedAt: string | undefined;
    const acceptedAt = '2026-12-02T08:00:00.000Z';
    const stored = acceptance(acceptedAt, { lastName: 'Иванов', firstName: 'Иван', email: 'i.ivanov@romashka.ru' });
    const api = fakeApi({
      tenant: () => Response.json(tenant(mcaAcceptedAt === undefined ? notAccepted : stored)),
      journey: () =>
        Response.json(
          deriveJourney({
            firstContactAt: '2026-12-01T07:00:00.000Z',
            invitationEvidence: { level: 'detected', at: '2026-12-01T08:00:00.000Z' },
            mcaAcceptedAt,
            gdap: { used: false },
            orders: [],
          }),
        ),
      acceptCustomerAgreement: () => {
        mcaAcceptedAt = acceptedAt;
        return Response.json(stored);
      },
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await openStep(tab);
    const header = tab.container.querySelector('header');
    await tab.waitFor(() => header?.textContent?.includes('Готово 2 из 6') === true, 'the checklist before');

    await act(async () => input(tab, 'mca-accepted').click());
    await act(async () => tab.button('Принять соглашение')?.click());
    await tab.waitFor(() => header?.textContent?.includes('Готово 3 из 6') === true, 'the checklist after the MCA');
    expect(header?.textContent).toContain('Следующий шаг: Отправьте заявку на лицензии');
    // The step keeps its own notice while the tenant is read again.
    expect(tab.text()).toContain('Готово: соглашение принято');
  });

  it('shows the server’s field errors on their fields and leaves out a blank optional field', async () => {
    const api = fakeApi({
      tenant: () => Response.json(tenant()),
      acceptCustomerAgreement: () =>
        Response.json(
          {
            errors: [
              { field: 'accepted', code: 'agreement_not_accepted', message: 'Отметьте, что вы принимаете Соглашение с клиентом Майкрософт от имени организации.' },
              { field: 'signatory.email', code: 'email_invalid', message: 'Укажите корректный адрес электронной почты, например it@romashka.ru.' },
            ],
          },
          { status: 422 },
        ),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await openStep(tab);
    await type(tab, 'mca-phone', '  ');
    await type(tab, 'mca-email', 'ivanov@');
    await act(async () => tab.button('Принять соглашение')?.click());
    await tab.waitFor(() => errorOf(tab, 'mca-email') !== undefined, 'the field errors');

    expect(errorOf(tab, 'mca-email')).toBe('Укажите корректный адрес электронной почты, например it@romashka.ru.');
    expect(errorOf(tab, 'mca-accepted')).toMatch(/^Отметьте/);
    expect(document.activeElement?.id).toBe('mca-accepted');
    const body = api.requests.find((request) => request.method === 'PUT')?.body as { accepted: boolean; signatory: Record<string, string> };
    expect(body.accepted).toBe(false);
    expect(Object.keys(body.signatory)).toEqual(['lastName', 'firstName', 'email']);
  });

  it('shows an acceptance made before, and starts from it when accepting again', async () => {
    const accepted = acceptance('2026-11-20T09:30:00.000Z', { lastName: 'Петрова', firstName: 'Анна', email: 'a.petrova@romashka.ru' });
    const tab = await renderTab({ fetchApi: fakeApi({ tenant: () => Response.json(tenant(accepted)) }).fetch });
    await openStep(tab);
    expect(tab.text()).toContain('Соглашение принято 20.11.2026. Принял(а): Петрова Анна.');
    expect(tab.container.querySelector('#mca-lastName')).toBeNull();

    await act(async () => tab.button('Принять заново')?.click());
    expect(input(tab, 'mca-lastName').value).toBe('Петрова');
    expect(input(tab, 'mca-phone').value).toBe('');
  });
});
