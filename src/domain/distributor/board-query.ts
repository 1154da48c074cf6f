import { addDays, isIsoDate } from '../calendar.js';
import type { OrderStatus } from '../order/order.js';
import { BOARD_STATUSES } from './board-api.js';
import type { ExportFormat } from './board-api.js';

/**
 * The board's filters, parsed from a query string: one parser for the list
 * and the export, so both read the same range the same way. Bad input names
 * the parameter and why; nothing is guessed.
 */

/** The range read when `from` and `to` are absent: the last 90 days (today included). */
export const DEFAULT_RANGE_DAYS = 90;
/** The widest range one request may read, both ends included. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** A longer search text matches nothing an order holds (names are at most 300 characters). */
const MAX_SEARCH_LENGTH = 300;

export interface BoardFilter {
  /** Only these statuses; empty: every status. */
  readonly statuses: readonly OrderStatus[];
  /** Lower-case, trimmed; empty: no search. */
  readonly search: string;
  /** ISO dates in the distributor's time zone, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly needsAction: boolean;
}

/** Where the previous page ended: the last order it showed. */
export interface BoardPosition {
  /** `createdAt` of that order, ms since the epoch. */
  readonly at: number;
  readonly tenantId: string;
  readonly id: string;
}

export interface BoardListQuery {
  readonly filter: BoardFilter;
  readonly limit: number;
  readonly after?: BoardPosition | undefined;
}

export interface BoardQueryError {
  /** The query parameter at fault. */
  readonly field: string;
  readonly code: 'invalid_query';
  readonly message: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BoardQueryError };

/** The raw query: restify's `req.query` (a repeated parameter arrives as an array). */
export type RawQuery = Readonly<Record<string, unknown>>;

/** Parses the filters of the list and the export. `today` is the distributor's today. */
export function parseBoardFilter(query: RawQuery, today: string): Parsed<BoardFilter> {
  const single = singleValues(query, ['status', 'q', 'from', 'to', 'needsAction']);
  if (!single.ok) return single;
  const { status, q, from, to, needsAction } = single.value;

  const statuses: OrderStatus[] = [];
  for (const part of (status ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const known = BOARD_STATUSES.find((s) => s === part);
    if (known === undefined) return fail('status', `unknown status "${part}"; use ${BOARD_STATUSES.join(', ')}`);
    if (!statuses.includes(known)) statuses.push(known);
  }

  const search = (q ?? '').trim().toLowerCase();
  if (search.length > MAX_SEARCH_LENGTH) return fail('q', `the search text is longer than ${MAX_SEARCH_LENGTH} characters`);

  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !isIsoDate(value)) return fail(name, `"${value}" is not a date (YYYY-MM-DD)`);
  }
  const end = to ?? today;
  const start = from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
  if (start > end) return fail('from', `from (${start}) is after to (${end})`);
  if (addDays(start, MAX_RANGE_DAYS - 1) < end) {
    return fail('from', `the range ${start} – ${end} is longer than ${MAX_RANGE_DAYS} days; narrow it`);
  }

  if (needsAction !== undefined && needsAction !== 'true' && needsAction !== 'false') {
    return fail('needsAction', `"${needsAction}" is not true or false`);
  }
  return { ok: true, value: { statuses, search, from: start, to: end, needsAction: needsAction === 'true' } };
}

/** The list's query: the filters, the page size and where to continue. */
export function parseBoardListQuery(query: RawQuery, today: string): Parsed<BoardListQuery> {
  const filter = parseBoardFilter(query, today);
  if (!filter.ok) return filter;
  const single = singleValues(query, ['limit', 'cursor']);
  if (!single.ok) return single;
  const { limit: rawLimit, cursor } = single.value;
  let limit = DEFAULT_PAGE_SIZE;
  if (rawLimit !== undefined) {
    limit = /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) return fail('limit', `"${rawLimit}" is not a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (cursor === undefined || cursor === '') return { ok: true, value: { filter: filter.value, limit } };
  const after = decodeCursor(cursor, filter.value);
  if (!after.ok) return after;
  return { ok: true, value: { filter: filter.value, limit, after: after.value } };
}

export function parseExportFormat(query: RawQuery): Parsed<ExportFormat> {
  const single = singleValues(query, ['format']);
  if (!single.ok) return single;
  const format = single.value.format;
  if (format === 'csv' || format === 'xlsx') return { ok: true, value: format };
  return fail('format', format === undefined ? 'format is required: csv or xlsx' : `"${format}" is not csv or xlsx`);
}

/**
 * The cursor is opaque to clients but carries the filters it was made for:
 * a cursor used with other filters, or pointing outside the range, is
 * refused, so it can never widen what a request reads.
 */
export function encodeCursor(position: BoardPosition, filter: BoardFilter): string {
  const json = JSON.stringify({ v: 1, at: position.at, t: position.tenantId, i: position.id, f: fingerprint(filter) });
  return base64UrlEncode(json);
}

function decodeCursor(cursor: string, filter: BoardFilter): Parsed<BoardPosition> {
  const malformed = fail<BoardPosition>('cursor', 'malformed cursor: use nextCursor exactly as the list answered it');
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) return malformed;
  let value: unknown;
  try {
    value = JSON.parse(base64UrlDecode(cursor));
  } catch {
    return malformed;
  }
  if (typeof value !== 'object' || value === null) return malformed;
  const { v, at, t, i, f } = value as Record<string, unknown>;
  if (v !== 1 || typeof at !== 'number' || !Number.isSafeInteger(at) || typeof t !== 'string' || typeof i !== 'string' || typeof f !== 'string') {
    return malformed;
  }
  if (f !== fingerprint(filter)) return fail('cursor', 'the cursor belongs to other filters: start again without it');
  if (!/^[0-9a-z-]{1,64}$/.test(t) || !/^[A-Z0-9-]{1,32}$/.test(i)) return malformed;
  return { ok: true, value: { at, tenantId: t, id: i } };
}

function fingerprint(filter: BoardFilter): string {
  return [filter.from, filter.to, [...filter.statuses].sort().join(','), filter.search, String(filter.needsAction)].join('|');
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function base64UrlDecode(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function singleValues<K extends string>(query: RawQuery, names: readonly K[]): Parsed<Partial<Record<K, string>>> {
  const values: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') return fail(name, `give ${name} once`);
    values[name] = value;
  }
  return { ok: true, value: values };
}

function fail<T>(field: string, message: string): Parsed<T> {
  return { ok: false, error: { field, code: 'invalid_query', message } };
}
