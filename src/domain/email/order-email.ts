import { findCatalogItem } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/catalog.js';
import { formatCardDate, formatCardTimestamp } from '../cards/card-format.js';
import { describeTrial, evidenceAtSubmissionText, orderHeadline } from '../cards/order-facts.js';
import { describeFieldChange, revisionChangeTexts } from '../cards/revision-change-texts.js';
import {
  commonTexts,
  distributorOrderTexts,
  licenseCount,
  orderFactTexts,
  orderStatusLabels,
  subscriptionKindLabels,
} from '../cards/card-texts.js';
import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { addressText, readablePhone } from '../order/display-values.js';
import { unicodeMailAddress } from '../order/mail-address.js';
import type { StoredOrder } from '../order/order.js';
import { currentRevisionChanges } from '../order/revision-changes.js';
import { orderEmailTexts } from './order-email-texts.js';
import { customerAgreementFact } from '../customer-agreement/customer-agreement-fact.js';
import type { CustomerAgreementFact } from '../customer-agreement/customer-agreement-fact.js';

/**
 * The order as an e-mail to the distributor (their original process): a
 * subject that identifies the customer at a glance, a plain-text body that
 * follows the ten items of the distributor's order form, the same content as
 * HTML, and the stored order as a JSON attachment for machine processing.
 * Both bodies are rendered from one list of rows, so they always agree.
 */

export interface OrderEmailInput {
  readonly locale: Locale;
  readonly order: StoredOrder;
  readonly catalog: Catalog;
  /** `DISTRIBUTOR_TIME_ZONE`: every time in the message is shown there, the zone named. */
  readonly timeZone: string;
  /** The Teams deep link to the order on the board; absent: no link. */
  readonly boardLink?: string | undefined;
  /** The tenant's MCA (null: not accepted); absent: not known here, no row. */
  readonly customerAgreement?: CustomerAgreementFact | undefined;
}

export interface OrderEmailAttachment {
  readonly filename: string;
  readonly contentType: 'application/json';
  /** UTF-8 JSON of the stored order. */
  readonly content: string;
}

export interface OrderEmail {
  readonly subject: string;
  readonly text: string;
  /** A complete HTML document; every user-supplied text in it is escaped. */
  readonly html: string;
  readonly attachment: OrderEmailAttachment;
}

/** One value of a row; `label` names a part of a compound answer (the contact's phone). */
interface RowValue {
  readonly label?: string;
  readonly text: string;
}

interface Row {
  /** The item number on the distributor's form, e.g. `7` or `3–4`; absent for header rows. */
  readonly number?: string;
  readonly label: string;
  readonly values: readonly RowValue[];
  /** Values are list entries (subscription lines) rather than parts of one answer. */
  readonly bulleted?: boolean;
}

interface HistoryEntry {
  readonly line: string;
  readonly comment?: string;
}

export function orderAttachmentFilename(order: StoredOrder): string {
  return `${order.id}-r${order.revision}.json`;
}

export function renderOrderEmail(input: OrderEmailInput): OrderEmail {
  const { locale, order } = input;
  const t = (text: LocalizedText): string => pick(text, locale);
  const filename = orderAttachmentFilename(order);

  const changes = currentRevisionChanges(order);
  const subject =
    t(orderEmailTexts.subject(order.id, t(orderHeadline(order, input.catalog)))) +
    (order.revision > 1 ? t(orderEmailTexts.subjectRevision(order.revision)) : '') +
    (changes === undefined ? '' : t(orderEmailTexts.subjectChanges(changeSummary(changes.map((change) => t(describeFieldChange(change)))))));
  const heading = t(orderEmailTexts.heading(order.id));
  const intro = order.revision > 1 ? t(orderEmailTexts.introRevised(order.revision)) : t(orderEmailTexts.introNew);
  const headerRows = summaryRows(input);
  const formRows = orderFormRows(input);
  const history = historyEntries(input);
  const attachmentNote = t(orderEmailTexts.attachmentNote(filename));
  const footer = t(orderEmailTexts.footer);
  const sections: RenderedSections = {
    heading,
    intro,
    ...(changes === undefined
      ? {}
      : {
          changes: {
            title: t(revisionChangeTexts.titleSince(order.revision - 1)),
            lines: changes.length === 0 ? [t(revisionChangeTexts.none)] : changes.map((change) => t(describeFieldChange(change))),
          },
        }),
    ...(input.boardLink === undefined ? {} : { boardLink: { label: t(orderEmailTexts.openInBoard), url: input.boardLink } }),
    headerRows,
    formTitle: t(orderEmailTexts.formTitle),
    formRows,
    historyTitle: t(distributorOrderTexts.historyTitle),
    history,
    attachmentNote,
    footer,
  };

  return {
    subject,
    text: renderText(sections),
    html: renderHtml(sections, subject, locale),
    attachment: { filename, contentType: 'application/json', content: `${JSON.stringify(order, null, 2)}\n` },
  };
}

interface RenderedSections {
  readonly heading: string;
  readonly intro: string;
  /** What this revision changed; absent for a first revision. */
  readonly changes?: { readonly title: string; readonly lines: readonly string[] };
  readonly boardLink?: { readonly label: string; readonly url: string };
  readonly headerRows: readonly Row[];
  readonly formTitle: string;
  readonly formRows: readonly Row[];
  readonly historyTitle: string;
  readonly history: readonly HistoryEntry[];
  readonly attachmentNote: string;
  readonly footer: string;
}

function summaryRows({ locale, order, timeZone, customerAgreement }: OrderEmailInput): Row[] {
  const t = (text: LocalizedText): string => pick(text, locale);
  const single = (label: LocalizedText, text: string): Row => ({ label: t(label), values: [{ text }] });
  const evidence = evidenceAtSubmissionText(order);
  return [
    single(orderFactTexts.orderNumber, order.id),
    single(orderFactTexts.status, t(orderStatusLabels[order.status])),
    single(orderFactTexts.revision, String(order.revision)),
    single(orderFactTexts.createdAt, formatCardTimestamp(order.createdAt, locale, timeZone)),
    single(orderFactTexts.updatedAt, formatCardTimestamp(order.updatedAt, locale, timeZone)),
    single(orderFactTexts.tenantId, order.tenantId),
    ...(evidence === undefined ? [] : [single(orderFactTexts.evidenceAtSubmission, t(evidence))]),
    ...(customerAgreement === undefined ? [] : [mcaRow(customerAgreementFact(customerAgreement, locale))]),
  ];
}

/** The subject names up to two changes, each cut to a readable length, and counts the rest. */
const SUBJECT_CHANGES = 2;
const SUBJECT_CHANGE_LENGTH = 80;

function changeSummary(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  const named = lines
    .slice(0, SUBJECT_CHANGES)
    .map((line) => (line.length > SUBJECT_CHANGE_LENGTH ? `${line.slice(0, SUBJECT_CHANGE_LENGTH - 1)}…` : line))
    .join('; ');
  return lines.length > SUBJECT_CHANGES ? `${named}; +${lines.length - SUBJECT_CHANGES}` : named;
}

function mcaRow({ label, value }: { readonly label: string; readonly value: string }): Row {
  return { label, values: [{ text: value }] };
}

/** The ten items of the distributor's order form, numbered as on the form (3 and 4 are answered together). */
function orderFormRows({ locale, order, catalog }: OrderEmailInput): Row[] {
  const t = (text: LocalizedText): string => pick(text, locale);
  const { organization, contact } = order;
  const lines = order.lines.map((line): RowValue => {
    const item = findCatalogItem(catalog, line.sku);
    const name = item ? `${item.displayName} (${line.sku})` : line.sku;
    return { text: `${name} — ${t(licenseCount(line.quantity))}` };
  });
  const address = addressText(organization.address);
  return [
    {
      number: '1',
      label: t(orderFactTexts.invitationAccepted),
      values: [{ text: t(order.invitationAccepted ? commonTexts.yes : commonTexts.no) }],
    },
    { number: '2', label: t(orderFactTexts.technicalDomain), values: [{ text: order.technicalDomain }] },
    { number: '3–4', label: t(orderEmailTexts.subscriptionsAndLicenses), values: lines, bulleted: true },
    { number: '5', label: t(orderFactTexts.activationDate), values: [{ text: formatCardDate(order.activationDate, locale) }] },
    { number: '6', label: t(orderFactTexts.organizationName), values: [{ text: organization.name }] },
    { number: '7', label: t(orderFactTexts.inn), values: [{ text: organization.inn }] },
    { number: '8', label: t(orderFactTexts.address), values: [{ text: address }] },
    {
      number: '9',
      label: t(orderFactTexts.contactFullName),
      values: [
        { text: contact.fullName },
        { label: t(orderFactTexts.contactPhone), text: readablePhone(contact.phone) },
        { label: t(orderFactTexts.contactEmail), text: unicodeMailAddress(contact.email) },
      ],
    },
    {
      number: '10',
      label: t(orderFactTexts.subscriptionKind),
      values: [
        { text: t(subscriptionKindLabels[order.subscriptionKind]) },
        ...(order.trial === undefined ? [] : [{ label: t(orderFactTexts.convertedTrial), text: describeTrial(order, catalog, locale) ?? '' }]),
      ],
    },
  ];
}

function historyEntries({ locale, order, timeZone }: OrderEmailInput): HistoryEntry[] {
  const t = (text: LocalizedText): string => pick(text, locale);
  return order.history.map((change) => {
    const line = [
      formatCardTimestamp(change.at, locale, timeZone),
      t(orderStatusLabels[change.status]),
      ...(change.by ? [change.by] : []),
      t(distributorOrderTexts.historyRevision(change.revision)),
    ].join(' · ');
    return change.comment ? { line, comment: t(distributorOrderTexts.historyComment(change.comment)) } : { line };
  });
}

function renderText(s: RenderedSections): string {
  const out: string[] = [s.heading, '', s.intro, ''];
  if (s.changes) out.push(`${s.changes.title}:`, ...s.changes.lines.map((line) => `  • ${line}`), '');
  if (s.boardLink) out.push(`${s.boardLink.label}: ${s.boardLink.url}`, '');
  for (const row of s.headerRows) out.push(...textRow(row));
  out.push('', `${s.formTitle}:`, '');
  for (const row of s.formRows) out.push(...textRow(row));
  if (s.history.length > 0) {
    out.push('', `${s.historyTitle}:`);
    for (const entry of s.history) {
      out.push(`  - ${entry.line}`);
      if (entry.comment) out.push(`    ${entry.comment}`);
    }
  }
  out.push('', s.attachmentNote, '', '-- ', s.footer);
  return `${out.join('\n')}\n`;
}

function textRow(row: Row): string[] {
  const label = row.number ? `${row.number}. ${row.label}` : row.label;
  const [first, ...rest] = row.values;
  if (first && rest.length === 0 && !row.bulleted && first.label === undefined) return [`${label}: ${first.text}`];
  return [
    `${label}:`,
    ...row.values.map((value) => {
      const text = value.label === undefined ? value.text : `${value.label}: ${value.text}`;
      return row.bulleted ? `   • ${text}` : `   ${text}`;
    }),
  ];
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Enough for text and quoted-attribute positions, the only places text goes in this document. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const STYLE = {
  body: 'margin:0;padding:16px;font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.45;color:#242424',
  heading: 'margin:0 0 8px;font-size:20px;font-weight:600',
  subheading: 'margin:20px 0 8px;font-size:16px;font-weight:600',
  table: 'border-collapse:collapse',
  label: 'text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:600',
  value: 'vertical-align:top;padding:4px 0',
  muted: 'color:#616161',
  list: 'margin:0;padding-left:18px',
} as const;

function renderHtml(s: RenderedSections, subject: string, locale: Locale): string {
  const parts: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="${STYLE.body}">`,
    `<h1 style="${STYLE.heading}">${escapeHtml(s.heading)}</h1>`,
    `<p>${escapeHtml(s.intro)}</p>`,
    ...(s.changes
      ? [
          `<h2 style="${STYLE.subheading}">${escapeHtml(s.changes.title)}</h2>`,
          `<ul style="${STYLE.list}">${s.changes.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
        ]
      : []),
    ...(s.boardLink ? [`<p><a href="${escapeHtml(s.boardLink.url)}">${escapeHtml(s.boardLink.label)}</a></p>`] : []),
    htmlTable(s.headerRows),
    `<h2 style="${STYLE.subheading}">${escapeHtml(s.formTitle)}</h2>`,
    htmlTable(s.formRows),
  ];
  if (s.history.length > 0) {
    parts.push(`<h2 style="${STYLE.subheading}">${escapeHtml(s.historyTitle)}</h2>`, `<ul style="${STYLE.list}">`);
    for (const entry of s.history) {
      const comment = entry.comment ? `<br><span style="${STYLE.muted}">${escapeHtml(entry.comment)}</span>` : '';
      parts.push(`<li>${escapeHtml(entry.line)}${comment}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push(
    `<p>${escapeHtml(s.attachmentNote)}</p>`,
    `<p style="${STYLE.muted}">${escapeHtml(s.footer)}</p>`,
    '</body>',
    '</html>',
  );
  return `${parts.join('\n')}\n`;
}

function htmlTable(rows: readonly Row[]): string {
  const body = rows.map((row) => {
    const label = escapeHtml(row.number ? `${row.number}. ${row.label}` : row.label);
    const values = row.values.map((value) =>
      value.label === undefined
        ? escapeHtml(value.text)
        : `<span style="${STYLE.muted}">${escapeHtml(value.label)}:</span> ${escapeHtml(value.text)}`,
    );
    const cell = row.bulleted
      ? `<ul style="${STYLE.list}">${values.map((value) => `<li>${value}</li>`).join('')}</ul>`
      : values.join('<br>');
    return `<tr><th scope="row" style="${STYLE.label}">${label}</th><td style="${STYLE.value}">${cell}</td></tr>`;
  });
  return [`<table role="presentation" style="${STYLE.table}">`, ...body, '</table>'].join('\n');
}
