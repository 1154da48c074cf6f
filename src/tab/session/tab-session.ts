import type { Dispatch, SetStateAction } from 'react';
import type { Journey } from '../../domain/journey/journey.js';
import type { TenantResponse } from '../../domain/tenant/tenant-response.js';
import type { ApiClient } from '../api/api-client.js';
import type { ApiFailure } from '../api/api-failure.js';
import type { SignIn } from '../api/sign-in.js';
import type { OrderFormState } from '../order/order-form-state.js';
import type { WizardStepId } from '../wizard/wizard-steps.js';

/** `GET /api/tenant` as the steps see it. */
export type TenantState =
  /** Outside Teams against a real server: nothing to load. */
  | { readonly status: 'signInUnavailable' }
  | { readonly status: 'loading' }
  /** `checking` while "check again" runs; `checkFailure` when it failed (the previous answer stays). */
  | { readonly status: 'ready'; readonly tenant: TenantResponse; readonly checking: boolean; readonly checkFailure?: ApiFailure }
  | { readonly status: 'failed'; readonly failure: ApiFailure; readonly checking: boolean };

/** What the steps after the invitation share: the signed-in API, the tenant's facts, the order in progress. */
export interface TabSession {
  readonly signIn: SignIn['mode'];
  /** Undefined only when sign-in is unavailable. */
  readonly api: ApiClient | undefined;
  readonly tenant: TenantState;
  /** The onboarding checklist, read after each tenant load; undefined until then or when it failed. */
  readonly journey: Journey | undefined;
  /** Reloads the tenant's facts and then the checklist (e.g. after an order). */
  reloadTenant(): void;
  /** After `interaction_required`: ask Teams for a token with the claims challenge, then reload. */
  signInAgain(claims?: string): void;
  /** The order form, kept here so it survives moving between steps. */
  readonly orderForm: OrderFormState | undefined;
  readonly setOrderForm: Dispatch<SetStateAction<OrderFormState | undefined>>;
  /** Moves to a step and puts the focus on its heading. */
  goTo(step: WizardStepId): void;
}
