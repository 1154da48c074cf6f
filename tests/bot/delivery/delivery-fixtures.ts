import { readFileSync } from 'node:fs';
import { createCatalog } from '../../../src/domain/catalog/catalog.js';
import type { Catalog } from '../../../src/domain/catalog/catalog.js';
import { parseSkuCsv } from '../../../src/domain/catalog/sku-csv.js';
import { ORDER_LIMITS } from '../../../src/domain/order/order-validation.js';
import type { StatusChange, StoredOrder } from '../../../src/domain/order/order.js';
import { storedOrder } from '../../support/order-fixtures.js';

export { catalog } from '../../domain/cards/card-fixtures.js';

const skuNames = parseSkuCsv(readFileSync(new URL('../../../data/microsoft-license-skus.csv', import.meta.url), 'utf8'));

/** The 20 SKUs with the longest names: the widest catalog an order can draw its maximum of lines from. */
export const longNamesCatalog: Catalog = createCatalog(
  [...skuNames]
    .sort((a, b) => b.productDisplayName.length - a.productDisplayName.length)
    .slice(0, ORDER_LIMITS.maxLines)
    .map((name) => name.skuPartNumber),
  skuNames,
);

/**
 * Text of the given length that costs the most bytes on a card: each
 * backslash is escaped for markdown (`\\`) and again for JSON (`\\\\`).
 */
function costliest(length: number): string {
  return '\\'.repeat(length);
}

/**
 * An order at every limit validation allows: the maximum number of lines
 * with the largest quantities, every text at its maximum length, and a long
 * history of status changes carrying long comments.
 */
export function largestOrder(historyLength = 40): StoredOrder {
  const text = costliest(ORDER_LIMITS.textLength);
  const history: StatusChange[] = Array.from({ length: historyLength }, (_, index) => ({
    status: index % 2 === 0 ? 'submitted' : 'changesRequested',
    at: `2026-05-01T09:${String(index % 60).padStart(2, '0')}:00.000Z`,
    by: text,
    comment: costliest(1000),
    revision: Math.floor(index / 2) + 1,
  }));
  return storedOrder({
    technicalDomain: `${'a'.repeat(63)}.onmicrosoft.com`,
    lines: longNamesCatalog.map((item) => ({ sku: item.sku, quantity: ORDER_LIMITS.maxQuantity })),
    organization: {
      name: costliest(ORDER_LIMITS.organizationNameLength),
      inn: '500100732259',
      address: { postalCode: '101000', city: text, street: text },
    },
    contact: { fullName: text, phone: '+74951234567', email: `${'a'.repeat(64)}@${'b'.repeat(120)}.example.com` },
    subscriptionKind: 'trialConversion',
    revision: Math.floor(historyLength / 2) + 1,
    history,
  });
}
