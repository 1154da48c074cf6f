import type { Catalog } from '../../src/domain/catalog/catalog.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import type { CustomerAgreementFact } from '../../src/domain/customer-agreement/customer-agreement-fact.js';
import { readCustomerAgreementFact } from '../customer-agreement/customer-agreement-lookup.js';
import type { CustomerAgreementLookup } from '../customer-agreement/customer-agreement-lookup.js';

/**
 * The Teams deep link to an order on the board, for cards and e-mails;
 * undefined when there is none to give (bot/distributor/board-links.ts makes it).
 */
export type BoardLinks = (order: StoredOrder) => Promise<string | undefined>;

/** How the distributor's staff read an order on every channel: the card in Teams, the webhook's card, the e-mail. */
export interface DistributorReading {
  /** Language of the distributor's staff (`DELIVERY_LOCALE`). */
  readonly locale: Locale;
  readonly catalog: Catalog;
  /** `DISTRIBUTOR_TIME_ZONE`: every time is shown there, the zone named. */
  readonly timeZone: string;
  /** The "Open in board" link; none without it. */
  readonly boardLinks?: BoardLinks | undefined;
  /** The tenants' MCA, shown next to the order; absent: no such line. */
  readonly customerAgreements?: CustomerAgreementLookup | undefined;
}

/** What a card or an e-mail of this order is rendered from. */
export interface OrderReading {
  readonly locale: Locale;
  readonly order: StoredOrder;
  readonly catalog: Catalog;
  readonly timeZone: string;
  readonly boardLink: string | undefined;
  readonly customerAgreement: CustomerAgreementFact | undefined;
}

export async function orderReading(reading: DistributorReading, order: StoredOrder): Promise<OrderReading> {
  const [boardLink, customerAgreement] = await Promise.all([
    reading.boardLinks?.(order),
    readCustomerAgreementFact(reading.customerAgreements, order.tenantId),
  ]);
  return { locale: reading.locale, order, catalog: reading.catalog, timeZone: reading.timeZone, boardLink, customerAgreement };
}
