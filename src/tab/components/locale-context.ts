import { createContext, useCallback, useContext } from 'react';
import { pick } from '../../domain/i18n/locale.js';
import type { Locale, LocalizedText } from '../../domain/i18n/locale.js';

/** Russian is the customers' language, so it is also the default before Teams answers. */
export const LocaleContext = createContext<Locale>('ru');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** `const t = useText(); t(tabTexts.appTitle)` picks the current locale's text. */
export function useText(): (text: LocalizedText) => string {
  const locale = useLocale();
  return useCallback((text: LocalizedText) => pick(text, locale), [locale]);
}
