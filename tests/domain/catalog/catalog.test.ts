import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OFFERED_SKUS,
  createCatalog,
  findCatalogItem,
  parseOfferedSkus,
} from '../../../src/domain/catalog/catalog.js';
import { parseSkuCsv } from '../../../src/domain/catalog/sku-csv.js';
import { configurationError } from '../../support/configuration-error.js';

const names = parseSkuCsv(readFileSync(new URL('../../../data/microsoft-license-skus.csv', import.meta.url), 'utf8'));

describe('DEFAULT_OFFERED_SKUS', () => {
  it('all exist in Microsoft’s list and make a catalog', () => {
    const catalog = createCatalog(DEFAULT_OFFERED_SKUS, names);
    expect(catalog.map((item) => item.sku)).toEqual(DEFAULT_OFFERED_SKUS);
  });

  it('include the core Microsoft 365 business plans', () => {
    const catalog = createCatalog(DEFAULT_OFFERED_SKUS, names);
    expect(findCatalogItem(catalog, 'O365_BUSINESS_ESSENTIALS')?.displayName).toBe('Microsoft 365 Business Basic');
    expect(findCatalogItem(catalog, 'O365_BUSINESS_PREMIUM')?.displayName).toBe('Microsoft 365 Business Standard');
    expect(findCatalogItem(catalog, 'SPB')?.displayName).toBe('Microsoft 365 Business Premium');
  });
});

describe('createCatalog', () => {
  it('keeps the offered order and takes ids and names from Microsoft’s list', () => {
    expect(createCatalog(['SPB', 'EXCHANGESTANDARD'], names)).toEqual([
      { sku: 'SPB', skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', displayName: 'Microsoft 365 Business Premium' },
      { sku: 'EXCHANGESTANDARD', skuId: '4b9405b0-7788-4568-add1-99614e613b69', displayName: 'Exchange Online (Plan 1)' },
    ]);
  });

  it('accepts a skuId for part numbers that cannot be written in the list', () => {
    const [item] = createCatalog(['00E1EC7B-E4A3-40D1-9441-B69B597AB222'], names);
    expect(item?.sku).toBe('Microsoft_365_ Business_ Premium_(no Teams)');
  });

  it('names every unknown SKU at once, suggesting the right case', () => {
    const error = configurationError(() => createCatalog(['SPB', 'spe_e3', 'NO_SUCH_SKU'], names));
    expect(error.variable).toBe('OFFERED_SKUS');
    expect(error.message).toContain('unknown SKU "spe_e3" (did you mean "SPE_E3"?)');
    expect(error.message).toContain('unknown SKU "NO_SUCH_SKU"');
  });

  it('rejects a SKU listed twice, also via its skuId', () => {
    const error = configurationError(() => createCatalog(['SPB', 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46'], names));
    expect(error.variable).toBe('OFFERED_SKUS');
    expect(error.message).toContain('listed twice');
  });

  it('rejects an empty offer', () => {
    expect(configurationError(() => createCatalog([], names)).variable).toBe('OFFERED_SKUS');
  });
});

describe('findCatalogItem', () => {
  const catalog = createCatalog(['SPB'], names);

  it('finds by exact part number only', () => {
    expect(findCatalogItem(catalog, 'SPB')?.skuId).toBe('cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46');
    expect(findCatalogItem(catalog, 'spb')).toBeUndefined();
    expect(findCatalogItem(catalog, 'SPE_E3')).toBeUndefined();
  });
});

describe('parseOfferedSkus', () => {
  it('splits on commas, semicolons and any whitespace', () => {
    expect(parseOfferedSkus(' SPB, SPE_E3;EXCHANGESTANDARD\n\tTeams_Ess ,, ')).toEqual([
      'SPB',
      'SPE_E3',
      'EXCHANGESTANDARD',
      'Teams_Ess',
    ]);
  });

  it('gives an empty list for a blank setting', () => {
    expect(parseOfferedSkus('  ,  ')).toEqual([]);
  });
});
