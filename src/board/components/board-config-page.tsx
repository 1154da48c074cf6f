import { FluentProvider, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { pick } from '../../domain/i18n/locale.js';
import { ConfigError } from '../../tab/components/config-error.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { LocaleContext, useText } from '../../tab/components/locale-context.js';
import { useTabShell } from '../../tab/components/use-tab-shell.js';
import { boardTexts } from '../board-texts.js';
import { channelTabSettings, teamsTabConfiguration } from '../host/channel-tab-config.js';
import type { TabConfigurationHost } from '../host/channel-tab-config.js';
import type { BoardAppProps } from './board-app.js';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0 },
});

export interface BoardConfigPageProps extends BoardAppProps {
  readonly configuration?: TabConfigurationHost;
}

/**
 * `/board/config`: the channel tab's configuration page. Nothing to choose:
 * it explains the tab and lets Save add it, pointing at `/board`.
 */
export function BoardConfigPage({ configuration = teamsTabConfiguration, ...shellInput }: BoardConfigPageProps): ReactElement {
  const styles = useStyles();
  const { host, preferences, fluentTheme, configState, retryConfig } = useTabShell({ ...shellInput, title: boardTexts.config.title });
  const { locale } = preferences;
  const [saveFailed, setSaveFailed] = useState(false);
  const localeRef = useRef(locale);
  localeRef.current = locale;

  const inTeams = host?.kind === 'teams' && configuration.isSupported();
  useEffect(() => {
    if (!inTeams) return;
    // The tab's name follows the language of whoever presses Save.
    configuration.offerSave(
      () => channelTabSettings(window.location.origin, pick(boardTexts.config.tabName, localeRef.current)),
      () => setSaveFailed(true),
    );
  }, [inTeams, configuration]);

  let content: ReactElement;
  if (configState.status === 'failed') content = <ConfigError failure={configState.failure} onRetry={retryConfig} />;
  else if (host === undefined || configState.status === 'loading') content = <LoadingState />;
  else content = <ConfigText distributorName={configState.config.distributorName} inTeams={inTeams} saveFailed={saveFailed} />;

  return (
    <LocaleContext.Provider value={locale}>
      <FluentProvider theme={fluentTheme} lang={locale}>
        <main className={styles.root}>{content}</main>
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

function ConfigText({ distributorName, inTeams, saveFailed }: { readonly distributorName: string; readonly inTeams: boolean; readonly saveFailed: boolean }): ReactElement {
  const t = useText();
  const styles = useStyles();
  return (
    <>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        {t(boardTexts.config.title)}
      </Text>
      <Text>{t(boardTexts.config.intro(distributorName))}</Text>
      {!inTeams && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(boardTexts.config.outsideTeams)}</MessageBarBody>
        </MessageBar>
      )}
      {saveFailed && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t(boardTexts.config.saveFailed)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
