import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, PersonKeyRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import type { ApiFailure } from '../api/api-failure.js';
import type { TabHost } from '../host/tab-host.js';
import { tabTexts } from '../tab-texts.js';
import { ExternalLinkButton } from './external-link-button.js';
import { useText } from './locale-context.js';

const useStyles = makeStyles({
  title: { display: 'block' },
  text: { display: 'block', marginBlockStart: tokens.spacingVerticalXS },
  details: { display: 'block', marginBlockStart: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ApiFailureMessageProps {
  readonly failure: ApiFailure;
  readonly host: TabHost;
  readonly onRetry: () => void;
  /** After `interactionRequired`. */
  readonly onSignInAgain?: (claims?: string) => void;
  /** A softer look when older content stays visible below. */
  readonly intent?: 'error' | 'warning';
  readonly retryLabel?: LocalizedText;
}

function wording(failure: ApiFailure): { readonly title: LocalizedText; readonly text: LocalizedText } {
  const texts = tabTexts.apiError;
  switch (failure.kind) {
    case 'signIn':
      return { title: texts.signInTitle, text: texts.signIn };
    case 'unauthorized':
      return { title: texts.unauthorizedTitle, text: texts.unauthorized };
    case 'consentRequired':
      return { title: texts.consentTitle, text: texts.consent };
    case 'interactionRequired':
      return { title: texts.interactionTitle, text: texts.interaction };
    case 'unavailable':
      return { title: texts.unavailableTitle, text: texts.unavailable };
    case 'network':
      return { title: texts.networkTitle, text: texts.network };
    case 'http':
      return { title: texts.httpTitle, text: texts.http };
    case 'invalidResponse':
      return { title: texts.invalidResponseTitle, text: texts.invalidResponse };
  }
}

/** Why a call to the server failed, in the user's words, with the action that helps. */
export function ApiFailureMessage({
  failure,
  host,
  onRetry,
  onSignInAgain,
  intent = 'error',
  retryLabel = tabTexts.apiError.retry,
}: ApiFailureMessageProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const { title, text } = wording(failure);
  const detail = 'detail' in failure ? failure.detail : undefined;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle className={styles.title}>{t(title)}</MessageBarTitle>
        <Text className={styles.text}>{t(text)}</Text>
        {failure.kind === 'consentRequired' && failure.adminConsentUrl === null && (
          <Text className={styles.text}>{t(tabTexts.apiError.consentNoLink)}</Text>
        )}
        {detail !== undefined && (
          <Text size={200} className={styles.details}>
            {t(tabTexts.apiError.details)}: {detail}
          </Text>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <div className={styles.actions}>
          {failure.kind === 'consentRequired' && failure.adminConsentUrl !== null && (
            <ExternalLinkButton url={failure.adminConsentUrl} host={host} appearance="primary">
              {t(tabTexts.apiError.grantConsent)}
            </ExternalLinkButton>
          )}
          {failure.kind === 'interactionRequired' && onSignInAgain ? (
            <Button appearance="primary" icon={<PersonKeyRegular />} onClick={() => onSignInAgain(failure.claims)}>
              {t(tabTexts.apiError.signInAgain)}
            </Button>
          ) : (
            <Button icon={<ArrowClockwiseRegular />} onClick={onRetry}>
              {t(retryLabel)}
            </Button>
          )}
        </div>
      </MessageBarActions>
    </MessageBar>
  );
}
