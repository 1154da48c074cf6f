import type { Catalog } from '../catalog/catalog.js';
import { findCatalogItem } from '../catalog/catalog.js';
import type { OrderStatus, StoredOrder } from '../order/order.js';
import { BOARD_STATUSES } from './board-api.js';
import type { OrderSummary } from './board-api.js';
import type { BoardFilter } from './board-query.js';

/**
 * What the board's index keeps of an order: the summary fields, with the
 * lines as SKU and quantity (product names come from the catalog when read,
 * so a renamed product shows its current name).
 */
export interface IndexedOrder extends Omit<OrderSummary, 'lines' | 'needsAction'> {
  readonly lines: readonly { readonly sku: string; readonly quantity: number }[];
}

export function indexedOrder(order: StoredOrder): IndexedOrder {
  return {
    tenantId: order.tenantId,
    id: order.id,
    status: order.status,
    revision: order.revision,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    organizationName: order.organization.name,
    inn: order.organization.inn,
    technicalDomain: order.technicalDomain,
    contactEmail: order.contact.email,
    lines: order.lines.map(({ sku, quantity }) => ({ sku, quantity })),
  };
}

/**
 * An order needs staff when it waits for their decision (`submitted`), or
 * when it changed after staff last opened it (`seenAt`, the `updatedAt` they
 * saw). A change staff make themselves counts as seen.
 */
export function needsStaffAction(order: Pick<IndexedOrder, 'status' | 'updatedAt'>, seenAt: string | undefined): boolean {
  return order.status === 'submitted' || (seenAt !== undefined && order.updatedAt > seenAt);
}

export function orderSummary(order: IndexedOrder, seenAt: string | undefined, catalog: Catalog): OrderSummary {
  return {
    ...order,
    lines: order.lines.map(({ sku, quantity }) => ({ sku, productName: findCatalogItem(catalog, sku)?.displayName ?? sku, quantity })),
    needsAction: needsStaffAction(order, seenAt),
  };
}

/** Search: a case-insensitive substring of the INN, organization name, technical domain, order number or contact e-mail. */
export function matchesSearch(order: IndexedOrder, search: string): boolean {
  if (search === '') return true;
  return [order.inn, order.organizationName, order.technicalDomain, order.id, order.contactEmail].some((field) =>
    field.toLowerCase().includes(search),
  );
}

/** Whether a summary passes the filters other than the range (the index read applies the range). */
export function matchesFilter(summary: OrderSummary, filter: BoardFilter): boolean {
  return (filter.statuses.length === 0 || filter.statuses.includes(summary.status)) && (!filter.needsAction || summary.needsAction);
}

/** Orders per status, every status present (zero when none). */
export function countByStatus(orders: readonly Pick<IndexedOrder, 'status'>[]): Record<OrderStatus, number> {
  const counts = Object.fromEntries(BOARD_STATUSES.map((status) => [status, 0])) as Record<OrderStatus, number>;
  for (const order of orders) counts[order.status] += 1;
  return counts;
}

/** The order's latest change was a staff decision (every customer change leaves it `submitted`). */
export function changedByStaff(order: Pick<StoredOrder, 'history'>): boolean {
  const last = order.history.at(-1);
  return last !== undefined && last.status !== 'submitted';
}
