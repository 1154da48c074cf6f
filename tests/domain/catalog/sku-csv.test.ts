import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSkuCsv } from '../../../src/domain/catalog/sku-csv.js';

const realCsv = readFileSync(new URL('../../../data/microsoft-license-skus.csv', import.meta.url), 'utf8');

describe('parseSkuCsv', () => {
  it('reads every SKU of Microsoft’s list', () => {
    const names = parseSkuCsv(realCsv);
    expect(names).toHaveLength(568);
    expect(names[0]).toEqual({
      skuPartNumber: 'AAD_BASIC',
      skuId: '2b9c8e7c-319c-43a2-a2a0-48c5c6161de7',
      productDisplayName: 'Microsoft Entra ID Basic',
    });
    expect(names.find((name) => name.skuPartNumber === 'SPB')?.productDisplayName).toBe('Microsoft 365 Business Premium');
  });

  it('keeps commas inside quoted fields (real rows)', () => {
    const names = parseSkuCsv(realCsv);
    expect(names.find((name) => name.skuId === '878b8bbd-3cd0-4b44-9a56-3406741e65e0')).toEqual({
      skuPartNumber: 'Power_Pages_authenticated_users_T3_min_1,000_units_100_users/per_site/month_capacity_pack',
      skuId: '878b8bbd-3cd0-4b44-9a56-3406741e65e0',
      productDisplayName: 'Power Pages authenticated users T3 min 1,000 units - 100 users/per site/month capacity pack',
    });
  });

  it('handles doubled quotes, a BOM, LF endings and a quoted line break', () => {
    const csv = '\uFEFFskuPartNumber,skuId,productDisplayName\nA,1,"Say ""hi"", world"\nB,2,"two\nlines"\n\n';
    expect(parseSkuCsv(csv)).toEqual([
      { skuPartNumber: 'A', skuId: '1', productDisplayName: 'Say "hi", world' },
      { skuPartNumber: 'B', skuId: '2', productDisplayName: 'two\nlines' },
    ]);
  });

  it('rejects an unexpected header', () => {
    expect(() => parseSkuCsv('sku,id,name\r\nA,1,x\r\n')).toThrow(/header/);
  });

  it('names the line of a malformed row', () => {
    const csv = 'skuPartNumber,skuId,productDisplayName\r\nA,1,x\r\nB,2\r\n';
    expect(() => parseSkuCsv(csv)).toThrow(/line 3/);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseSkuCsv('skuPartNumber,skuId,productDisplayName\r\nA,1,"x\r\n')).toThrow(/unterminated/);
  });
});
