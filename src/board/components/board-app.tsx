import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef } from 'react';
import type { ReactElement } from 'react';
import { signInFor } from '../../tab/api/sign-in.js';
import { ConfigError } from '../../tab/components/config-error.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { LocaleContext, useText } from '../../tab/components/locale-context.js';
import { TabHeader } from '../../tab/components/tab-header.js';
import { TimeZoneContext } from '../../tab/components/time-zone-context.js';
import { usePageStyles, useTabShell } from '../../tab/components/use-tab-shell.js';
import type { TabShellInput } from '../../tab/components/use-tab-shell.js';
import type { FetchLike } from '../../tab/config/load-tab-config.js';
import { createBoardApiClient } from '../api/board-api-client.js';
import { boardTexts } from '../board-texts.js';
import { BoardViews } from './board-views.js';

export interface BoardAppProps extends Omit<TabShellInput, 'title'> {
  /** `fetch` for the signed-in `/api/distributor/*` calls. */
  readonly fetchApi: FetchLike;
}

const useStyles = makeStyles({
  main: {
    paddingInline: tokens.spacingHorizontalXL,
    paddingBlock: tokens.spacingVerticalL,
    '@media (max-width: 767px)': { paddingInline: tokens.spacingHorizontalM },
  },
});

/**
 * The distributor's board (`/board`): the same host connection, config,
 * themes and language as the customer's tab, then the board's views. Only
 * staff get data: the API answers everyone else 403, and the views say so.
 */
export function BoardApp({ connectHost, loadConfig, initialPreferences, fetchApi }: BoardAppProps): ReactElement {
  const styles = useStyles();
  const page = usePageStyles();
  const { host, preferences, fluentTheme, configState, retryConfig } = useTabShell({
    connectHost,
    loadConfig,
    initialPreferences,
    title: boardTexts.appTitle,
  });
  const { locale } = preferences;
  const localeRef = useRef(locale);
  localeRef.current = locale;

  const config = configState.status === 'ready' ? configState.config : undefined;
  // null: a plain browser against a real server, where no token can be had.
  const api = useMemo(() => {
    if (host === undefined || config === undefined) return undefined;
    const signIn = signInFor(host, config);
    if (signIn.mode === 'unavailable') return null;
    return createBoardApiClient({
      fetch: fetchApi,
      ...(signIn.mode === 'sso' ? { getToken: signIn.getToken } : {}),
      locale: () => localeRef.current,
    });
  }, [host, config, fetchApi]);

  let content: ReactElement;
  if (configState.status === 'failed') {
    content = <ConfigError failure={configState.failure} onRetry={retryConfig} />;
  } else if (host === undefined || configState.status === 'loading' || api === undefined) {
    content = <LoadingState />;
  } else if (api === null) {
    content = <OpenInTeams />;
  } else {
    content = <BoardViews api={api} config={configState.config} host={host} />;
  }

  return (
    <LocaleContext.Provider value={locale}>
      <TimeZoneContext.Provider value={config?.timeZone ?? 'Europe/Moscow'}>
        <FluentProvider theme={fluentTheme} lang={locale}>
          {/* The page's layout on a div of its own: Fluent copies the provider's classes onto its portals (tooltips), which must not fill the page. */}
          <div className={page.root}>
            <TabHeader title={boardTexts.appTitle} distributorName={config?.distributorName} demo={config?.demo} />
            <main className={styles.main}>{content}</main>
          </div>
        </FluentProvider>
      </TimeZoneContext.Provider>
    </LocaleContext.Provider>
  );
}

function OpenInTeams(): ReactElement {
  const t = useText();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(boardTexts.openInTeamsTitle)}</MessageBarTitle>
        {t(boardTexts.openInTeams)}
      </MessageBarBody>
    </MessageBar>
  );
}
