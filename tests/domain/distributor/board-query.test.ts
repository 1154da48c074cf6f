import { describe, expect, it } from 'vitest';
import { encodeCursor, MAX_RANGE_DAYS, parseBoardFilter, parseBoardListQuery, parseExportFormat } from '../../../src/domain/distributor/board-query.js';
import type { BoardFilter } from '../../../src/domain/distributor/board-query.js';

const TODAY = '2026-12-05';

function filterOf(query: Record<string, unknown>): BoardFilter {
  const parsed = parseBoardFilter(query, TODAY);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('parseBoardFilter', () => {
  it('defaults to the last 90 days up to today, every status, no search', () => {
    expect(filterOf({})).toEqual({ statuses: [], search: '', from: '2026-09-07', to: TODAY, needsAction: false });
  });

  it('reads several statuses once each, the search trimmed and lower-cased, and needsAction', () => {
    expect(filterOf({ status: 'accepted, submitted,accepted', q: '  ООО «Берёзка» ', needsAction: 'true', to: '2026-11-30' })).toEqual({
      statuses: ['accepted', 'submitted'],
      search: 'ооо «берёзка»',
      from: '2026-09-02',
      to: '2026-11-30',
      needsAction: true,
    });
  });

  it(`allows ${MAX_RANGE_DAYS} days and no more`, () => {
    expect(parseBoardFilter({ from: '2025-12-05', to: TODAY }, TODAY).ok).toBe(true);
    const wider = parseBoardFilter({ from: '2025-12-04', to: TODAY }, TODAY);
    expect(wider).toEqual({ ok: false, error: { field: 'from', code: 'invalid_query', message: expect.stringContaining('narrow it') } });
  });
});

describe('parseBoardListQuery and the cursor', () => {
  const position = { at: Date.parse('2026-11-20T08:00:00Z'), tenantId: '22222222-2222-4222-8222-222222222222', id: 'CSP-7K2M9Q4D' };

  it('takes back a cursor it made, for the same filters only', () => {
    const cursor = encodeCursor(position, filterOf({ q: 'ромашка' }));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const same = parseBoardListQuery({ q: 'Ромашка', cursor, limit: '20' }, TODAY);
    expect(same).toEqual({ ok: true, value: { filter: filterOf({ q: 'ромашка' }), limit: 20, after: position } });
    const other = parseBoardListQuery({ q: 'василёк', cursor }, TODAY);
    expect(other.ok ? undefined : other.error.field).toBe('cursor');
  });

  it.each([
    ['not base64', '***'],
    ['not JSON', 'bm90IGpzb24'],
    ['JSON of another shape', Buffer.from(JSON.stringify({ v: 1, at: 'x' })).toString('base64url')],
    ['a tenant that is no key', Buffer.from(JSON.stringify({ v: 1, at: 1, t: '../x', i: 'CSP-1', f: '2026-09-07|2026-12-05|||false' })).toString('base64url')],
  ])('refuses a cursor that is %s', (_what, cursor) => {
    const parsed = parseBoardListQuery({ cursor }, TODAY);
    expect(parsed.ok ? undefined : parsed.error).toMatchObject({ field: 'cursor', code: 'invalid_query' });
  });
});

describe('parseExportFormat', () => {
  it('takes csv or xlsx and names the parameter otherwise', () => {
    expect(parseExportFormat({ format: 'xlsx' })).toEqual({ ok: true, value: 'xlsx' });
    expect(parseExportFormat({ format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'format' } });
    expect(parseExportFormat({})).toMatchObject({ ok: false, error: { field: 'format', message: expect.stringContaining('required') } });
  });
});
