import { makeStyles, tokens } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { pick } from '../../domain/i18n/locale.js';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import type { ConfigFailure, ConfigLoadResult } from '../config/load-tab-config.js';
import type { TabConfig } from '../config/tab-config.js';
import type { DisplayPreferences } from '../host/display-preferences.js';
import { fluentThemeFor } from '../host/host-theme.js';
import type { TabHost } from '../host/tab-host.js';

export type ConfigState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly config: TabConfig }
  | { readonly status: 'failed'; readonly failure: ConfigFailure };

export interface TabShellInput {
  /** Detects Teams (or a plain browser); called once. */
  readonly connectHost: () => Promise<TabHost>;
  /** Called on start and on every retry; never throws. */
  readonly loadConfig: (signal: AbortSignal) => Promise<ConfigLoadResult>;
  /** Used until the host has answered, so the loading state already speaks the likely language. */
  readonly initialPreferences: DisplayPreferences;
  /** The document's title, in the current language. */
  readonly title: LocalizedText;
}

export interface TabShell {
  /** Undefined until Teams (or the browser) has answered. */
  readonly host: TabHost | undefined;
  readonly preferences: DisplayPreferences;
  readonly fluentTheme: Theme;
  readonly configState: ConfigState;
  retryConfig(): void;
}

/**
 * What every page of the app does first, the customer's tab and the
 * distributor's board alike: connect to the host and follow its theme, load
 * `/api/config`, and keep the document (language, colour scheme, title) in
 * step with them.
 */
export function useTabShell({ connectHost, loadConfig, initialPreferences, title }: TabShellInput): TabShell {
  const [host, setHost] = useState<TabHost>();
  const [preferences, setPreferences] = useState(initialPreferences);
  const [configState, setConfigState] = useState<ConfigState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    let stopWatching: (() => void) | undefined;
    void connectHost().then((connected) => {
      if (!active) return;
      setHost(connected);
      setPreferences(connected.preferences);
      stopWatching = connected.watchTheme((theme) => setPreferences((current) => ({ ...current, theme })));
    });
    return () => {
      active = false;
      stopWatching?.();
    };
  }, [connectHost]);

  useEffect(() => {
    const controller = new AbortController();
    setConfigState({ status: 'loading' });
    void loadConfig(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setConfigState(result.ok ? { status: 'ready', config: result.config } : { status: 'failed', failure: result.failure });
    });
    return () => controller.abort();
  }, [loadConfig, attempt]);

  const { locale, theme } = preferences;
  const fluentTheme = fluentThemeFor(theme);

  // The document outside React: language for assistive tech and spell-checkers, title, and the
  // page colour behind overscroll so dark themes never flash white.
  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale;
    root.style.colorScheme = theme === 'default' ? 'light' : 'dark';
    document.body.style.backgroundColor = fluentTheme.colorNeutralBackground3;
    document.title = pick(title, locale);
  }, [locale, theme, fluentTheme, title]);

  return { host, preferences, fluentTheme, configState, retryConfig: () => setAttempt((n) => n + 1) };
}

/** The page under the header: full height, the Teams background behind the content. */
export const usePageStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});
