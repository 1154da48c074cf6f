import type { Locale } from '../i18n/locale.js';
import { localDateTimeInTimeZone } from '../calendar.js';

/**
 * Dates on cards, formatted by hand rather than with `Intl` so the text is the
 * same in every browser, Node version and test run (`Intl` only supplies the
 * numbers of a time in a zone). A card has no idea of its viewer's time zone,
 * so a time names its zone: the customer's cards say UTC, and what the
 * distributor reads is in `DISTRIBUTOR_TIME_ZONE`, e.g. `(Europe/Moscow)`.
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

/**
 * `2026-12-01T10:05:03.123Z` → `01.12.2026 10:05 UTC` / `1 December 2026, 10:05 UTC`;
 * with a time zone, the wall time there and the zone's name:
 * `01.12.2026 13:05 (Europe/Moscow)` / `1 December 2026, 13:05 (Europe/Moscow)`.
 */
export function formatCardTimestamp(isoTimestamp: string, locale: Locale, timeZone?: string): string {
  const instant = new Date(isoTimestamp);
  if (Number.isNaN(instant.getTime())) return isoTimestamp;
  const local = timeZone === undefined || timeZone === 'UTC' ? instant.toISOString() : wallTime(instant, timeZone);
  const parts = dateParts(local);
  if (!parts) return isoTimestamp;
  const time = local.slice(11, 16);
  const zone = timeZone === undefined || timeZone === 'UTC' ? 'UTC' : `(${timeZone})`;
  return locale === 'ru' ? `${formatParts(parts, locale)} ${time} ${zone}` : `${formatParts(parts, locale)}, ${time} ${zone}`;
}

/** The instant's date and time in `timeZone`, as `YYYY-MM-DDTHH:MM`. */
function wallTime(instant: Date, timeZone: string): string {
  return localDateTimeInTimeZone(instant, timeZone).replace(' ', 'T');
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
