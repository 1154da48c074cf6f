import type { Locale } from '../../domain/i18n/locale.js';

const tags: Readonly<Record<Locale, string>> = { ru: 'ru-RU', en: 'en-GB' };

/** A moment (ISO timestamp) in the viewer's time zone, e.g. «24 нояб. 2026 г., 14:05». */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A calendar date. `YYYY-MM-DD` is a date, not a moment: formatted in UTC so
 * no time zone moves it to the day before.
 */
export function formatDate(value: string, locale: Locale): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : undefined;
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(date);
}
