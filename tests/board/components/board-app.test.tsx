// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { orderDetail, orderListResponse, orderSummary } from '../support/board-fixtures.js';
import { fakeBoardApi, renderBoard } from '../support/render-board.js';
import type { RenderedBoard } from '../support/render-board.js';
import { browserHost, setUpDom, teamsHost, tearDownDom } from '../../tab/support/render-tab.js';
import { boardSubEntityId } from '../../../src/domain/distributor/board-deep-link.js';
import { storedOrder } from '../../support/order-fixtures.js';

beforeEach(setUpDom);
afterEach(() => {
  tearDownDom();
  vi.restoreAllMocks();
});

const listed = (board: RenderedBoard) => board.waitFor(() => board.container.querySelector('table') !== null, 'the order list');

async function openSampleOrder(board: RenderedBoard): Promise<void> {
  await listed(board);
  await board.click('Открыть заявку CSP-7K2M9Q');
  await board.waitFor(() => board.text().includes('Для Partner Center'), 'the order view');
}

describe('the board: the orders list', () => {
  it('lists the orders with the counts per status, the period and times in the distributor\'s zone, named', async () => {
    const board = await renderBoard();
    await listed(board);
    const rows = Array.from(board.container.querySelectorAll('tbody tr')).map((row) => row.textContent ?? '');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('CSP-7K2M9Q');
    expect(rows[0]).toContain('20.11.2026, 12:00 (Москва)');
    expect(rows[0]).toContain('ООО «Ромашка»');
    expect(rows[0]).toContain('ИНН 0012345673 · romashka.onmicrosoft.com');
    expect(rows[0]).toContain('Microsoft 365 Business Premium: 25 лицензий');
    expect(rows[0]).toContain('Требует действий');
    const counts = Array.from(board.container.querySelectorAll('ul[aria-label="Заявок по статусам"] li')).map((item) => item.textContent);
    expect(counts).toEqual(['Отправлена: 1', 'Принята в работу: 4', 'Требует исправлений: 2', 'Выполнена: 7']);
    expect(board.text()).toContain('Период: 25.08.2026 — 23.11.2026');
    expect(document.title).toBe('Заявки клиентов CSP');
  });

  it('sends the search and the filters as query parameters, and only on submit', async () => {
    const api = fakeBoardApi();
    const board = await renderBoard({ fetchApi: api.fetch });
    await listed(board);
    await board.type('Поиск', ' 0012345673 ');
    await board.type('Статус', 'submitted');
    await board.type('С даты', '2026-11-01');
    await board.type('По дату', '2026-11-23');
    await act(async () => board.container.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click());
    expect(api.requests).toHaveLength(1);
    await board.click('Найти');
    await listed(board);
    const last = api.requests.at(-1);
    expect(Object.fromEntries(last?.url.searchParams ?? [])).toEqual({
      q: '0012345673',
      status: 'submitted',
      from: '2026-11-01',
      to: '2026-11-23',
      needsAction: 'true',
    });

    await board.click('Сбросить');
    await listed(board);
    expect(api.requests.at(-1)?.url.search).toBe('');
    expect((board.input('Поиск') as HTMLInputElement).value).toBe('');
  });

  it('appends the next page with the cursor when "Show more" is pressed, and hides it on the last page', async () => {
    const api = fakeBoardApi({
      list: ({ url }) =>
        Response.json(
          url.searchParams.get('cursor') === 'page-2'
            ? orderListResponse({ orders: [orderSummary({ id: 'CSP-OLDER1', needsAction: false })] })
            : orderListResponse({ nextCursor: 'page-2' }),
        ),
    });
    const board = await renderBoard({ fetchApi: api.fetch });
    await listed(board);
    await board.click('Показать ещё');
    await board.waitFor(() => board.text().includes('CSP-OLDER1'), 'the second page');
    const numbers = Array.from(board.container.querySelectorAll('tbody tr td:first-child')).map((cell) => cell.textContent);
    expect(numbers).toEqual(['CSP-7K2M9Q', 'CSP-OLDER1']);
    expect(board.button('Показать ещё')).toBeUndefined();
    expect(board.text()).toContain('Показано заявок: 2');
  });

  it('says the page is for the distributor\'s staff when the API answers 403', async () => {
    const api = fakeBoardApi({
      list: () => Response.json({ errors: [{ field: '', code: 'not_staff', message: 'not staff' }] }, { status: 403 }),
    });
    const board = await renderBoard({ fetchApi: api.fetch });
    await board.waitFor(() => board.text().includes('Доступ только для сотрудников'), 'the staff-only screen');
    expect(board.text()).toContain('Эта страница предназначена для сотрудников Contoso Distribution.');
    expect(board.container.querySelector('table')).toBeNull();
    expect(board.container.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('speaks English with an English Teams locale', async () => {
    const preferences = { locale: 'en', theme: 'default' } as const;
    const board = await renderBoard({ host: browserHost(preferences), preferences });
    await listed(board);
    expect(board.text()).toContain('CSP customer orders');
    expect(board.text()).toContain('Submitted: 1');
    expect(board.text()).toContain('(Moscow Time)');
    expect(board.button('Export to Excel')).toBeDefined();
  });

  it('downloads the export through the signed-in call, with the filters and the file name from the server', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:board-test';
    };
    URL.revokeObjectURL = () => undefined;
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const api = fakeBoardApi({
      export: () => new Response('\uFEFFa;b\n', { headers: { 'content-disposition': "attachment; filename=\"orders.xlsx\"; filename*=UTF-8''%D0%B7%D0%B0%D1%8F%D0%B2%D0%BA%D0%B8.xlsx" } }),
    });
    const board = await renderBoard({ fetchApi: api.fetch });
    await listed(board);
    await board.type('Поиск', 'romashka');
    await board.click('Найти');
    await listed(board);
    await board.click('Выгрузить в Excel');
    await board.waitFor(() => clicked.length === 1, 'the download');
    expect(clicked).toEqual(['заявки.xlsx']);
    expect(created).toHaveLength(1);
    const exported = api.requests.find((request) => request.url.pathname.endsWith('/export'));
    expect(Object.fromEntries(exported?.url.searchParams ?? [])).toEqual({ q: 'romashka', format: 'xlsx', locale: 'ru' });
  });
});

describe('the board: one order', () => {
  it('opens the order a deep link names (the card\'s "Open in board": subEntityId order/{tenant}/{id})', async () => {
    const order = storedOrder();
    const { host } = teamsHost();
    const { fetch, requests } = fakeBoardApi();
    const board = await renderBoard({ host: { ...host, subPageId: boardSubEntityId(order.tenantId, order.id) }, fetchApi: fetch });
    await board.waitFor(() => board.text().includes('Для Partner Center'), 'the order view');
    expect(board.container.querySelector('h2')?.textContent).toBe(`Заявка ${order.id}`);
    expect(requests.map((request) => request.url.pathname)).toContain(`/api/distributor/orders/${order.tenantId}/${order.id}`);
  });

  it('opens the list when the deep link names no order of ours', async () => {
    const { host } = teamsHost();
    const board = await renderBoard({ host: { ...host, subPageId: 'something-else' } });
    await listed(board);
    expect(board.text()).not.toContain('Для Partner Center');
  });

  it('shows the ten items, contact links, whether the domain is the default, the trial and the evidence', async () => {
    const board = await renderBoard();
    await openSampleOrder(board);
    const text = board.text();
    expect(board.container.querySelector('h2')?.textContent).toBe('Заявка CSP-7K2M9Q');
    expect(document.activeElement?.id).toBe('board-order-title');
    expect(text).toContain('Приглашение CSP принятоДа');
    expect(text).toContain('Не домен по умолчанию');
    expect(text).toContain('Microsoft 365 Business Premium (SPB): 25 лицензий');
    expect(text).toContain('Дата активации01.12.2026');
    expect(text).toContain('Переход с пробной версии');
    expect(text).toContain('Пробная подпискаMicrosoft 365 Business Premium (SPB), 25 лицензий, действует до 13.12.2026');
    expect(text).toContain('ИНН0012345673');
    expect(text).toContain('Адрес101000, Москва, ул. Мясницкая, д. 1');
    const links = Array.from(board.container.querySelectorAll('a')).map((link) => link.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['mailto:it@romashka.ru', 'tel:+74951234567']));
    expect(text).toContain('При отправке заявкиЕсть признаки в Microsoft 365 клиента');
    expect(text).toContain('СейчасПодтверждена');
  });

  it('has the GDAP section, offering the request for a customer without one', async () => {
    const board = await renderBoard();
    await openSampleOrder(board);
    await board.waitFor(() => board.text().includes('GDAP для этого клиента ещё не запрашивали.'), 'the GDAP section');
    expect(board.text()).toContain('Доступ администратора (GDAP)');
    expect(Array.from(board.container.querySelectorAll('button')).some((button) => button.textContent === 'Запросить GDAP')).toBe(true);
  });

  it('has the MCA section, read through the signed-in API for the order\'s customer', async () => {
    const api = fakeBoardApi();
    const board = await renderBoard({ fetchApi: api.fetch });
    await openSampleOrder(board);
    await board.waitFor(() => board.text().includes('MCA: не принято'), 'the MCA section');
    expect(board.text()).toContain('Соглашение с клиентом Майкрософт (MCA)');
    expect(api.requests.some((request) => request.method === 'GET' && request.url.pathname === `/api/distributor/customers/${orderDetail().order.tenantId}/customer-agreement`)).toBe(true);
  });

  it('lists the Partner Center values, each with a copy button that copies it', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (value: string) => void written.push(value) } });
    const board = await renderBoard();
    await openSampleOrder(board);
    const copyLabels = Array.from(board.container.querySelectorAll('button[aria-label^="Копировать"]')).map((button) => button.getAttribute('aria-label'));
    expect(copyLabels).toEqual([
      'Копировать: ID клиента (тенанта)',
      'Копировать: Технический домен',
      'Копировать: Пробная подписка',
      'Копировать: Продукт Microsoft 365 Business Premium',
      'Копировать: skuPartNumber SPB',
      'Копировать: skuId SPB',
      'Копировать: Продукт Office 365 E3',
      'Копировать: skuPartNumber ENTERPRISEPACK',
      'Копировать: skuId ENTERPRISEPACK',
    ]);
    await board.click('Копировать: ID клиента (тенанта)');
    await board.click('Копировать: skuId SPB');
    expect(written).toEqual(['6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b', 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46']);
    await board.waitFor(() => board.text().includes('Скопировано'), 'the confirmation');
  });

  it('shows each revision\'s changes side by side, before and after', async () => {
    const board = await renderBoard();
    await openSampleOrder(board);
    const changes = board.container.querySelector('table[aria-label="Что изменилось в редакции 2"]');
    const rows = Array.from(changes?.querySelectorAll('tbody tr') ?? []).map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Microsoft 365 Business Premium (SPB)', '20 лицензий', '25 лицензий'],
      ['Дата активации', '01.12.2026', '05.12.2026'],
    ]);
    const history = Array.from(board.container.querySelectorAll('ol > li')).map((item) => item.textContent ?? '');
    expect(history[1]).toContain('Комментарий: Уточните количество лицензий');
    expect(history[2]).toContain('21.11.2026, 11:30 (Москва)');
  });

  it('accepts the order with the revision it showed, reloads it and says the customer will hear', async () => {
    let accepted = false;
    const api = fakeBoardApi({
      list: () => Response.json(orderListResponse({ orders: [orderSummary(accepted ? { status: 'accepted', needsAction: false } : {})] })),
      detail: () => Response.json(orderDetail(undefined, accepted ? { order: { ...orderDetail().order, status: 'accepted' } } : {})),
      status: () => {
        accepted = true;
        return Response.json(orderDetail().order);
      },
    });
    const board = await renderBoard({ fetchApi: api.fetch });
    await openSampleOrder(board);
    await board.click('Принять в работу');
    await board.waitFor(() => board.text().includes('Статус заявки изменён'), 'the confirmation');
    const post = api.requests.find((request) => request.method === 'POST');
    expect(post?.url.pathname).toBe('/api/distributor/orders/6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b/CSP-7K2M9Q/status');
    expect(post?.body).toEqual({ status: 'accepted', revision: 2 });
    // Reloaded: an accepted order offers "complete", no longer "accept".
    expect(board.button('Принять в работу')).toBeUndefined();
    expect(board.button('Отметить выполненной')).toBeDefined();

    // Back in the list, the row shows the new status, and focus is back on the order's link.
    await board.click('К списку заявок');
    await listed(board);
    const row = board.container.querySelector('tbody tr')?.textContent ?? '';
    expect(row).toContain('Принята в работу');
    expect(row).not.toContain('Требует действий');
    expect(document.activeElement?.textContent).toBe('CSP-7K2M9Q');
  });

  it('asks what to change before requesting changes, and sends it as the comment', async () => {
    const api = fakeBoardApi();
    const board = await renderBoard({ fetchApi: api.fetch });
    await openSampleOrder(board);
    await board.click('Запросить исправления');
    await board.click('Отправить клиенту');
    expect(board.text()).toContain('Напишите, что нужно исправить.');
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false);
    await board.type('Что нужно исправить?', '  Уточните ИНН  ');
    await board.click('Отправить клиенту');
    await board.waitFor(() => api.requests.some((request) => request.method === 'POST'), 'the request');
    expect(api.requests.find((request) => request.method === 'POST')?.body).toEqual({ status: 'changesRequested', revision: 2, comment: 'Уточните ИНН' });
  });

  it('reloads the order and says so when the revision is stale (409)', async () => {
    let detailLoads = 0;
    const api = fakeBoardApi({
      detail: () => {
        detailLoads++;
        return Response.json(orderDetail());
      },
      status: () => Response.json({ errors: [{ field: 'revision', code: 'stale_revision', message: 'stale' }] }, { status: 409 }),
    });
    const board = await renderBoard({ fetchApi: api.fetch });
    await openSampleOrder(board);
    await board.click('Принять в работу');
    await board.waitFor(() => board.text().includes('Заявка изменилась, пока вы её смотрели'), 'the stale message');
    expect(detailLoads).toBe(2);
  });

  it('shows the server\'s reason when the change is not allowed (422)', async () => {
    const api = fakeBoardApi({
      status: () =>
        Response.json({ errors: [{ field: 'status', code: 'invalid_transition', message: 'Заявку в статусе «Выполнена» изменить нельзя.' }] }, { status: 422 }),
    });
    const board = await renderBoard({ fetchApi: api.fetch });
    await openSampleOrder(board);
    await board.click('Принять в работу');
    await board.waitFor(() => board.text().includes('Это действие сейчас недоступно'), 'the refusal');
    expect(board.text()).toContain('Заявку в статусе «Выполнена» изменить нельзя.');
  });

  it('offers no action on an order waiting for the customer', async () => {
    const api = fakeBoardApi({ detail: () => Response.json(orderDetail(undefined, { order: { ...orderDetail().order, status: 'changesRequested' } })) });
    const board = await renderBoard({ fetchApi: api.fetch });
    await openSampleOrder(board);
    expect(board.text()).toContain('Ждём исправленную заявку от клиента.');
    expect(board.button('Принять в работу')).toBeUndefined();
  });
});
