import ExcelJS from 'exceljs';
import type { ExportFormat } from '../../src/domain/distributor/board-api.js';
import { toCsv } from '../../src/domain/distributor/order-export.js';
import type { ExportTable } from '../../src/domain/distributor/order-export.js';

export interface ExportFile {
  readonly contentType: string;
  readonly body: Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The export table as a file. XLSX cells are typed (text stays text, never a
 * formula), so only CSV needs the formula guard of `toCsv`.
 */
export async function exportFile(table: ExportTable, format: ExportFormat): Promise<ExportFile> {
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', body: Buffer.from(toCsv(table), 'utf8') };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Orders', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...table.headers]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, at) => {
    const widest = Math.max(...[table.headers[at] ?? '', ...table.rows.map((row) => row[at] ?? '')].map((cell) => String(cell).length));
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  return { contentType: XLSX_TYPE, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
