import type { Request, Server } from 'restify';
import { todayInTimeZone } from '../../src/domain/calendar.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import { BOARD_STATUSES } from '../../src/domain/distributor/board-api.js';
import type { BoardOrder } from '../../src/domain/distributor/board-api.js';
import { parseBoardFilter, parseBoardListQuery, parseExportFormat } from '../../src/domain/distributor/board-query.js';
import type { BoardQueryError, RawQuery } from '../../src/domain/distributor/board-query.js';
import { exportTable } from '../../src/domain/distributor/order-export.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { localeFromTag, pick } from '../../src/domain/i18n/locale.js';
import { customerAgreementTexts } from '../../src/domain/customer-agreement/customer-agreement-texts.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import { localizeErrors } from '../../src/domain/order/order-validation.js';
import type { OrderBoard } from '../distributor/order-board.js';
import type { Logger } from '../logger.js';
import type { OrderService } from '../orders/order-service.js';
import { BoardRangeTooLargeError } from '../storage/board-index.js';
import { apiError } from './api-error.js';
import { authenticated } from './authenticated.js';
import { exportFile } from './export-files.js';
import type { StaffCaller, StaffCallerResolver } from './staff-caller.js';

export interface DistributorRoutesDependencies {
  readonly board: Pick<OrderBoard, 'list' | 'select' | 'detail'>;
  readonly orders: Pick<OrderService, 'get' | 'changeStatus'>;
  readonly resolveCaller: StaffCallerResolver;
  readonly catalog: Catalog;
  /** `DISTRIBUTOR_TIME_ZONE`: dates of the range, and the export's times. */
  readonly timeZone: string;
  /** `DELIVERY_LOCALE`: the export's headers unless `locale` asks otherwise. */
  readonly locale: Locale;
  /** `BOARD_EXPORT_MAX_ORDERS`: more orders answer 400, never a cut file. */
  readonly exportMaxOrders: number;
  /** Shows a status change in the inbox channel's card (TeamsDistributorDesk.refreshInboxCard). */
  readonly onStatusChanged?: ((order: StoredOrder) => Promise<void>) | undefined;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/**
 * The distributor's board API (README, "HTTP contract"; types in
 * src/domain/distributor/board-api.ts): every route only for staff
 * (bot/http/staff-caller.ts).
 */
export function registerDistributorRoutes(server: Server, deps: DistributorRoutesDependencies): void {
  const clock = deps.clock ?? (() => new Date());
  const today = (): string => todayInTimeZone(clock(), deps.timeZone);
  const staff = (handler: Parameters<typeof authenticated<StaffCaller>>[1]) =>
    authenticated<StaffCaller>({ resolveCaller: deps.resolveCaller, logger: deps.logger }, async (req, res, caller) => {
      try {
        await handler(req, res, caller);
      } catch (error) {
        if (!(error instanceof BoardRangeTooLargeError)) throw error;
        res.json(400, apiError('range_too_large', `The range holds more than ${error.limit} orders, the most one request reads: narrow the range (from, to).`, 'from'));
      }
    });

  server.get('/api/distributor/orders', staff(async (req, res) => {
    const query = parseBoardListQuery(queryOf(req), today());
    if (!query.ok) {
      res.json(400, queryError(query.error));
      return;
    }
    res.json(200, await deps.board.list(query.value));
  }));

  server.get('/api/distributor/orders/export', staff(async (req, res) => {
    const raw = queryOf(req);
    const format = parseExportFormat(raw);
    const filter = parseBoardFilter(raw, today());
    const locale = parseLocale(raw['locale'], deps.locale);
    if (!format.ok || !filter.ok || locale === undefined) {
      res.json(400, !format.ok ? queryError(format.error) : !filter.ok ? queryError(filter.error) : apiError('invalid_query', 'locale is ru or en', 'locale'));
      return;
    }
    const selected = await deps.board.select(filter.value);
    if (selected.length > deps.exportMaxOrders) {
      res.json(400, apiError('export_too_large', `${selected.length} orders match, more than the ${deps.exportMaxOrders} one export holds: narrow the range or the filters.`, 'from'));
      return;
    }
    const orders = await readAll(selected.map(({ tenantId, id }) => () => deps.orders.get(tenantId, id)));
    const table = exportTable({ orders, catalog: deps.catalog, locale, timeZone: deps.timeZone });
    const file = await exportFile(table, format.value);
    const name = `orders-${filter.value.from}-${filter.value.to}.${format.value}`;
    res.header('Content-Type', file.contentType);
    res.header('Content-Disposition', `attachment; filename="${name}"`);
    res.header('Content-Length', String(file.body.length));
    res.writeHead(200);
    res.end(file.body);
  }));

  server.get('/api/distributor/orders/:tenantId/:id', staff(async (req, res) => {
    const { tenantId, id } = orderKey(req);
    const detail = await deps.board.detail(tenantId, id);
    if (detail === undefined) {
      res.json(404, apiError('order_not_found', `No order ${id} of tenant ${tenantId}`, 'id'));
      return;
    }
    res.json(200, detail);
  }));

  server.post('/api/distributor/orders/:tenantId/:id/status', staff(async (req, res, caller) => {
    const { tenantId, id } = orderKey(req);
    const body = statusBody(req.body);
    if (!body.ok) {
      res.json(400, apiError('invalid_body', body.message, body.field));
      return;
    }
    const name = caller.name ?? caller.userPrincipalName;
    const result = await deps.orders.changeStatus(
      tenantId,
      id,
      { status: body.status, expectedRevision: body.revision, ...(body.comment !== undefined && { comment: body.comment }) },
      { now: clock(), ...(name !== undefined && { actor: name }) },
    );
    switch (result.kind) {
      case 'changed': {
        deps.logger.info({ tenantId, orderId: id, status: body.status, by: caller.userId }, 'order status changed from the board');
        await deps.onStatusChanged?.(result.order);
        const order: BoardOrder = result.order;
        res.json(200, order);
        return;
      }
      case 'notFound':
        res.json(404, apiError('order_not_found', `No order ${id} of tenant ${tenantId}`, 'id'));
        return;
      case 'conflict':
        res.json(409, apiError('stale_revision', `The order changed since you looked (${result.message}): reload it.`, 'revision'));
        return;
      case 'invalidTransition':
        res.json(422, apiError('invalid_transition', `An order that is ${result.from} cannot become ${result.to}.`, 'status'));
        return;
      case 'invalid':
        res.json(422, { errors: localizeErrors(result.errors, localeFromTag(req.header('accept-language'))) });
        return;
      case 'customerAgreementMissing':
        res.json(422, apiError('customer_agreement_missing', pick(customerAgreementTexts.completionRefused, localeFromTag(req.header('accept-language'))), 'status'));
        return;
      case 'busy':
        res.header('Retry-After', String(result.retryAfterSeconds));
        res.json(503, apiError('busy', `The server is changing as many orders as it can just now; this order was not changed. Retry after ${result.retryAfterSeconds} s.`));
        return;
    }
  }));
}

function queryOf(req: Request): RawQuery {
  const query: unknown = req.query;
  return typeof query === 'object' && query !== null ? (query as RawQuery) : {};
}

function queryError(error: BoardQueryError) {
  return apiError(error.code, `${error.field}: ${error.message}`, error.field);
}

function parseLocale(value: unknown, fallback: Locale): Locale | undefined {
  if (value === undefined) return fallback;
  return value === 'ru' || value === 'en' ? value : undefined;
}

/** The tenant id is a GUID (or the Playground's longer demo id); anything else matches no order. */
function orderKey(req: Request): { tenantId: string; id: string } {
  const tenantId = String(req.params?.['tenantId'] ?? '').toLowerCase();
  return { tenantId: /^[0-9a-z-]{1,100}$/.test(tenantId) ? tenantId : '-', id: String(req.params?.['id'] ?? '') };
}

type StatusBody =
  | { readonly ok: true; readonly status: (typeof BOARD_STATUSES)[number]; readonly revision: number; readonly comment?: string }
  | { readonly ok: false; readonly field: string; readonly message: string };

function statusBody(body: unknown): StatusBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, field: '', message: 'The body must be a JSON object: { status, comment?, revision }' };
  const { status, revision, comment } = body as Record<string, unknown>;
  const known = BOARD_STATUSES.find((s) => s === status);
  if (known === undefined) return { ok: false, field: 'status', message: `status must be one of ${BOARD_STATUSES.join(', ')}` };
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1) {
    return { ok: false, field: 'revision', message: 'revision must be the order revision you looked at (a whole number from 1)' };
  }
  if (comment !== undefined && typeof comment !== 'string') return { ok: false, field: 'comment', message: 'comment must be text' };
  return { ok: true, status: known, revision, ...(comment !== undefined && { comment }) };
}

/** Reads every order, a few at a time; one missing since the index was read is left out. */
async function readAll(reads: readonly (() => Promise<StoredOrder | undefined>)[]): Promise<StoredOrder[]> {
  const orders: StoredOrder[] = [];
  for (let start = 0; start < reads.length; start += 16) {
    const batch = await Promise.all(reads.slice(start, start + 16).map((read) => read()));
    orders.push(...batch.filter((order): order is StoredOrder => order !== undefined));
  }
  return orders;
}
