import { startOfDayInTimeZone, addDays } from '../../src/domain/calendar.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import { findCatalogItem } from '../../src/domain/catalog/catalog.js';
import type { BoardOrderDetail, OrderListResponse, OrderSummary } from '../../src/domain/distributor/board-api.js';
import { encodeCursor } from '../../src/domain/distributor/board-query.js';
import type { BoardFilter, BoardListQuery, BoardPosition } from '../../src/domain/distributor/board-query.js';
import { countByStatus, indexedOrder, matchesFilter, matchesSearch, orderSummary } from '../../src/domain/distributor/order-summary.js';
import type { IndexedOrder } from '../../src/domain/distributor/order-summary.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import type { RelationshipLevel } from '../../src/domain/tenant/tenant-response.js';
import type { OrderWithDeliveries } from '../storage/order-repository.js';
import type { BoardIndex, BoardRow } from '../storage/board-index.js';

export interface OrderBoardDependencies {
  readonly index: BoardIndex;
  /** Reads one order with its deliveries (OrderService.get). */
  readonly orders: { get(tenantId: string, orderId: string): Promise<OrderWithDeliveries | undefined> };
  readonly catalog: Catalog;
  /** `DISTRIBUTOR_TIME_ZONE`: the range's dates are days there. */
  readonly timeZone: string;
  /** The most index rows one request reads (`BOARD_RANGE_MAX_ORDERS`); more answers "narrow the range". */
  readonly maxRangeOrders: number;
  /** The relationship level now as the server sees it (partner side, else the order's declaration), when the distributor's own Graph app is configured. */
  readonly relationshipNow?: ((tenantId: string, declaredInvitationAccepted: boolean) => Promise<RelationshipLevel>) | undefined;
}

/** One order of a range, as the index holds it, with whether staff have seen its latest change. */
interface BoardEntry {
  readonly order: IndexedOrder;
  readonly seenAt: string | undefined;
}

/** How many pending rows are settled at once: each is one point read of an order. */
const SETTLE_CONCURRENCY = 8;

/**
 * The distributor's board over every customer tenant: reads the time index
 * for the requested range only (bot/storage/board-index.ts), settles rows a
 * crash left pending against their orders, then searches, counts, filters
 * and pages in memory. The cost of a request is the range's index rows
 * (at most `maxRangeOrders`), not the number of orders ever stored.
 */
export class OrderBoard {
  constructor(private readonly deps: OrderBoardDependencies) {}

  async list(query: BoardListQuery): Promise<OrderListResponse> {
    const matching = await this.matching(query.filter);
    const after = query.after;
    const rest = after === undefined ? matching.shown : matching.shown.filter((summary) => isAfter(summary, after));
    const page = rest.slice(0, query.limit);
    const last = page.at(-1);
    return {
      orders: page,
      nextCursor: rest.length > query.limit && last !== undefined ? encodeCursor(positionOf(last), query.filter) : null,
      counts: matching.counts,
      from: query.filter.from,
      to: query.filter.to,
    };
  }

  /** Every order the filters select, newest first (the export): summaries only, read the orders with `get`. */
  async select(filter: BoardFilter): Promise<readonly OrderSummary[]> {
    return (await this.matching(filter)).shown;
  }

  /** One order with what staff need beside it; marks it seen. `undefined`: no such order. */
  async detail(tenantId: string, orderId: string): Promise<BoardOrderDetail | undefined> {
    const order = await this.deps.orders.get(tenantId, orderId);
    if (order === undefined) return undefined;
    const [seenAt, now] = await Promise.all([this.deps.index.seenAt(order), this.relationshipNow(order)]);
    await this.deps.index.markSeen(order);
    return {
      order,
      partnerCenter: {
        tenantId: order.tenantId,
        technicalDomain: order.technicalDomain,
        lines: order.lines.map(({ sku, quantity }) => {
          const item = findCatalogItem(this.deps.catalog, sku);
          return { productName: item?.displayName ?? sku, skuPartNumber: sku, skuId: item?.skuId ?? null, quantity };
        }),
        trial: order.trial ?? null,
      },
      // Whether the domain is the default is a fact of the customer's directory, read only with the customer's own token.
      technicalDomainIsDefault: null,
      evidence: { atSubmission: order.evidenceAtSubmission ?? null, now },
      needsAction: orderSummary(indexedOrder(order), seenAt, this.deps.catalog).needsAction,
    };
  }

  /** `null` when not configured, or when Graph could not be asked: the view still opens. */
  private async relationshipNow(order: StoredOrder): Promise<RelationshipLevel | null> {
    if (this.deps.relationshipNow === undefined) return null;
    try {
      return await this.deps.relationshipNow(order.tenantId, order.invitationAccepted);
    } catch {
      return null;
    }
  }

  private async matching(filter: BoardFilter): Promise<{ shown: OrderSummary[]; counts: OrderListResponse['counts'] }> {
    const start = startOfDayInTimeZone(filter.from, this.deps.timeZone);
    const end = startOfDayInTimeZone(addDays(filter.to, 1), this.deps.timeZone);
    await this.deps.index.ensureBackfilled();
    const rows = await this.deps.index.read(start, end, this.deps.maxRangeOrders);
    const entries = await this.settled(rows);
    const found = entries.filter((entry) => matchesSearch(entry.order, filter.search));
    const summaries = found.map((entry) => orderSummary(entry.order, entry.seenAt, this.deps.catalog));
    return { shown: summaries.filter((summary) => matchesFilter(summary, filter)), counts: countByStatus(found.map((entry) => entry.order)) };
  }

  /** The rows' states; a pending row is settled against its order first (point read), a row without an order dropped. */
  private async settled(rows: readonly BoardRow[]): Promise<BoardEntry[]> {
    const entries: (BoardEntry | undefined)[] = rows.map((row) =>
      row.pending === undefined && row.confirmed !== undefined ? { order: row.confirmed, seenAt: row.seenAt } : undefined,
    );
    const unsettled = rows.map((row, at) => ({ row, at })).filter(({ at }) => entries[at] === undefined);
    for (let start = 0; start < unsettled.length; start += SETTLE_CONCURRENCY) {
      await Promise.all(
        unsettled.slice(start, start + SETTLE_CONCURRENCY).map(async ({ row, at }) => {
          const [tenantId, id] = row.rowKey.split('|').slice(1);
          const order = tenantId === undefined || id === undefined ? undefined : await this.deps.orders.get(tenantId, id);
          const state = await this.deps.index.settle(row, order);
          entries[at] = state === undefined ? undefined : { order: state, seenAt: row.seenAt };
        }),
      );
    }
    return entries.filter((entry): entry is BoardEntry => entry !== undefined);
  }
}

function positionOf(summary: OrderSummary): BoardPosition {
  return { at: Date.parse(summary.createdAt), tenantId: summary.tenantId, id: summary.id };
}

/** Newest first, ties by tenant and id, as the index's row keys sort. */
function isAfter(summary: OrderSummary, position: BoardPosition): boolean {
  const at = Date.parse(summary.createdAt);
  if (at !== position.at) return at < position.at;
  return `${summary.tenantId}|${summary.id}` > `${position.tenantId}|${position.id}`;
}
