import { TableClient } from '@azure/data-tables';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderWithDeliveries } from '../../../bot/storage/order-repository.js';
import { BoardIndex } from '../../../bot/storage/board-index.js';
import { ORDERS_TABLE } from '../../../bot/storage/order-repository.js';
import type { BoardOrder, BoardOrderDetail, OrderListResponse } from '../../../src/domain/distributor/board-api.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { ORDER_INPUT_VALID_ON, orderInput, SAMPLE_ORGANIZATION, storedOrder } from '../../support/order-fixtures.js';
import { demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp } from '../../support/running-app.js';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const T3 = '33333333-3333-4333-8333-333333333333';
const BEREZKA = { ...SAMPLE_ORGANIZATION, name: 'ООО «Берёзка»', inn: '7707083893' };

let now = ORDER_INPUT_VALID_ON;
let azurite: AzuriteTables;
let server: RunningApp;
let small: RunningApp;
/** The orders, by name: A newest (00:30 in Moscow on the 20th, 21:30 UTC on the 19th), D older than 90 days. */
const orders: Record<'a' | 'b' | 'c' | 'd' | 'e', OrderWithDeliveries> = {} as Record<'a' | 'b' | 'c' | 'd' | 'e', OrderWithDeliveries>;

async function submitAt(at: string, tenantId: string, overrides: Record<string, unknown> = {}): Promise<OrderWithDeliveries> {
  now = new Date(at);
  const result = await server.app.orders.submit(tenantId, orderInput(overrides), { now });
  if (result.kind !== 'created') throw new Error(`not created: ${JSON.stringify(result)}`);
  return result.order;
}

beforeAll(async () => {
  azurite = await startAzurite();
  server = await startApp(demoEnv(azurite.connectionString), { clock: () => now, tabDirectory: '/nonexistent-tab-build' });
  orders.d = await submitAt('2026-06-01T08:00:00Z', T3);
  orders.c = await submitAt('2026-10-01T08:00:00Z', T1, { technicalDomain: 'cedar.onmicrosoft.com' });
  orders.b = await submitAt('2026-11-10T10:00:00Z', T2, {
    organization: BEREZKA,
    technicalDomain: 'berezka.onmicrosoft.com',
    contact: { fullName: 'Петрова Анна', phone: '+7 495 765-43-21', email: 'buh@berezka.ru' },
  });
  orders.e = await submitAt('2026-11-15T10:00:00Z', T2, {
    organization: { ...BEREZKA, name: '=HYPERLINK("http://evil.example")' },
    lines: [{ sku: 'O365_BUSINESS_PREMIUM', quantity: 25 }, { sku: 'EXCHANGESTANDARD', quantity: 40 }],
  });
  orders.a = await submitAt('2026-11-19T21:30:00Z', T1);
  now = ORDER_INPUT_VALID_ON;
  small = await startApp(demoEnv(azurite.connectionString, { BOARD_EXPORT_MAX_ORDERS: '2', BOARD_RANGE_MAX_ORDERS: '3' }), {
    clock: () => now,
    tabDirectory: '/nonexistent-tab-build',
  });
}, 120_000);
afterAll(async () => {
  await Promise.all([server?.close(), small?.close()]);
  await azurite?.stop();
});

async function list(query = '', base = server.url): Promise<{ status: number; body: OrderListResponse & { errors?: { field: string; code: string }[] } }> {
  const response = await fetch(`${base}/api/distributor/orders${query}`);
  return { status: response.status, body: (await response.json()) as OrderListResponse & { errors?: { field: string; code: string }[] } };
}

const ids = (body: OrderListResponse): string[] => body.orders.map((order) => order.id);

describe('GET /api/distributor/orders', () => {
  it('lists every tenant\'s orders of the last 90 days, newest first, with the summary fields and counts per status', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(ids(body)).toEqual([orders.a.id, orders.e.id, orders.b.id, orders.c.id]);
    expect(body).toMatchObject({ from: '2026-08-23', to: '2026-11-20', nextCursor: null });
    expect(body.counts).toEqual({ submitted: 4, accepted: 0, changesRequested: 0, completed: 0 });
    expect(body.orders[2]).toEqual({
      tenantId: T2,
      id: orders.b.id,
      status: 'submitted',
      revision: 1,
      createdAt: '2026-11-10T10:00:00.000Z',
      updatedAt: '2026-11-10T10:00:00.000Z',
      organizationName: 'ООО «Берёзка»',
      inn: '7707083893',
      technicalDomain: 'berezka.onmicrosoft.com',
      contactEmail: 'buh@berezka.ru',
      lines: [{ sku: 'O365_BUSINESS_PREMIUM', productName: 'Microsoft 365 Business Standard', quantity: 25 }],
      needsAction: true,
    });
  });

  it('reads the dates as days in the distributor\'s time zone', async () => {
    // A was created at 21:30 UTC on the 19th: 00:30 on the 20th in Moscow.
    expect(ids((await list('?from=2026-11-20&to=2026-11-20')).body)).toEqual([orders.a.id]);
    expect(ids((await list('?from=2026-11-19&to=2026-11-19')).body)).toEqual([]);
    expect(ids((await list('?from=2026-05-01')).body)).toContain(orders.d.id);
  });

  it('pages with an opaque cursor: no order twice, none missed, null after the last page', async () => {
    const first = (await list('?limit=3')).body;
    expect(ids(first)).toEqual([orders.a.id, orders.e.id, orders.b.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await list(`?limit=3&cursor=${first.nextCursor ?? ''}`)).body;
    expect(ids(second)).toEqual([orders.c.id]);
    expect(second.nextCursor).toBeNull();
    expect(second.counts).toEqual(first.counts);
  });

  it('refuses a malformed cursor, and a cursor made for other filters, so it never widens the range', async () => {
    const first = (await list('?limit=1')).body;
    const tampered = await list('?limit=1&cursor=not*a*cursor');
    expect(tampered.status).toBe(400);
    expect(tampered.body.errors?.[0]).toMatchObject({ field: 'cursor', code: 'invalid_query' });
    const wider = await list(`?limit=1&from=2026-01-01&cursor=${first.nextCursor ?? ''}`);
    expect(wider.status).toBe(400);
    expect(wider.body.errors?.[0]).toMatchObject({ field: 'cursor' });
  });

  it.each([
    ['?from=2026-02-30', 'from'],
    ['?to=yesterday', 'to'],
    ['?from=2026-11-20&to=2026-11-01', 'from'],
    ['?from=2025-01-01&to=2026-11-20', 'from'],
    ['?status=shipped', 'status'],
    ['?limit=0', 'limit'],
    ['?needsAction=yes', 'needsAction'],
    ['?status=accepted&status=completed', 'status'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ field, code: 'invalid_query' });
  });

  it.each([
    ['7707083893', ['e', 'b']],
    ['берёзка', ['b']],
    ['BEREZKA.onmicrosoft', ['b']],
    ['buh@', ['b']],
    ['cedar', ['c']],
  ] as const)('finds %s in the INN, organization name, technical domain or contact e-mail', async (q, expected) => {
    const { body } = await list(`?q=${encodeURIComponent(q)}`);
    expect(ids(body)).toEqual(expected.map((key) => orders[key].id));
    expect(body.counts.submitted).toBe(expected.length);
  });

  it('finds an order by its number, in any case', async () => {
    expect(ids((await list(`?q=${orders.c.id.toLowerCase()}`)).body)).toEqual([orders.c.id]);
  });
});

describe('POST /api/distributor/orders/:tenantId/:id/status', () => {
  async function change(order: OrderWithDeliveries, body: unknown): Promise<{ status: number; body: BoardOrder & { errors?: { field: string; code: string }[] } }> {
    const response = await fetch(`${server.url}/api/distributor/orders/${order.tenantId}/${order.id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as BoardOrder & { errors?: { field: string; code: string }[] } };
  }

  it('accepts through the order service: the staff member in the history, the customer\'s notice queued, the list updated', async () => {
    now = new Date('2026-11-20T10:00:00Z');
    const accepted = await change(orders.c, { status: 'accepted', revision: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.history.at(-1)).toMatchObject({ status: 'accepted', by: 'Демо Администратор', revision: 1 });
    expect((await server.app.orders.get(T1, orders.c.id))?.status).toBe('accepted');

    const { body } = await list('?status=accepted');
    expect(ids(body)).toEqual([orders.c.id]);
    expect(body.orders[0]?.needsAction).toBe(false);
    expect(body.counts).toMatchObject({ submitted: 3, accepted: 1 });
    expect(ids((await list('?needsAction=true')).body)).not.toContain(orders.c.id);
  });

  it('answers 409 for a stale revision and 422 for a transition the rules do not allow', async () => {
    const stale = await change(orders.b, { status: 'accepted', revision: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors?.[0]).toMatchObject({ code: 'stale_revision', field: 'revision' });
    const notAllowed = await change(orders.b, { status: 'completed', revision: 1 });
    expect(notAllowed.status).toBe(422);
    expect(notAllowed.body.errors?.[0]).toMatchObject({ code: 'invalid_transition' });
    const noComment = await change(orders.b, { status: 'changesRequested', revision: 1 });
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors?.[0]?.field).toBe('comment');
  });

  it('refuses to complete an order of a tenant that has not accepted the MCA (422), leaving it as it was', async () => {
    const accepted = await change(orders.d, { status: 'accepted', revision: 1 });
    expect(accepted.status).toBe(200);
    const refused = await change(orders.d, { status: 'completed', revision: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]).toMatchObject({ code: 'customer_agreement_missing', field: 'status' });
    expect((await server.app.orders.get(T3, orders.d.id))?.status).toBe('accepted');
  });

  it('answers 400 for a body without a status or revision, and 404 for an unknown order', async () => {
    expect((await change(orders.b, { status: 'accepted' })).body.errors?.[0]).toMatchObject({ code: 'invalid_body', field: 'revision' });
    expect((await change(orders.b, { status: 'shipped', revision: 1 })).body.errors?.[0]).toMatchObject({ field: 'status' });
    expect((await change({ ...orders.b, id: 'CSP-ZZZZZZZZ' }, { status: 'accepted', revision: 1 })).status).toBe(404);
  });
});

describe('GET /api/distributor/orders/:tenantId/:id', () => {
  it('answers the whole order, what Partner Center needs and what is not known yet', async () => {
    const response = await fetch(`${server.url}/api/distributor/orders/${T2}/${orders.e.id}`);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as BoardOrderDetail;
    expect(detail.order).toMatchObject({ id: orders.e.id, tenantId: T2, history: [{ status: 'submitted' }] });
    expect(detail.order.deliveries.length).toBeGreaterThan(0);
    expect(detail.partnerCenter).toEqual({
      tenantId: T2,
      technicalDomain: 'romashka.onmicrosoft.com',
      lines: [
        { productName: 'Microsoft 365 Business Standard', skuPartNumber: 'O365_BUSINESS_PREMIUM', skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3', quantity: 25 },
        { productName: 'Exchange Online (Plan 1)', skuPartNumber: 'EXCHANGESTANDARD', skuId: '4b9405b0-7788-4568-add1-99614e613b69', quantity: 40 },
      ],
      trial: null,
    });
    expect(detail).toMatchObject({ technicalDomainIsDefault: null, evidence: { atSubmission: null, now: null }, needsAction: true });
  });

  it('answers 404 for an order of another tenant or an unknown id', async () => {
    expect((await fetch(`${server.url}/api/distributor/orders/${T3}/${orders.e.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/distributor/orders/${T2}/nonsense`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/distributor/orders/${encodeURIComponent('bad key')}/${orders.e.id}`)).status).toBe(404);
  });
});

describe('GET /api/distributor/orders/export', () => {
  it('writes CSV for Russian Excel: BOM, ";", one row per line, times in the distributor\'s zone, formulas defused', async () => {
    const response = await fetch(`${server.url}/api/distributor/orders/export?format=csv&q=7707083893`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="orders-2026-08-23-2026-11-20.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const [header, ...rows] = lines.slice(0, -1);
    expect(header?.split(';').slice(0, 6)).toEqual(['Номер заявки', 'Статус', 'Редакция', 'Получена (Europe/Moscow)', 'Обновлена (Europe/Moscow)', 'ID клиента (tenant ID)']);
    // E has two lines, B one.
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain(`${orders.e.id};Отправлена;1;2026-11-15 13:00;2026-11-15 13:00;${T2};Да;romashka.onmicrosoft.com;Microsoft 365 Business Standard;O365_BUSINESS_PREMIUM;f245ecc8-75af-4f8e-b61f-27d8114de5f3;25;2026-12-01;"'=HYPERLINK(""http://evil.example"")";7707083893;`);
    expect(rows[1]).toContain(';Exchange Online (Plan 1);EXCHANGESTANDARD;4b9405b0-7788-4568-add1-99614e613b69;40;');
    expect(rows[2]).toContain(`${orders.b.id};`);
    expect(rows[2]).toContain(";'+74957654321;buh@berezka.ru;Новая подписка;");
  });

  it('writes XLSX that reads back, with English headers on request', async () => {
    const response = await fetch(`${server.url}/api/distributor/orders/export?format=xlsx&locale=en&from=2026-11-20`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="orders-2026-11-20-2026-11-20.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const values = (row: number): unknown[] => ((sheet?.getRow(row).values ?? []) as unknown[]).slice(1);
    expect(values(1).slice(0, 5)).toEqual(['Order number', 'Status', 'Revision', 'Received (Europe/Moscow)', 'Updated (Europe/Moscow)']);
    expect(values(2).slice(0, 12)).toEqual([
      orders.a.id, 'Submitted', 1, '2026-11-20 00:30', '2026-11-20 00:30', T1, 'Yes', 'romashka.onmicrosoft.com',
      'Microsoft 365 Business Standard', 'O365_BUSINESS_PREMIUM', 'f245ecc8-75af-4f8e-b61f-27d8114de5f3', 25,
    ]);
    expect(sheet?.rowCount).toBe(2);
  });

  it('answers 400 for a missing format, and "narrow the range" rather than a cut file past the caps', async () => {
    const noFormat = await fetch(`${server.url}/api/distributor/orders/export`);
    expect(noFormat.status).toBe(400);
    expect(((await noFormat.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('format');

    const tooMany = await fetch(`${small.url}/api/distributor/orders/export?format=csv&from=2026-11-01`);
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('export_too_large');
    // The range holds four orders; this server reads at most three per request.
    const wide = await list('', small.url);
    expect(wide.status).toBe(400);
    expect(wide.body.errors?.[0]).toMatchObject({ code: 'range_too_large', field: 'from' });
  });
});

describe('the board index after a crash between its row and the order write', () => {
  it('drops a row whose order was never stored, and shows a stored order as stored, not as it was about to become', async () => {
    const index = new BoardIndex(TableClient.fromConnectionString(azurite.connectionString, ORDERS_TABLE, { allowInsecureConnection: true }));
    const ghost = storedOrder({ tenantId: T3, id: 'CSP-GH0ST234', createdAt: '2026-11-18T08:00:00.000Z', updatedAt: '2026-11-18T08:00:00.000Z' });
    await index.prepare(ghost);
    await index.prepare({ ...orders.a, status: 'completed', updatedAt: '2026-11-20T11:00:00.000Z' });

    const { body } = await list('?from=2026-11-18');
    expect(ids(body)).toEqual([orders.a.id]);
    expect(body.orders[0]?.status).toBe('submitted');
    // Settled: the ghost row is gone, A's pending state dropped.
    const rows = await index.read(new Date('2026-11-17T00:00:00Z'), new Date('2026-11-21T00:00:00Z'), 10);
    expect(rows.map((row) => ({ id: row.rowKey.split('|')[2], pending: row.pending !== undefined }))).toEqual([{ id: orders.a.id, pending: false }]);
  });
});
