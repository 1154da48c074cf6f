import { describe, expect, it } from 'vitest';
import { exportTable, toCsv } from '../../../src/domain/distributor/order-export.js';
import { storedOrder } from '../../support/order-fixtures.js';
import type { Catalog } from '../../../src/domain/catalog/catalog.js';

const CATALOG: Catalog = [{ sku: 'SPB', skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', displayName: 'Microsoft 365 Business Premium' }];

describe('toCsv', () => {
  it('starts with a BOM, separates with ";", ends lines with CRLF and quotes as RFC 4180 says', () => {
    const csv = toCsv({ headers: ['a', 'b;c'], rows: [['say "hi"', 'two\nlines'], [42, 'plain']] });
    expect(csv).toBe('\uFEFFa;"b;c"\r\n"say ""hi""";"two\nlines"\r\n42;plain\r\n');
  });

  it.each(['=1+1', '+7 495', '-2', '@SUM(A1)', '\tx', '\rx'])('defuses %j so a spreadsheet does not run it', (cell) => {
    expect(toCsv({ headers: [], rows: [[cell]] }).split('\r\n')[1]).toMatch(/^"?'/);
  });

  it('leaves numbers, even negative ones, as numbers', () => {
    expect(toCsv({ headers: [], rows: [[-3]] }).split('\r\n')[1]).toBe('-3');
  });
});

describe('exportTable', () => {
  it('writes one row per line, with Partner Center ids and times in the zone the headers name', () => {
    const order = storedOrder({ createdAt: '2026-11-19T21:30:00.000Z', updatedAt: '2026-11-20T06:00:00.000Z' });
    const table = exportTable({ orders: [order], catalog: CATALOG, locale: 'en', timeZone: 'Asia/Yekaterinburg' });
    expect(table.headers.slice(3, 5)).toEqual(['Received (Asia/Yekaterinburg)', 'Updated (Asia/Yekaterinburg)']);
    expect(table.rows).toHaveLength(order.lines.length);
    expect(table.rows[0]?.slice(0, 12)).toEqual([
      order.id, 'Submitted', 1, '2026-11-20 02:30', '2026-11-20 11:00', order.tenantId, 'Yes', order.technicalDomain,
      'Microsoft 365 Business Premium', 'SPB', 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', 25,
    ]);
    // A SKU outside the catalog keeps its part number as its name, with no skuId.
    expect(table.rows[1]?.slice(8, 12)).toEqual(['ENTERPRISEPACK', 'ENTERPRISEPACK', '', 1]);
  });
});
