import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../../domain/i18n/locale.js';
import type { Journey } from '../../domain/journey/journey.js';
import { createApiClient } from '../api/api-client.js';
import { signInFor } from '../api/sign-in.js';
import type { TabConfig } from '../config/tab-config.js';
import type { FetchLike } from '../config/load-tab-config.js';
import type { TabHost } from '../host/tab-host.js';
import type { OrderFormState } from '../order/order-form-state.js';
import type { WizardStepId } from '../wizard/wizard-steps.js';
import type { TabSession, TenantState } from './tab-session.js';

export interface TabSessionInput {
  readonly config: TabConfig;
  readonly host: TabHost;
  readonly fetchApi: FetchLike;
  readonly locale: Locale;
  readonly goTo: (step: WizardStepId) => void;
}

/**
 * Signs in (Teams SSO, or nothing in demo mode) and loads the tenant's facts
 * as soon as the wizard shows, so steps 2–4 are ready by the time the admin
 * has read the invitation.
 */
export function useTabSession({ config, host, fetchApi, locale, goTo }: TabSessionInput): TabSession {
  const localeRef = useRef(locale);
  localeRef.current = locale;

  const signIn = useMemo(() => signInFor(host, config), [host, config]);
  const api = useMemo(
    () =>
      signIn.mode === 'unavailable'
        ? undefined
        : createApiClient({
            fetch: fetchApi,
            ...(signIn.mode === 'sso' ? { getToken: signIn.getToken } : {}),
            locale: () => localeRef.current,
          }),
    [signIn, fetchApi],
  );

  const [tenant, setTenant] = useState<TenantState>(() =>
    api === undefined ? { status: 'signInUnavailable' } : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  const [journey, setJourney] = useState<Journey>();

  useEffect(() => {
    if (api === undefined) {
      setTenant({ status: 'signInUnavailable' });
      return undefined;
    }
    const controller = new AbortController();
    // A repeat check keeps what is shown; the first load shows a spinner.
    setTenant((current) =>
      current.status === 'ready' || current.status === 'failed' ? { ...current, checking: true } : { status: 'loading' },
    );
    void api.getTenant(controller.signal).then(async (result) => {
      if (controller.signal.aborted) return;
      setTenant((current) => {
        if (result.ok) return { status: 'ready', tenant: result.value, checking: false };
        if (current.status === 'ready') return { ...current, checking: false, checkFailure: result.failure };
        return { status: 'failed', failure: result.failure, checking: false };
      });
      // After the tenant: its read records the relationship evidence the checklist shows.
      const checklist = await api.getJourney(controller.signal);
      if (!controller.signal.aborted && checklist.ok) setJourney(checklist.value);
    });
    return () => controller.abort();
  }, [api, attempt]);

  const reloadTenant = useCallback(() => setAttempt((n) => n + 1), []);
  const signInAgain = useCallback(
    (claims?: string) => {
      api?.signInAgain(claims);
      setAttempt((n) => n + 1);
    },
    [api],
  );

  const [orderForm, setOrderForm] = useState<OrderFormState>();

  return useMemo(
    () => ({
      signIn: signIn.mode,
      api,
      tenant,
      journey,
      reloadTenant,
      signInAgain,
      orderForm,
      setOrderForm,
      goTo,
    }),
    [signIn.mode, api, tenant, journey, reloadTenant, signInAgain, orderForm, goTo],
  );
}
