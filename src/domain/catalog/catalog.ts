import { ConfigurationError } from '../configuration-error.js';
import type { SkuName } from './sku-csv.js';

/** One subscription the distributor offers. */
export interface CatalogItem {
  /** Microsoft's `skuPartNumber`, the key orders refer to, e.g. `O365_BUSINESS_PREMIUM`. */
  readonly sku: string;
  readonly skuId: string;
  readonly displayName: string;
}

/** The offered subscriptions, in the order the distributor listed them. */
export type Catalog = readonly CatalogItem[];

/**
 * A typical CSP distributor offer for small and mid-size customers, by
 * `skuPartNumber` (each verified against data/microsoft-license-skus.csv).
 */
export const DEFAULT_OFFERED_SKUS: readonly string[] = [
  'O365_BUSINESS_ESSENTIALS', // Microsoft 365 Business Basic
  'O365_BUSINESS_PREMIUM', // Microsoft 365 Business Standard
  'SPB', // Microsoft 365 Business Premium
  'O365_BUSINESS', // Microsoft 365 Apps for Business
  'OFFICESUBSCRIPTION', // Microsoft 365 Apps for Enterprise
  'STANDARDPACK', // Office 365 E1
  'ENTERPRISEPACK', // Office 365 E3
  'ENTERPRISEPREMIUM', // Office 365 E5
  'SPE_E3', // Microsoft 365 E3
  'SPE_E5', // Microsoft 365 E5
  'SPE_F1', // Microsoft 365 F3
  'EXCHANGESTANDARD', // Exchange Online (Plan 1)
  'EXCHANGEENTERPRISE', // Exchange Online (Plan 2)
  'Teams_Ess', // Microsoft Teams Essentials
  'VISIOONLINE_PLAN1', // Visio Plan 1
  'VISIOCLIENT', // Visio Plan 2
  'PROJECT_P1', // Planner Plan 1
  'PROJECTPROFESSIONAL', // Planner and Project Plan 3
  'PROJECTPREMIUM', // Project Plan 5 (listed as "Project Online Premium")
];

/**
 * Splits the `OFFERED_SKUS` setting: entries separated by commas, semicolons
 * or whitespace. (A few exotic part numbers contain spaces or commas; offer
 * those by their `skuId` instead.)
 */
export function parseOfferedSkus(raw: string): string[] {
  return raw.split(/[\s,;]+/).filter((entry) => entry !== '');
}

/**
 * Builds the catalog from the offered entries (each a `skuPartNumber` or a
 * `skuId`) and Microsoft's names. Throws ConfigurationError (`OFFERED_SKUS`)
 * listing every unknown or repeated entry, or when nothing is offered.
 */
export function createCatalog(offered: readonly string[], names: readonly SkuName[]): Catalog {
  if (offered.length === 0) {
    throw new ConfigurationError('no subscriptions are offered; list at least one SKU', 'OFFERED_SKUS');
  }
  const byPartNumber = new Map(names.map((name) => [name.skuPartNumber, name]));
  const bySkuId = new Map(names.map((name) => [name.skuId.toLowerCase(), name]));

  const items: CatalogItem[] = [];
  const problems: string[] = [];
  for (const entry of offered) {
    const name = byPartNumber.get(entry) ?? bySkuId.get(entry.toLowerCase());
    if (name === undefined) {
      problems.push(`unknown SKU "${entry}"${suggestion(entry, names)}`);
    } else if (items.some((item) => item.sku === name.skuPartNumber)) {
      problems.push(`SKU "${entry}" is listed twice`);
    } else {
      items.push({ sku: name.skuPartNumber, skuId: name.skuId, displayName: name.productDisplayName });
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems.join('; '), 'OFFERED_SKUS');
  return items;
}

export function findCatalogItem(catalog: Catalog, sku: string): CatalogItem | undefined {
  return catalog.find((item) => item.sku === sku);
}

/** Part numbers are case-sensitive; point out the likely intended one. */
function suggestion(entry: string, names: readonly SkuName[]): string {
  const match = names.find((name) => name.skuPartNumber.toLowerCase() === entry.toLowerCase());
  return match ? ` (did you mean "${match.skuPartNumber}"?)` : '';
}
