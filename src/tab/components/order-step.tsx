import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import type { ApiFailure } from '../api/api-failure.js';
import { clientErrors, visibleErrors } from '../order/order-form-errors.js';
import { INVITATION_NOT_YET_ID, ORDER_FORM_ID, ORDER_ROOT_ERROR_ID, createOrderForm, orderInput } from '../order/order-form-state.js';
import type { OrderFormState } from '../order/order-form-state.js';
import { tabTexts } from '../tab-texts.js';
import { LoadingState } from './loading-state.js';
import { useText } from './locale-context.js';
import { OrderForm } from './order-form.js';
import { ORDER_SUCCESS_TITLE_ID, OrderSuccess } from './order-success.js';
import type { TeamsMemberProfile } from '../../domain/tenant/teams-member-prefill.js';
import type { StepPanelProps } from './step-panel.js';
import { StepHeading } from './step-heading.js';
import { useSurfaceStyles } from './surface-styles.js';
import { OpenInTeams } from './tenant-gate.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export interface OrderStepOptions {
  /** The idempotency key of each new order; tests pin it. */
  readonly newSubmissionId?: () => string;
}

/**
 * Step 5: the order form, prefilled from the tenant's facts, validated with
 * the server's own `validateOrder`, submitted once per `submissionId`.
 * Loaded on demand: it carries the validation rules and phone metadata.
 */
export function OrderStep(props: StepPanelProps & OrderStepOptions): ReactElement {
  const { step, stepCount, config, host, session, newSubmissionId = defaultSubmissionId } = props;
  const t = useText();
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { tenant, orderForm, setOrderForm, api } = session;
  const tenantSettled = tenant.status === 'ready' || tenant.status === 'failed';

  // The form is made once the tenant's facts are in (or known to be missing), and then kept in the session.
  useEffect(() => {
    if (orderForm !== undefined || !tenantSettled) return;
    setOrderForm(createOrderForm(tenant.status === 'ready' ? tenant.tenant : undefined, config.catalog, newSubmissionId(), teamsUser(host)));
  }, [orderForm, tenantSettled, tenant, config.catalog, setOrderForm, newSubmissionId, host]);

  return (
    <section aria-labelledby={`step-${step.id}-title`} className={surface.surface}>
      <StepHeading step={step} stepCount={stepCount} title={t(tabTexts.order.title)}>
        {orderForm?.stored === undefined ? t(tabTexts.order.intro) : undefined}
      </StepHeading>
      {session.signIn === 'unavailable' || api === undefined ? (
        <OpenInTeams />
      ) : orderForm === undefined ? (
        <LoadingState label={tabTexts.session.loadingTenant} />
      ) : (
        <div className={styles.stack}>
          {tenant.status === 'failed' && !orderForm.prefilled && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t(tabTexts.order.noPrefill)}</MessageBarBody>
            </MessageBar>
          )}
          <OrderFormController {...{ config, host, session }} state={orderForm} newSubmissionId={newSubmissionId} />
        </div>
      )}
    </section>
  );
}

interface ControllerProps extends Pick<StepPanelProps, 'config' | 'host' | 'session'> {
  readonly state: OrderFormState;
  readonly newSubmissionId: () => string;
}

function OrderFormController({ config, host, session, state, newSubmissionId }: ControllerProps): ReactElement {
  const { catalog, today } = config;
  const { api, setOrderForm, tenant } = session;
  const [submitting, setSubmitting] = useState(false);
  const [submitFailure, setSubmitFailure] = useState<ApiFailure>();
  const [focusTarget, setFocusTarget] = useState<{ readonly kind: 'firstInvalid' | 'success'; readonly seq: number }>();
  // A ref, not state: a second click in the same frame must already see the first one.
  const inFlight = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const errors = useMemo(() => visibleErrors(state, catalog, today), [state, catalog, today]);

  const update = useCallback(
    (change: (current: OrderFormState) => OrderFormState) =>
      setOrderForm((current) => (current === undefined ? current : change(current))),
    [setOrderForm],
  );

  const submit = useCallback(async () => {
    if (inFlight.current || api === undefined) return;
    const current = stateRef.current;
    update((s) => ({ ...s, submitAttempted: true }));
    if (clientErrors(current, catalog, today).size > 0) {
      setFocusTarget((previous) => ({ kind: 'firstInvalid', seq: (previous?.seq ?? 0) + 1 }));
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setSubmitFailure(undefined);
    try {
      const outcome = await api.submitOrder(orderInput(current, catalog));
      if (outcome.kind === 'stored') {
        update((s) => ({ ...s, stored: { order: outcome.order, created: outcome.created } }));
        setFocusTarget((previous) => ({ kind: 'success', seq: (previous?.seq ?? 0) + 1 }));
        // The tenant's answer now includes this order's "invitation accepted" (declared evidence).
        session.reloadTenant();
      } else if (outcome.kind === 'invalid') {
        update((s) => ({ ...s, serverErrors: outcome.errors }));
        setFocusTarget((previous) => ({ kind: 'firstInvalid', seq: (previous?.seq ?? 0) + 1 }));
      } else {
        setSubmitFailure(outcome.failure);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }, [api, catalog, today, update, session]);

  useEffect(() => {
    if (focusTarget === undefined) return;
    if (focusTarget.kind === 'success') {
      document.getElementById(ORDER_SUCCESS_TITLE_ID)?.focus();
    } else {
      focusFirstInvalid();
    }
  }, [focusTarget]);

  if (state.stored !== undefined) {
    return (
      <OrderSuccess
        order={state.stored.order}
        created={state.stored.created}
        distributorName={config.distributorName}
        onShowOrders={() => session.goTo('orders')}
        onNewOrder={() =>
          setOrderForm(createOrderForm(tenant.status === 'ready' ? tenant.tenant : undefined, catalog, newSubmissionId(), teamsUser(host)))
        }
      />
    );
  }

  return (
    <OrderForm
      state={state}
      onChange={update}
      errors={errors}
      catalog={catalog}
      today={today}
      subscriptionsKnown={tenant.status === 'ready' && tenant.tenant.subscriptions.status === 'ok'}
      submitting={submitting}
      submitFailure={submitFailure}
      host={host}
      onSubmit={() => void submit()}
      invitationUrl={config.invitationUrl}
      {...(tenant.status === 'ready' ? { relationshipLevel: tenant.tenant.relationship.level } : {})}
    />
  );
}

/** The first invalid control in the form's order, or the error summary when no control is at fault. */
function focusFirstInvalid(): void {
  const form = document.getElementById(ORDER_FORM_ID);
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = invalid?.matches('input, textarea, select, button') ? invalid : invalid?.querySelector<HTMLElement>('input, button');
  (target ?? document.getElementById(ORDER_ROOT_ERROR_ID) ?? document.getElementById(INVITATION_NOT_YET_ID))?.focus();
}

function teamsUser(host: StepPanelProps['host']): TeamsMemberProfile | undefined {
  return host.kind === 'teams' ? host.user : undefined;
}

function defaultSubmissionId(): string {
  return crypto.randomUUID();
}
