import type { ConvertedTrial, OrderStatus, StoredOrder } from '../order/order.js';
import type { RelationshipLevel } from '../tenant/tenant-response.js';

/**
 * The contract of the distributor's board API (`/api/distributor/*`), as pure
 * types the board page imports type-only. The server builds exactly these
 * shapes (bot/http/distributor-routes.ts). Every error answers the one JSON
 * error shape of `/api/*`: `{ errors: [{ field, code, message }] }`, with
 * `field` naming the query parameter or body field at fault:
 * 401 `unauthorized`, 403 `not_staff`, 400 `invalid_query`, 404 `not_found`,
 * 409 `stale_revision`, 422 `invalid_transition`, 400 `export_too_large`.
 */

/** Every order status, in the order the board shows them. */
export const BOARD_STATUSES: readonly OrderStatus[] = ['submitted', 'accepted', 'changesRequested', 'completed'];

export interface BoardOrderLineSummary {
  readonly sku: string;
  /** Microsoft's product name from the catalog; the SKU itself when it is not in the catalog. */
  readonly productName: string;
  readonly quantity: number;
}

/** One row of the board's list. */
export interface OrderSummary {
  readonly tenantId: string;
  readonly id: string;
  readonly status: OrderStatus;
  readonly revision: number;
  /** ISO timestamps (UTC); the board shows them in `timeZone` of `/api/config`. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly organizationName: string;
  readonly inn: string;
  readonly technicalDomain: string;
  readonly contactEmail: string;
  readonly lines: readonly BoardOrderLineSummary[];
  /** `submitted`, or changed since staff last opened it on the board. */
  readonly needsAction: boolean;
}

/** `GET /api/distributor/orders` */
export interface OrderListResponse {
  /** Newest first (by `createdAt`). */
  readonly orders: readonly OrderSummary[];
  /** Pass as `cursor` (with the same filters) for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
  /** Orders per status in the whole range and search (not only this page); `status` and `needsAction` do not narrow them. */
  readonly counts: Readonly<Record<OrderStatus, number>>;
  /** The range actually read, ISO dates `YYYY-MM-DD` in the distributor's time zone, both inclusive. */
  readonly from: string;
  readonly to: string;
}

/**
 * The query of the list and the export (all optional):
 * - `status`: one status, or several comma-separated;
 * - `q`: search in INN, organization name, technical domain, order number, contact e-mail (case-insensitive, substring);
 * - `from`, `to`: ISO dates `YYYY-MM-DD` in the distributor's time zone, inclusive; default the last 90 days, at most 366 days;
 * - `needsAction`: `true` for orders that need staff (`submitted`, or changed since last looked at);
 * - `cursor`: from `nextCursor`; only valid with the same filters;
 * - `limit`: page size 1–100, default 50 (list only);
 * - `format`: `csv` or `xlsx` (export only); `locale`: `ru` or `en` for the export's headers (default `DELIVERY_LOCALE`).
 */
export interface BoardQueryParams {
  readonly status?: string;
  readonly q?: string;
  readonly from?: string;
  readonly to?: string;
  readonly needsAction?: string;
  readonly cursor?: string;
  readonly limit?: string;
}

export type BoardDeliveryState = 'pending' | 'delivering' | 'delivered' | 'failed' | 'superseded';

/** A delivery of an order revision to one of the distributor's channels, as staff see it. */
export interface BoardDelivery {
  readonly channel: string;
  readonly revision: number;
  readonly state: BoardDeliveryState;
  readonly attempts: number;
  readonly lastError?: string;
  /** ISO timestamp. */
  readonly deliveredAt?: string;
  /** ISO timestamp of the next attempt, while `pending`. */
  readonly nextAttemptAt?: string;
}

/** The stored order with its whole history and every delivery of every revision. */
export interface BoardOrder extends StoredOrder {
  readonly deliveries: readonly BoardDelivery[];
}

export interface PartnerCenterLine {
  readonly productName: string;
  readonly skuPartNumber: string;
  /** Microsoft's GUID for the SKU; `null` when the SKU is not in Microsoft's list. */
  readonly skuId: string | null;
  readonly quantity: number;
}

/** What staff copy into Partner Center, each value on its own. */
export interface PartnerCenterFacts {
  readonly tenantId: string;
  readonly technicalDomain: string;
  readonly lines: readonly PartnerCenterLine[];
  /** The trial to convert, when the order is a trial conversion and names it. */
  readonly trial: ConvertedTrial | null;
}

/** `GET /api/distributor/orders/:tenantId/:id` */
export interface BoardOrderDetail {
  readonly order: BoardOrder;
  readonly partnerCenter: PartnerCenterFacts;
  /** Whether the technical domain was the tenant's default; `null`: not known to the server. */
  readonly technicalDomainIsDefault: boolean | null;
  readonly evidence: {
    /** The relationship level recorded when the current revision was submitted; `null` for orders without it. */
    readonly atSubmission: RelationshipLevel | null;
    /** The level the distributor's own (partner-side) credentials see now; `null` when not configured or not asked. */
    readonly now: RelationshipLevel | null;
  };
  /** Whether this order needed staff before this read (the read marks it seen). */
  readonly needsAction: boolean;
}

/** `POST /api/distributor/orders/:tenantId/:id/status`, JSON body. Answers `BoardOrderDetail['order']`. */
export interface StatusChangeRequest {
  readonly status: OrderStatus;
  readonly comment?: string;
  /** The revision the staff member looked at: a newer stored revision answers 409. */
  readonly revision: number;
}

export type ExportFormat = 'csv' | 'xlsx';
