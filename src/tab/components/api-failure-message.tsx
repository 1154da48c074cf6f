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
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { AuthWindowResult } from '../../domain/auth/auth-window.js';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import { adminConsentUrl } from '../../domain/tenant/admin-consent-link.js';
import type { ApiFailure } from '../api/api-failure.js';
import { authWindowOpener } from '../host/auth-window.js';
import type { TabHost } from '../host/tab-host.js';
import { tabTexts } from '../tab-texts.js';
import { useAppClientId } from './app-registration-context.js';
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

type WindowState = 'idle' | 'open' | Exclude<AuthWindowResult, 'signedIn'>;

const windowMessages: Partial<Record<WindowState, LocalizedText>> = {
  open: tabTexts.apiError.windowOpen,
  adminConsentRequired: tabTexts.apiError.windowAdminConsent,
  cancelled: tabTexts.apiError.windowCancelled,
  failed: tabTexts.apiError.windowFailed,
  notConfigured: tabTexts.apiError.windowFailed,
};

/**
 * Why a call to the server failed, in the user's words, with the action that
 * helps. When Teams SSO could not sign in or the app lacks consent, inside
 * Teams the sign-in window (`/auth/start`) is offered; once it reports
 * success the call is retried by itself. The admin-consent link, with one
 * line on when it is needed, stays next to it: a user who may not consent
 * passes it to an administrator.
 */
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
  const clientId = useAppClientId();
  const [windowState, setWindowState] = useState<WindowState>('idle');
  const { title, text } = wording(failure);
  const detail = 'detail' in failure ? failure.detail : undefined;

  const openWindow = authWindowOpener(host);
  const windowMode = failure.kind === 'consentRequired' ? 'consent' : failure.kind === 'signIn' ? 'signIn' : undefined;
  const signInWindow =
    openWindow !== undefined && windowMode !== undefined
      ? async (): Promise<void> => {
          setWindowState('open');
          const result = await openWindow({ mode: windowMode });
          if (result !== 'signedIn') {
            setWindowState(result);
            return;
          }
          setWindowState('idle');
          // A fresh SSO token and the same call again: the consent now exists.
          if (onSignInAgain) onSignInAgain();
          else onRetry();
        }
      : undefined;
  // Entra's admin-consent endpoint takes "organizations" when the tenant is not known yet
  // (Microsoft identity platform, "Admin consent on the Microsoft identity platform").
  const consentLink =
    failure.kind === 'consentRequired'
      ? failure.adminConsentUrl
      : windowState === 'adminConsentRequired' && clientId !== undefined
        ? adminConsentUrl('organizations', clientId)
        : null;
  const windowMessage = windowMessages[windowState];

  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle className={styles.title}>{t(title)}</MessageBarTitle>
        <Text className={styles.text}>{t(text)}</Text>
        {failure.kind === 'consentRequired' && failure.adminConsentUrl === null && (
          <Text className={styles.text}>{t(tabTexts.apiError.consentNoLink)}</Text>
        )}
        {consentLink !== null && windowState !== 'adminConsentRequired' && (
          <Text className={styles.text}>{t(tabTexts.apiError.adminConsentExplained)}</Text>
        )}
        {windowMessage !== undefined && (
          <Text role="status" className={styles.text}>
            {t(windowMessage)}
          </Text>
        )}
        {detail !== undefined && (
          <Text size={200} className={styles.details}>
            {t(tabTexts.apiError.details)}: {detail}
          </Text>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <div className={styles.actions}>
          {signInWindow !== undefined && (
            <Button appearance="primary" icon={<PersonKeyRegular />} disabled={windowState === 'open'} onClick={() => void signInWindow()}>
              {t(windowMode === 'consent' ? tabTexts.apiError.consentWindow : tabTexts.apiError.signInWindow)}
            </Button>
          )}
          {consentLink !== null && (
            <ExternalLinkButton url={consentLink} host={host} appearance={signInWindow === undefined ? 'primary' : 'secondary'}>
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
