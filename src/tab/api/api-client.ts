import { parseJourney } from '../../domain/journey/journey.js';
import type { Journey } from '../../domain/journey/journey.js';
import { customerAgreementStatusSchema } from '../../domain/customer-agreement/customer-agreement-response.js';
import type { CustomerAgreementStatus } from '../../domain/customer-agreement/customer-agreement.js';
import { parseTenantResponse } from '../../domain/tenant/tenant-response.js';
import type { TenantResponse } from '../../domain/tenant/tenant-response.js';
import type { ApiFailure, ApiResult } from './api-failure.js';
import { createApiTransport, failureFrom, parseBody } from './api-transport.js';
import type { ApiClientOptions } from './api-transport.js';
import { fieldErrorsSchema, orderListSchema, orderViewSchema, toOrderView } from './order-response.js';
import type { OrderView, ServerFieldError } from './order-response.js';

export type { ApiClientOptions, TokenRequest } from './api-transport.js';

export type SubmitOrderOutcome =
  /** `created` is false when the server had already stored this `submissionId` (a retry or a double click). */
  | { readonly kind: 'stored'; readonly order: OrderView; readonly created: boolean }
  | { readonly kind: 'invalid'; readonly errors: readonly ServerFieldError[] }
  | { readonly kind: 'failed'; readonly failure: ApiFailure };

export type AcceptAgreementOutcome =
  | { readonly kind: 'accepted'; readonly status: CustomerAgreementStatus }
  | { readonly kind: 'invalid'; readonly errors: readonly ServerFieldError[] }
  | { readonly kind: 'failed'; readonly failure: ApiFailure };

export interface ApiClient {
  getTenant(signal?: AbortSignal): Promise<ApiResult<TenantResponse>>;
  /** The tenant's onboarding checklist (`GET /api/tenant/journey`). */
  getJourney(signal?: AbortSignal): Promise<ApiResult<Journey>>;
  /** `PUT /api/tenant/customer-agreement`: accepting again replaces the acceptance (the server keeps the history). */
  acceptCustomerAgreement(acceptance: unknown, signal?: AbortSignal): Promise<AcceptAgreementOutcome>;
  listOrders(signal?: AbortSignal): Promise<ApiResult<readonly OrderView[]>>;
  /** Safe to repeat with the same `submissionId`: the server stores one order per id. */
  submitOrder(order: unknown, signal?: AbortSignal): Promise<SubmitOrderOutcome>;
  /** After `interactionRequired`: the next token request carries the claims challenge. */
  signInAgain(claims?: string): void;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const transport = createApiTransport(options);
  return {
    getTenant: (signal) => transport.getJson('/api/tenant', parseTenantResponse, signal),

    getJourney: (signal) => transport.getJson('/api/tenant/journey', parseJourney, signal),

    listOrders: (signal) =>
      transport.getJson('/api/orders', (body) => orderListSchema.parse(body).orders.map(toOrderView), signal),

    async acceptCustomerAgreement(acceptance, signal) {
      const result = await transport.exchange('PUT', '/api/tenant/customer-agreement', acceptance, signal);
      if (!result.ok) return { kind: 'failed', failure: result.failure };
      const { response } = result;
      if (response.status === 422) return fieldErrors(response);
      if (response.status !== 200) return { kind: 'failed', failure: await failureFrom(response) };
      const parsed = await parseBody(response, (body) => customerAgreementStatusSchema.parse(body));
      return parsed.ok ? { kind: 'accepted', status: parsed.value } : { kind: 'failed', failure: parsed.failure };
    },

    async submitOrder(order, signal) {
      const result = await transport.exchange('POST', '/api/orders', order, signal);
      if (!result.ok) return { kind: 'failed', failure: result.failure };
      const { response } = result;
      if (response.status === 422) return fieldErrors(response);
      if (response.status !== 200 && response.status !== 201) return { kind: 'failed', failure: await failureFrom(response) };
      const parsed = await parseBody(response, (body) => toOrderView(orderViewSchema.parse(body)));
      return parsed.ok
        ? { kind: 'stored', order: parsed.value, created: response.status === 201 }
        : { kind: 'failed', failure: parsed.failure };
    },

    signInAgain: (claims) => transport.signInAgain(claims),
  };
}

/** A 422 answer: every invalid field, or a failure when the body is not the contract's. */
async function fieldErrors(
  response: Response,
): Promise<{ readonly kind: 'invalid'; readonly errors: readonly ServerFieldError[] } | { readonly kind: 'failed'; readonly failure: ApiFailure }> {
  const parsed = await parseBody(response, (body) => fieldErrorsSchema.parse(body).errors);
  return parsed.ok ? { kind: 'invalid', errors: parsed.value } : { kind: 'failed', failure: parsed.failure };
}
