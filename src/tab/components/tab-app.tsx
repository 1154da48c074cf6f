import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { Journey } from '../../domain/journey/journey.js';
import type { FetchLike } from '../config/load-tab-config.js';
import { tabTexts } from '../tab-texts.js';
import { ConfigError } from './config-error.js';
import { LoadingState } from './loading-state.js';
import { AppRegistrationContext } from './app-registration-context.js';
import { LocaleContext } from './locale-context.js';
import { TimeZoneContext } from './time-zone-context.js';
import { TabHeader } from './tab-header.js';
import { usePageStyles, useTabShell } from './use-tab-shell.js';
import type { TabShellInput } from './use-tab-shell.js';
import { Wizard } from './wizard.js';

export interface TabAppProps extends Omit<TabShellInput, 'title'> {
  /** `fetch` for the signed-in `/api/*` calls (tenant, orders). */
  readonly fetchApi: FetchLike;
}

const useStyles = makeStyles({
  main: { paddingInline: tokens.spacingHorizontalXL },
});

export function TabApp({ connectHost, loadConfig, initialPreferences, fetchApi }: TabAppProps): ReactElement {
  const styles = useStyles();
  const page = usePageStyles();
  const { host, preferences, fluentTheme, configState, retryConfig } = useTabShell({
    connectHost,
    loadConfig,
    initialPreferences,
    title: tabTexts.appTitle,
  });
  const { locale } = preferences;
  const [journey, setJourney] = useState<Journey>();

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
        <ConfigError failure={configState.failure} onRetry={retryConfig} />
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
        <FluentProvider theme={fluentTheme} lang={locale} className={page.root}>
          <TabHeader distributorName={config?.distributorName} demo={config?.demo} journey={journey} />
          {content}
        </FluentProvider>
      </TimeZoneContext.Provider>
    </LocaleContext.Provider>
  );
}
