/** The languages every user-facing text exists in. */
export type Locale = 'ru' | 'en';

/** A user-facing text in both languages; domain code never stores one language alone. */
export interface LocalizedText {
  readonly ru: string;
  readonly en: string;
}

/**
 * Teams reports locales such as `ru-RU`, `ru`, `en-US`, or nothing at all
 * (e.g. on `conversationUpdate`). Anything `ru-*` is Russian and any other
 * stated locale English; no locale at all means Russian, the language of the
 * customers this app is for.
 */
export function localeFromTag(tag: string | undefined | null): Locale {
  const normalized = tag?.trim().toLowerCase() ?? '';
  if (normalized === '') return 'ru';
  return normalized.startsWith('ru') ? 'ru' : 'en';
}

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
