import { findCatalogItem } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/catalog.js';
import { pick } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { addressText, readablePhone } from '../order/display-values.js';
import { unicodeMailAddress } from '../order/mail-address.js';
import type { OrderLine, OrderSubmission } from '../order/order.js';
import type { Fact } from './adaptive-card.js';
import { escapeCardText } from './card-text.js';
import { formatCardDate } from './card-format.js';
import { commonTexts, convertedTrialText, licenseCount, orderFactTexts, subscriptionKindLabels } from './card-texts.js';

/**
 * Facts describing an order, shared by the distributor's and the customer's
 * cards. Every value that came from a user or from configuration is escaped
 * here, so the card builders cannot forget it.
 */

function fact(title: keyof typeof orderFactTexts, value: string, locale: Locale): Fact {
  return { title: pick(orderFactTexts[title], locale), value };
}

export interface LineFactOptions {
  /** Distributor staff need the SKU part number to place the order with Microsoft. */
  readonly showSku: boolean;
}

/** One fact per order line: the product name, and the number of licenses. */
export function subscriptionLineFacts(
  lines: readonly OrderLine[],
  catalog: Catalog,
  locale: Locale,
  options: LineFactOptions,
): Fact[] {
  return lines.map((line) => {
    const item = findCatalogItem(catalog, line.sku);
    const count = pick(licenseCount(line.quantity), locale);
    // Without a catalog entry the title already is the SKU, so it is not repeated.
    const skuSuffix = options.showSku && item ? ` (${escapeCardText(line.sku)})` : '';
    return { title: escapeCardText(item?.displayName ?? line.sku), value: `${count}${skuSuffix}` };
  });
}

/** Invitation, domain, activation date, subscription kind and, for a conversion, the trial picked. */
export function orderTermsFacts(order: OrderSubmission, catalog: Catalog, locale: Locale): Fact[] {
  return [
    fact('invitationAccepted', pick(order.invitationAccepted ? commonTexts.yes : commonTexts.no, locale), locale),
    fact('technicalDomain', escapeCardText(order.technicalDomain), locale),
    fact('activationDate', formatCardDate(order.activationDate, locale), locale),
    fact('subscriptionKind', pick(subscriptionKindLabels[order.subscriptionKind], locale), locale),
    ...(order.trial === undefined ? [] : [fact('convertedTrial', escapeCardText(describeTrial(order, catalog, locale) ?? ''), locale)]),
  ];
}

/**
 * The trial a conversion is for, as plain text: the product name and its
 * part number (staff need it to find the subscription), licenses, end date.
 */
export function describeTrial(order: OrderSubmission, catalog: Catalog, locale: Locale): string | undefined {
  const { trial } = order;
  if (trial === undefined) return undefined;
  const item = findCatalogItem(catalog, trial.sku);
  const product = item ? `${item.displayName} (${trial.sku})` : trial.sku;
  const endsOn = trial.endsOn === undefined ? undefined : formatCardDate(trial.endsOn, locale);
  return pick(convertedTrialText(product, licenseCount(trial.licenses), endsOn), locale);
}

/** Organization, INN, address and the main contact. */
export function customerFacts(order: OrderSubmission, locale: Locale): Fact[] {
  const { organization, contact } = order;
  return [
    fact('organizationName', escapeCardText(organization.name), locale),
    fact('inn', escapeCardText(organization.inn), locale),
    fact('address', escapeCardText(addressText(organization.address)), locale),
    fact('contactFullName', escapeCardText(contact.fullName), locale),
    fact('contactPhone', escapeCardText(readablePhone(contact.phone)), locale),
    // Orders stored before addresses were kept in Unicode may hold the domain in punycode.
    fact('contactEmail', escapeCardText(unicodeMailAddress(contact.email)), locale),
  ];
}
