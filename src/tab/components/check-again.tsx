import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { TabHost } from '../host/tab-host.js';
import type { TabSession } from '../session/tab-session.js';
import { tabTexts } from '../tab-texts.js';
import { ApiFailureMessage } from './api-failure-message.js';
import { useText } from './locale-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBlock: tokens.spacingVerticalL },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

export interface CheckAgainProps {
  readonly session: TabSession;
  readonly host: TabHost;
}

/** Reads the tenant's facts again (`GET /api/tenant`), keeping the previous answer on screen meanwhile. */
export function CheckAgain({ session, host }: CheckAgainProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const { tenant } = session;
  const checking = (tenant.status === 'ready' || tenant.status === 'failed') && tenant.checking;
  const failure = tenant.status === 'ready' ? tenant.checkFailure : undefined;
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button
          icon={checking ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
          disabledFocusable={checking}
          onClick={session.reloadTenant}
        >
          {t(tabTexts.session.checkAgain)}
        </Button>
        <Text role="status" size={200}>
          {checking ? t(tabTexts.session.checking) : ''}
        </Text>
      </div>
      {failure !== undefined && !checking && (
        <>
          <Text>{t(tabTexts.session.checkFailed)}</Text>
          <ApiFailureMessage
            failure={failure}
            host={host}
            intent="warning"
            onRetry={session.reloadTenant}
            onSignInAgain={session.signInAgain}
          />
        </>
      )}
    </div>
  );
}
