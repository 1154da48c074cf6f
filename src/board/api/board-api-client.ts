import { parseCustomerList } from '../../domain/journey/customer-list.js';
import type { CustomerList } from '../../domain/journey/customer-list.js';
import type { ExportFormat, StatusChangeRequest } from '../../domain/distributor/board-api.js';
import type { OrderStatus } from '../../domain/order/order.js';
import type { ApiFailure, ApiResult } from '../../tab/api/api-failure.js';
import { createApiTransport, failureFrom } from '../../tab/api/api-transport.js';
import type { ApiClientOptions } from '../../tab/api/api-transport.js';
import { createCustomerAgreementBoardApi } from '../customer-agreement/customer-agreement-board-api.js';
import type { CustomerAgreementBoardApi } from '../customer-agreement/customer-agreement-board-api.js';
import { createGdapBoardApi } from '../gdap/gdap-board-api.js';
import type { GdapBoardApi, SendJson } from '../gdap/gdap-board-api.js';
import { orderDetailSchema, orderListPageSchema } from './board-response.js';
import type { OrderDetail, OrderListPage } from './board-response.js';

/** What the staff narrowed the list to; every field optional, as in the query string. */
export interface BoardFilters {
  readonly status?: OrderStatus | undefined;
  /** INN, organization, technical domain, order number or contact e-mail. */
  readonly q?: string | undefined;
  /** ISO dates `YYYY-MM-DD`, inclusive, in the distributor's time zone. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly needsAction?: boolean | undefined;
}

export interface OrderKey {
  readonly tenantId: string;
  readonly id: string;
}

export type StatusChangeOutcome =
  | { readonly kind: 'changed' }
  /** 409: someone (or the customer) changed the order since it was loaded. */
  | { readonly kind: 'stale' }
  /** 422: the order's status does not allow this change; `reason` is the server's words when it sent them. */
  | { readonly kind: 'notAllowed'; readonly reason?: string | undefined }
  | { readonly kind: 'failed'; readonly failure: ApiFailure };

export interface ExportFile {
  readonly fileName: string;
  readonly content: Blob;
}

export type { ExportFormat, StatusChangeRequest };

export interface BoardApiClient {
  listOrders(filters: BoardFilters, cursor?: string, signal?: AbortSignal): Promise<ApiResult<OrderListPage>>;
  getOrder(key: OrderKey, signal?: AbortSignal): Promise<ApiResult<OrderDetail>>;
  changeStatus(key: OrderKey, request: StatusChangeRequest): Promise<StatusChangeOutcome>;
  /** The file comes through the signed-in call (a plain link would carry no token). */
  exportOrders(filters: BoardFilters, format: ExportFormat): Promise<ApiResult<ExportFile>>;
  /** GDAP for an order's customer (the order view's GDAP section). */
  readonly gdap: GdapBoardApi;
  /** A customer's MCA and its hand-off to Partner Center (the order view's MCA section). */
  readonly customerAgreement: CustomerAgreementBoardApi;
  /** The «Клиенты» view: customers longest stuck first, a page at a time. */
  listCustomers(query: CustomersQuery, signal?: AbortSignal): Promise<ApiResult<CustomerList>>;
}

export interface CustomersQuery {
  /** Only customers stuck more than this many days. */
  readonly stuckDays?: number | undefined;
  readonly cursor?: string | undefined;
}

export const DISTRIBUTOR_CUSTOMERS_PATH = '/api/distributor/customers';

export const DISTRIBUTOR_ORDERS_PATH = '/api/distributor/orders';

/** The filters as query parameters; empty ones are left out so the server applies its defaults. */
export function filterQuery(filters: BoardFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status !== undefined) query.set('status', filters.status);
  const q = filters.q?.trim();
  if (q) query.set('q', q);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (filters.needsAction) query.set('needsAction', 'true');
  return query;
}

function orderPath(key: OrderKey): string {
  return `${DISTRIBUTOR_ORDERS_PATH}/${encodeURIComponent(key.tenantId)}/${encodeURIComponent(key.id)}`;
}

export function createBoardApiClient(options: ApiClientOptions): BoardApiClient {
  const transport = createApiTransport(options);
  /** The sections that act on their own (GDAP, MCA) get the answer itself; a failure without one throws. */
  const sendJson: SendJson = async (method, path, body) => {
    const result = await transport.exchange(method, path, body);
    if (!result.ok) throw new Error(failureDetail(result.failure));
    return result.response;
  };
  return {
    listOrders(filters, cursor, signal) {
      const query = filterQuery(filters);
      if (cursor !== undefined) query.set('cursor', cursor);
      const search = query.toString();
      return transport.getJson(`${DISTRIBUTOR_ORDERS_PATH}${search ? `?${search}` : ''}`, (body) => orderListPageSchema.parse(body), signal);
    },

    getOrder: (key, signal) => transport.getJson(orderPath(key), (body) => orderDetailSchema.parse(body), signal),

    async changeStatus(key, request) {
      const result = await transport.exchange('POST', `${orderPath(key)}/status`, request);
      if (!result.ok) return { kind: 'failed', failure: result.failure };
      const { response } = result;
      if (response.ok) return { kind: 'changed' };
      const failure = await failureFrom(response);
      if (response.status === 409) return { kind: 'stale' };
      if (response.status === 422) return { kind: 'notAllowed', reason: failure.kind === 'http' ? failure.message : undefined };
      return { kind: 'failed', failure };
    },

    listCustomers(query, signal) {
      const search = new URLSearchParams();
      if (query.stuckDays !== undefined) search.set('stuckDays', String(query.stuckDays));
      if (query.cursor !== undefined) search.set('cursor', query.cursor);
      const suffix = search.toString();
      return transport.getJson(`${DISTRIBUTOR_CUSTOMERS_PATH}${suffix ? `?${suffix}` : ''}`, parseCustomerList, signal);
    },

    async exportOrders(filters, format) {
      const query = filterQuery(filters);
      query.set('format', format);
      // The file's headers in the language the staff member reads the board in.
      query.set('locale', options.locale());
      const result = await transport.exchange('GET', `${DISTRIBUTOR_ORDERS_PATH}/export?${query.toString()}`, undefined);
      if (!result.ok) return result;
      const { response } = result;
      if (!response.ok) return { ok: false, failure: await failureFrom(response) };
      const fileName = fileNameFrom(response.headers.get('content-disposition')) ?? `orders.${format}`;
      return { ok: true, value: { fileName, content: await response.blob() } };
    },

    gdap: createGdapBoardApi(sendJson),
    customerAgreement: createCustomerAgreementBoardApi(sendJson),
  };
}

/** A failure without an answer (sign-in, network, a lasting 5xx), in words for the GDAP and MCA sections' error lines. */
function failureDetail(failure: ApiFailure): string {
  if (failure.kind === 'consentRequired') return 'consent required';
  if (failure.kind === 'interactionRequired') return 'sign in again';
  return failure.kind === 'http' ? (failure.message ?? failure.detail) : failure.detail;
}

/** `attachment; filename="orders.csv"; filename*=UTF-8''…` (RFC 6266): the UTF-8 name wins. */
export function fileNameFrom(header: string | null): string | undefined {
  if (header === null) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed extended name: fall back to the plain one.
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim();
}

/**
 * The caller is signed in but is not the distributor's staff (`403 not_staff`).
 * Any other 403 from these routes means the same, so the code is not required.
 */
export function isNotStaff(failure: ApiFailure): boolean {
  return failure.kind === 'http' && failure.status === 403;
}
