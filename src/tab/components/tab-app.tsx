import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import type { ConfigFailure, ConfigLoadResult, FetchLike } from '../config/load-tab-config.js';
import type { TabConfig } from '../config/tab-config.js';
import type { DisplayPreferences } from '../host/display-preferences.js';
import { fluentThemeFor } from '../host/host-theme.js';
import type { TabHost } from '../host/tab-host.js';
import { pick } from '../../domain/i18n/locale.js';
import type { Journey } from '../../domain/journey/journey.js';
import { tabTexts } from '../tab-texts.js';
import { ConfigError } from './config-error.js';
import { LoadingState } from './loading-state.js';
import { AppRegistrationContext } from './app-registration-context.js';
import { LocaleContext } from './locale-context.js';
import { TimeZoneContext } from './time-zone-context.js';
import { TabHeader } from './tab-header.js';
import { Wizard } from './wizard.js';

export interface TabAppProps {
  /** Detects Teams (or a plain browser); called once. */
  readonly connectHost: () => Promise<TabHost>;
  /** Called on start and on every retry; never throws. */
  readonly loadConfig: (signal: AbortSignal) => Promise<ConfigLoadResult>;
  /** Used until the host has answered, so the loading state already speaks the likely language. */
  readonly initialPreferences: DisplayPreferences;
  /** `fetch` for the signed-in `/api/*` calls (tenant, orders). */
  readonly fetchApi: FetchLike;
}

type ConfigState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly config: TabConfig }
  | { readonly status: 'failed'; readonly failure: ConfigFailure };

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  main: { paddingInline: tokens.spacingHorizontalXL },
});

export function TabApp({ connectHost, loadConfig, initialPreferences, fetchApi }: TabAppProps): ReactElement {
  const styles = useStyles();
  const [host, setHost] = useState<TabHost>();
  const [preferences, setPreferences] = useState(initialPreferences);
  const [configState, setConfigState] = useState<ConfigState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [journey, setJourney] = useState<Journey>();

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
    document.title = pick(tabTexts.appTitle, locale);
  }, [locale, theme, fluentTheme]);

  const config = configState.status === 'ready' ? configState.config : undefined;
  let content: ReactElement;
  if (host === undefined || configState.status === 'loading') {
    content = (
      <main className={styles.main}>
        <LoadingState />
      </main>
    );
  } else if (configState.status === 'failed') {
    content = (
      <main className={styles.main}>
        <ConfigError failure={configState.failure} onRetry={() => setAttempt((n) => n + 1)} />
      </main>
    );
  } else {
    content = (
      <AppRegistrationContext.Provider value={configState.config.aadAppClientId}>
        <Wizard config={configState.config} host={host} fetchApi={fetchApi} onJourney={setJourney} />
      </AppRegistrationContext.Provider>
    );
  }

  return (
    <LocaleContext.Provider value={locale}>
      <TimeZoneContext.Provider value={config?.timeZone ?? 'Europe/Moscow'}>
        <FluentProvider theme={fluentTheme} lang={locale} className={styles.root}>
          <TabHeader distributorName={config?.distributorName} demo={config?.demo} journey={journey} />
          {content}
        </FluentProvider>
      </TimeZoneContext.Provider>
    </LocaleContext.Provider>
  );
}
