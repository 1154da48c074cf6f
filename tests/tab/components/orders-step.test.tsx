// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, renderTab, russianLight, setUpDom, tearDownDom, teamsHost } from '../support/render-tab.js';
import { orderView } from '../../support/order-fixtures.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

const changed = orderView({
  id: 'CSP-CHANGES1',
  status: 'changesRequested',
  subscriptionKind: 'trialConversion',
  trial: { sku: 'SPB', licenses: 25, endsOn: '2026-12-13' },
  history: [
    { status: 'submitted', at: '2026-11-20T09:00:00.000Z', by: 'Иванов Иван Иванович', revision: 1 },
    { status: 'changesRequested', at: '2026-11-21T10:30:00.000Z', by: 'Пётр Менеджер', comment: 'Уточните количество лицензий', revision: 1 },
  ],
  deliveries: [
    { channel: 'teams', state: 'delivered' },
    { channel: 'email', state: 'pending' },
  ],
});

describe('step 5, my orders', () => {
  it('lists the orders with status, terms, the status history and delivery', async () => {
    const api = fakeApi({ listOrders: () => Response.json({ orders: [changed, orderView()] }) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Мои заявки');
    await tab.waitFor(() => tab.text().includes('Заявка CSP-CHANGES1'), 'the orders');

    const cards = Array.from(tab.container.querySelectorAll('article'));
    expect(cards.map((card) => card.querySelector('h3')?.textContent)).toEqual(['Заявка CSP-CHANGES1', 'Заявка CSP-7K2M9Q4X']);
    const first = cards[0]?.textContent ?? '';
    expect(first).toContain('Требует исправлений');
    expect(first).toContain('Комментарий: Уточните количество лицензий');
    expect(first).toContain('Microsoft 365 Business Premium: 25 лицензий');
    // Dates as дд.мм.гггг; times in the distributor's time zone, which is named.
    expect(first).toContain('Дата активации01.12.2026');
    expect(first).toContain('Пробная подпискаMicrosoft 365 Business Premium, 25 лицензий, действует до 13.12.2026');
    expect(first).toContain('Получена 23.11.2026, 12:00 (Москва)');

    const timeline = Array.from(cards[0]?.querySelectorAll('ol li') ?? []).map((item) => item.textContent ?? '');
    expect(timeline).toHaveLength(2);
    expect(timeline[0]).toContain('Отправлена');
    expect(timeline[1]).toContain('Требует исправлений');
    expect(timeline[1]).toContain('Кто: Пётр Менеджер');
    expect(cards[0]?.querySelector('ol li time')?.getAttribute('datetime')).toBe('2026-11-20T09:00:00.000Z');

    expect(first).toContain('Канал Teams дистрибьютораДоставлено');
    expect(first).toContain('Письмо дистрибьюторуОжидает отправки');
    expect(first).toContain('Откройте чат с приложением');
  });

  it('sends the admin to Teams for the chat when the tab runs in Outlook or the Microsoft 365 app', async () => {
    for (const app of ['outlook', 'microsoft365'] as const) {
      const api = fakeApi({ listOrders: () => Response.json({ orders: [changed] }) });
      const tab = await renderTab({ host: teamsHost(russianLight, 'sso-token', app).host, fetchApi: api.fetch });
      await tab.openStep('Мои заявки');
      await tab.waitFor(() => tab.text().includes('Заявка CSP-CHANGES1'), 'the orders');

      expect(tab.text()).toContain('Откройте приложение в Microsoft Teams, перейдите в чат с ним');
      expect(tab.text()).not.toContain('Откройте чат с приложением');
    }
  });

  it('offers to create an order when there is none, and refreshes on request', async () => {
    let calls = 0;
    const api = fakeApi({ listOrders: () => Response.json({ orders: calls++ === 0 ? [] : [orderView()] }) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Мои заявки');
    await tab.waitFor(() => tab.text().includes('Заявок пока нет.'), 'the empty list');
    expect(tab.button('Оформить заявку')).toBeDefined();

    await act(async () => tab.button('Обновить')?.click());
    await tab.waitFor(() => tab.text().includes('Заявка CSP-7K2M9Q4X'), 'the refreshed list');
  });

  it('explains a failure and retries', async () => {
    let calls = 0;
    const api = fakeApi({
      listOrders: () => (calls++ === 0 ? Response.json({ errors: [{ field: '', code: 'x', message: 'x' }] }, { status: 500 }) : Response.json({ orders: [] })),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Мои заявки');
    await tab.waitFor(() => tab.text().includes('Сервер ответил ошибкой'), 'the failure');
    await act(async () => tab.button('Повторить')?.click());
    await tab.waitFor(() => tab.text().includes('Заявок пока нет.'), 'the list');
    expect(calls).toBe(2);
    expect(tab.text()).not.toContain('Сервер ответил ошибкой');
  });
});
