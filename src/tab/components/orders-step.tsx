import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import type { ApiFailure } from '../api/api-failure.js';
import type { OrderView } from '../api/order-response.js';
import { tabTexts } from '../tab-texts.js';
import { ApiFailureMessage } from './api-failure-message.js';
import { LoadingState } from './loading-state.js';
import { useText } from './locale-context.js';
import { OrderCard } from './order-card.js';
import type { StepPanelProps } from './step-panel.js';
import { StepHeading } from './step-heading.js';
import { useSurfaceStyles } from './surface-styles.js';
import { OpenInTeams } from './tenant-gate.js';

type OrdersState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly orders: readonly OrderView[]; readonly refreshing: boolean }
  | { readonly status: 'failed'; readonly failure: ApiFailure };

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalL },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  empty: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
});

/** Step 6: this tenant's orders (`GET /api/orders`) with their status history and delivery. */
export function OrdersStep({ step, stepCount, config, host, session }: StepPanelProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { api } = session;
  const [state, setState] = useState<OrdersState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (api === undefined) return undefined;
    const controller = new AbortController();
    setState((current) => (current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    void api.listOrders(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'ready', orders: result.value, refreshing: false } : { status: 'failed', failure: result.failure });
    });
    return () => controller.abort();
  }, [api, attempt]);

  const justSent = session.orderForm?.stored?.order.id;
  const refresh = (): void => setAttempt((n) => n + 1);

  let content: ReactElement;
  if (api === undefined) {
    content = <OpenInTeams />;
  } else if (state.status === 'loading') {
    content = <LoadingState />;
  } else if (state.status === 'failed') {
    content = <ApiFailureMessage failure={state.failure} host={host} onRetry={refresh} onSignInAgain={session.signInAgain} />;
  } else {
    content = (
      <>
        <div className={styles.toolbar}>
          <Button
            icon={state.refreshing ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
            disabledFocusable={state.refreshing}
            onClick={refresh}
          >
            {t(tabTexts.orders.refresh)}
          </Button>
        </div>
        {state.orders.length === 0 ? (
          <div className={styles.empty}>
            <Text>{t(tabTexts.orders.empty)}</Text>
            <Button appearance="primary" icon={<AddRegular />} onClick={() => session.goTo('order')}>
              {t(tabTexts.orders.createOrder)}
            </Button>
          </div>
        ) : (
          <ul className={styles.list}>
            {state.orders.map((order) => (
              <li key={order.id}>
                <OrderCard order={order} catalog={config.catalog} justSent={order.id === justSent} chatInThisApp={host.kind !== 'teams' || host.app === 'teams'} />
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby={`step-${step.id}-title`} className={surface.surface} aria-busy={state.status === 'loading'}>
      <StepHeading step={step} stepCount={stepCount} title={t(tabTexts.orders.title)}>
        {t(tabTexts.orders.intro)}
      </StepHeading>
      {content}
    </section>
  );
}
