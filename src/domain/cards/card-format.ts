import type { Locale } from '../i18n/locale.js';

/**
 * Dates on cards, formatted by hand rather than with `Intl` so the text is the
 * same in every browser, Node version and test run. Times are shown in UTC
 * because a card has no idea of its viewer's time zone.
 */

const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface DateParts {
  readonly year: string;
  readonly month: string;
  readonly day: string;
}

function dateParts(iso: string): DateParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { year: match[1], month: match[2], day: match[3] };
}

function formatParts(parts: DateParts, locale: Locale): string {
  if (locale === 'ru') return `${parts.day}.${parts.month}.${parts.year}`;
  const monthName = englishMonths[Number(parts.month) - 1];
  return monthName === undefined
    ? `${parts.year}-${parts.month}-${parts.day}`
    : `${Number(parts.day)} ${monthName} ${parts.year}`;
}

/** `2026-12-01` → `01.12.2026` / `1 December 2026`; anything else is returned unchanged. */
export function formatCardDate(isoDate: string, locale: Locale): string {
  const parts = dateParts(isoDate);
  return parts ? formatParts(parts, locale) : isoDate;
}

/** `2026-12-01T10:05:03.123Z` → `01.12.2026 10:05 UTC` / `1 December 2026, 10:05 UTC`. */
export function formatCardTimestamp(isoTimestamp: string, locale: Locale): string {
  const instant = new Date(isoTimestamp);
  if (Number.isNaN(instant.getTime())) return isoTimestamp;
  const utc = instant.toISOString();
  const parts = dateParts(utc);
  if (!parts) return isoTimestamp;
  const time = utc.slice(11, 16);
  return locale === 'ru' ? `${formatParts(parts, locale)} ${time} UTC` : `${formatParts(parts, locale)}, ${time} UTC`;
}

/** The first whole minute at or after `instant`, as `HH:MM UTC` (like the timestamps on cards): "not before". */
export function formatCardClockTime(instant: Date): string {
  const minute = 60_000;
  const roundedUp = new Date(Math.ceil(instant.getTime() / minute) * minute);
  return `${roundedUp.toISOString().slice(11, 16)} UTC`;
}

/** `100000` → `100 000` (no-break space) / `100,000`. */
export function formatCardInteger(value: number, locale: Locale): string {
  const digits = String(Math.trunc(Math.abs(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'ru' ? '\u00a0' : ',');
  return value < 0 ? `-${grouped}` : grouped;
}
