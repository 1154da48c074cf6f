import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';

/** The three Teams themes the tab renders; Teams calls the light one `default`. */
export type HostTheme = 'default' | 'dark' | 'contrast';

const hostThemes: readonly HostTheme[] = ['default', 'dark', 'contrast'];

export function isHostTheme(value: unknown): value is HostTheme {
  return typeof value === 'string' && (hostThemes as readonly string[]).includes(value);
}

/**
 * Teams reports `default`, `dark`, `contrast` and, in newer clients, `glass`
 * or values we do not know yet. Anything unknown renders light, the theme
 * every Teams client supports.
 */
export function hostThemeFromTeams(value: string | undefined | null): HostTheme {
  const normalized = value?.trim().toLowerCase();
  return isHostTheme(normalized) ? normalized : 'default';
}

const fluentThemes: Readonly<Record<HostTheme, Theme>> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export function fluentThemeFor(theme: HostTheme): Theme {
  return fluentThemes[theme];
}
