/** The languages every user-facing text exists in. */
export type Locale = 'ru' | 'en';

/** A user-facing text in both languages; domain code never stores one language alone. */
export interface LocalizedText {
  readonly ru: string;
  readonly en: string;
}

/**
 * Teams reports locales such as `ru-RU`, `ru`, `en-US`, or nothing at all.
 * Russian customers are the main audience, so anything `ru-*` is Russian;
 * every other locale falls back to English.
 */
export function localeFromTag(tag: string | undefined | null): Locale {
  return tag?.trim().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
