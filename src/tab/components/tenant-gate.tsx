import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { TenantResponse } from '../../domain/tenant/tenant-response.js';
import type { TabHost } from '../host/tab-host.js';
import type { TabSession } from '../session/tab-session.js';
import { tabTexts } from '../tab-texts.js';
import { ApiFailureMessage } from './api-failure-message.js';
import { LoadingState } from './loading-state.js';
import { useText } from './locale-context.js';

const useStyles = makeStyles({ title: { display: 'block' } });

export interface TenantGateProps {
  readonly session: TabSession;
  readonly host: TabHost;
  /** Rendered once the tenant's facts are in. */
  readonly children: (tenant: TenantResponse) => ReactElement;
}

/** The states before a step can use the tenant's facts: no sign-in here, loading, or a failure to explain. */
export function TenantGate({ session, host, children }: TenantGateProps): ReactElement {
  const { tenant } = session;
  switch (tenant.status) {
    case 'signInUnavailable':
      return <OpenInTeams />;
    case 'loading':
      return <LoadingState label={tabTexts.session.loadingTenant} />;
    case 'failed':
      return (
        <ApiFailureMessage
          failure={tenant.failure}
          host={host}
          onRetry={session.reloadTenant}
          onSignInAgain={session.signInAgain}
        />
      );
    case 'ready':
      return children(tenant.tenant);
  }
}

/** A plain browser against a real server: sign-in only works inside Teams. */
export function OpenInTeams(): ReactElement {
  const t = useText();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle className={styles.title}>{t(tabTexts.session.openInTeamsTitle)}</MessageBarTitle>
        {t(tabTexts.session.openInTeams)}
      </MessageBarBody>
    </MessageBar>
  );
}
