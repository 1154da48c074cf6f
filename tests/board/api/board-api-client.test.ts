import { describe, expect, it } from 'vitest';
import { createBoardApiClient, fileNameFrom, filterQuery } from '../../../src/board/api/board-api-client.js';
import { orderListResponse } from '../support/board-fixtures.js';

describe('filterQuery', () => {
  it('leaves out empty filters, so the server applies its defaults', () => {
    expect(filterQuery({}).toString()).toBe('');
    expect(filterQuery({ q: '   ', needsAction: false, from: '' }).toString()).toBe('');
  });

  it('trims the search and names each filter as the API does', () => {
    expect(Object.fromEntries(filterQuery({ q: ' ООО ', status: 'accepted', from: '2026-01-01', to: '2026-02-01', needsAction: true }))).toEqual({
      q: 'ООО',
      status: 'accepted',
      from: '2026-01-01',
      to: '2026-02-01',
      needsAction: 'true',
    });
  });
});

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name (RFC 6266), then the plain one', () => {
    expect(fileNameFrom(`attachment; filename="orders.csv"; filename*=UTF-8''%D0%B7%D0%B0%D1%8F%D0%B2%D0%BA%D0%B8.csv`)).toBe('заявки.csv');
    expect(fileNameFrom('attachment; filename="orders.csv"')).toBe('orders.csv');
    expect(fileNameFrom('attachment; filename=orders.xlsx')).toBe('orders.xlsx');
  });

  it('falls back to the plain name when the UTF-8 one is malformed, and says nothing without a header', () => {
    expect(fileNameFrom(`attachment; filename="orders.csv"; filename*=UTF-8''%E0%A4%A`)).toBe('orders.csv');
    expect(fileNameFrom(null)).toBeUndefined();
  });
});

describe('createBoardApiClient', () => {
  const client = (respond: () => Response) => createBoardApiClient({ fetch: async () => respond(), locale: () => 'ru', retryDelaysMs: [] });

  it('turns an answer outside the contract into a visible failure, not a crash', async () => {
    const result = await client(() => Response.json({ orders: 'none' })).listOrders({});
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.failure.kind).toBe('invalidResponse');
  });

  it('reads a page of the list', async () => {
    const result = await client(() => Response.json(orderListResponse({ nextCursor: 'next' }))).listOrders({});
    expect(result.ok && result.value.nextCursor).toBe('next');
  });

  it('tells a stale revision (409), a refused transition (422, with its reason) and other failures apart', async () => {
    const key = { tenantId: 't', id: 'CSP-1' };
    const request = { status: 'accepted', revision: 1 } as const;
    expect(await client(() => new Response(null, { status: 409 })).changeStatus(key, request)).toEqual({ kind: 'stale' });
    expect(
      await client(() => Response.json({ errors: [{ field: 'status', code: 'invalid_transition', message: 'Нельзя' }] }, { status: 422 })).changeStatus(key, request),
    ).toEqual({ kind: 'notAllowed', reason: 'Нельзя' });
    expect(await client(() => new Response(null, { status: 500 })).changeStatus(key, request)).toMatchObject({ kind: 'failed', failure: { kind: 'http', status: 500 } });
    expect(await client(() => Response.json({})).changeStatus(key, request)).toEqual({ kind: 'changed' });
  });
});

describe('createBoardApiClient.listCustomers', () => {
  it('asks for the stuck filter and the cursor by name and parses the page', async () => {
    const paths: string[] = [];
    const api = createBoardApiClient({
      fetch: async (path) => {
        paths.push(path);
        return Response.json({ customers: [], nextCursor: null });
      },
      locale: () => 'ru',
      retryDelaysMs: [],
    });
    expect(await api.listCustomers({})).toEqual({ ok: true, value: { customers: [], nextCursor: null } });
    await api.listCustomers({ stuckDays: 7, cursor: 'abc' });
    expect(paths).toEqual(['/api/distributor/customers', '/api/distributor/customers?stuckDays=7&cursor=abc']);
  });
});
