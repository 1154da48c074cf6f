import { localDateTimeInTimeZone } from '../calendar.js';
import type { Catalog } from '../catalog/catalog.js';
import { findCatalogItem } from '../catalog/catalog.js';
import { commonTexts, orderFactTexts, orderStatusLabels, subscriptionKindLabels } from '../cards/card-texts.js';
import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { StoredOrder } from '../order/order.js';

/**
 * The board's export as a table: one row per order line, with the ten items
 * of the order form and what Partner Center needs (tenant id, `skuId`).
 * Times are local to the distributor's zone, which the headers name. The
 * file writers (CSV, XLSX) only lay this table out.
 */

export type ExportCell = string | number;

export interface ExportTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

const exportTexts = {
  tenantId: { ru: 'ID клиента (tenant ID)', en: 'Tenant ID' },
  productName: { ru: 'Подписка', en: 'Subscription' },
  skuPartNumber: { ru: 'skuPartNumber', en: 'skuPartNumber' },
  skuId: { ru: 'skuId', en: 'skuId' },
  quantity: { ru: 'Количество лицензий', en: 'Licenses' },
  inZone: (label: string, timeZone: string): LocalizedText => ({ ru: `${label} (${timeZone})`, en: `${label} (${timeZone})` }),
} as const;

export interface ExportInput {
  readonly orders: readonly StoredOrder[];
  readonly catalog: Catalog;
  readonly locale: Locale;
  readonly timeZone: string;
}

export function exportTable({ orders, catalog, locale, timeZone }: ExportInput): ExportTable {
  const t = (text: LocalizedText): string => pick(text, locale);
  const headers = [
    t(orderFactTexts.orderNumber),
    t(orderFactTexts.status),
    t(orderFactTexts.revision),
    t(exportTexts.inZone(t(orderFactTexts.createdAt), timeZone)),
    t(exportTexts.inZone(t(orderFactTexts.updatedAt), timeZone)),
    t(exportTexts.tenantId),
    t(orderFactTexts.invitationAccepted),
    t(orderFactTexts.technicalDomain),
    t(exportTexts.productName),
    t(exportTexts.skuPartNumber),
    t(exportTexts.skuId),
    t(exportTexts.quantity),
    t(orderFactTexts.activationDate),
    t(orderFactTexts.organizationName),
    t(orderFactTexts.inn),
    t(orderFactTexts.address),
    t(orderFactTexts.contactFullName),
    t(orderFactTexts.contactPhone),
    t(orderFactTexts.contactEmail),
    t(orderFactTexts.subscriptionKind),
    t(orderFactTexts.convertedTrial),
  ];
  const rows = orders.flatMap((order) => {
    const { organization: org, contact } = order;
    const trial = order.trial === undefined ? '' : `${order.trial.sku} × ${order.trial.licenses}${order.trial.endsOn ? `, ${order.trial.endsOn}` : ''}`;
    return order.lines.map((line): ExportCell[] => {
      const item = findCatalogItem(catalog, line.sku);
      return [
        order.id,
        t(orderStatusLabels[order.status]),
        order.revision,
        localDateTimeInTimeZone(new Date(order.createdAt), timeZone),
        localDateTimeInTimeZone(new Date(order.updatedAt), timeZone),
        order.tenantId,
        t(order.invitationAccepted ? commonTexts.yes : commonTexts.no),
        order.technicalDomain,
        item?.displayName ?? line.sku,
        line.sku,
        item?.skuId ?? '',
        line.quantity,
        order.activationDate,
        org.name,
        org.inn,
        [org.address.postalCode, org.address.city, org.address.street].join(', '),
        contact.fullName,
        contact.phone,
        contact.email,
        t(subscriptionKindLabels[order.subscriptionKind]),
        trial,
      ];
    });
  });
  return { headers, rows };
}

/**
 * CSV as Excel in a Russian locale opens it by double click: UTF-8 with a
 * byte order mark, `;` between cells, CRLF line ends, and RFC 4180 quoting
 * (a cell with `;`, `"`, CR or LF is quoted, inner quotes doubled). A text
 * cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a
 * spreadsheet never runs it as a formula (OWASP, "CSV Injection").
 */
export function toCsv(table: ExportTable): string {
  const line = (cells: readonly ExportCell[]): string => cells.map(csvCell).join(';');
  return `\uFEFF${[line(table.headers), ...table.rows.map(line)].join('\r\n')}\r\n`;
}

function csvCell(cell: ExportCell): string {
  const text = typeof cell === 'number' ? String(cell) : /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
