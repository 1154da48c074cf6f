import { localeFromTag } from '../../domain/i18n/locale.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { hostThemeFromTeams, isHostTheme } from './host-theme.js';
import type { HostTheme } from './host-theme.js';

export interface DisplayPreferences {
  readonly locale: Locale;
  readonly theme: HostTheme;
}

/** What Teams says about the user, from `app.getContext()` → `app`. */
export interface TeamsAppContext {
  readonly locale?: string;
  readonly theme?: string;
}

/** What a plain browser says about the user. */
export interface BrowserContext {
  readonly language?: string | undefined;
  readonly prefersDark: boolean;
}

export interface PreferenceSources {
  /** `location.search`; `?locale=ru|en&theme=default|dark|contrast` override everything else. */
  readonly query: string | URLSearchParams;
  /** Present only when the tab runs inside Teams. */
  readonly teams?: TeamsAppContext;
  readonly browser: BrowserContext;
}

const queryLocales: readonly Locale[] = ['ru', 'en'];

/**
 * Explicit `?locale=` and `?theme=` values. Screenshots and tests use them to
 * pin a rendering; unknown values are ignored rather than guessed at.
 */
export function queryOverrides(query: string | URLSearchParams): Partial<DisplayPreferences> {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const locale = params.get('locale')?.trim().toLowerCase();
  const theme = params.get('theme')?.trim().toLowerCase();
  return {
    ...(locale !== undefined && (queryLocales as readonly string[]).includes(locale) ? { locale: locale as Locale } : {}),
    ...(isHostTheme(theme) ? { theme } : {}),
  };
}

/**
 * Query overrides win; then Teams' context when inside Teams; then the
 * browser (also when Teams leaves a field out).
 */
export function resolveDisplayPreferences(sources: PreferenceSources): DisplayPreferences {
  const overrides = queryOverrides(sources.query);
  const { teams, browser } = sources;
  const locale = overrides.locale ?? localeFromTag(teams?.locale ?? browser.language);
  const theme =
    overrides.theme ??
    (teams?.theme !== undefined ? hostThemeFromTeams(teams.theme) : browser.prefersDark ? 'dark' : 'default');
  return { locale, theme };
}
