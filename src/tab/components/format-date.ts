import type { Locale } from '../../domain/i18n/locale.js';

const tags: Readonly<Record<Locale, string>> = { ru: 'ru-RU', en: 'en-GB' };

/**
 * A moment (ISO timestamp) in the distributor's time zone, with the zone
 * named, so every customer reads the same time the distributor works by:
 * «24.11.2026, 14:05 (Москва)», «24 Nov 2026, 14:05 (Moscow Time)».
 */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(tags[locale], { ...dateOptions(locale), timeZone }).format(date);
  const time = new Intl.DateTimeFormat(tags[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  return `${day}, ${time} (${zoneName(date, locale, timeZone)})`;
}

/**
 * A calendar date: `дд.мм.гггг` in Russian whatever the browser's own locale,
 * «13 December 2026» in English. `YYYY-MM-DD` is a date, not a moment:
 * formatted in UTC so no time zone moves it to the day before.
 */
export function formatDate(value: string, locale: Locale): string {
  const isoDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(isoDate ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(tags[locale], { ...(locale === 'ru' ? dateOptions(locale) : { dateStyle: 'long' }), ...(isoDate ? { timeZone: 'UTC' } : {}) }).format(date);
}

function dateOptions(locale: Locale): Intl.DateTimeFormatOptions {
  return locale === 'ru' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
}

/** «Москва» / «Moscow Time»: the generic name, which does not change with summer time. */
function zoneName(date: Date, locale: Locale, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(tags[locale], { timeZone, timeZoneName: 'shortGeneric' }).formatToParts(date);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}
