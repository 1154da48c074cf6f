import { customerAgreementStatusSchema } from '../../domain/customer-agreement/customer-agreement-response.js';
import type { CustomerAgreementStatus } from '../../domain/customer-agreement/customer-agreement.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { parseTenantResponse } from '../../domain/tenant/tenant-response.js';
import type { TenantResponse } from '../../domain/tenant/tenant-response.js';
import type { FetchLike } from '../config/load-tab-config.js';
import type { ApiFailure, ApiResult } from './api-failure.js';
import { apiErrorBodySchema, fieldErrorsSchema, orderListSchema, orderViewSchema, toOrderView } from './order-response.js';
import type { OrderView, ServerFieldError } from './order-response.js';

/** What the next SSO token must satisfy: Entra's claims challenge after `interaction_required`. */
export interface TokenRequest {
  readonly claims?: string;
}

/** Teams SSO: `authentication.getAuthToken()`; Teams caches the token and renews it when it expires. */
export type TokenProvider = (request: TokenRequest) => Promise<string>;

export interface ApiClientOptions {
  readonly fetch: FetchLike;
  /** Absent in demo mode: requests then carry no `Authorization` header. */
  readonly getToken?: TokenProvider;
  /** Read per request, so server messages follow a locale switch. */
  readonly locale: () => Locale;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Waits before the retries of a 502/503/504 or a network error; their count is the number of retries. */
  readonly retryDelaysMs?: readonly number[];
}

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
  /** `PUT /api/tenant/customer-agreement`: accepting again replaces the acceptance (the server keeps the history). */
  acceptCustomerAgreement(acceptance: unknown, signal?: AbortSignal): Promise<AcceptAgreementOutcome>;
  listOrders(signal?: AbortSignal): Promise<ApiResult<readonly OrderView[]>>;
  /** Safe to repeat with the same `submissionId`: the server stores one order per id. */
  submitOrder(order: unknown, signal?: AbortSignal): Promise<SubmitOrderOutcome>;
  /** After `interactionRequired`: the next token request carries the claims challenge. */
  signInAgain(claims?: string): void;
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 3_000];
/** A server asking for a longer pause than this is better answered with "try again" than a frozen spinner. */
const MAX_RETRY_AFTER_MS = 10_000;
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

type Exchange = { readonly ok: true; readonly response: Response } | { readonly ok: false; readonly failure: ApiFailure };

export function createApiClient(options: ApiClientOptions): ApiClient {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let pendingClaims: string | undefined;

  async function token(): Promise<{ ok: true; value: string } | { ok: false; failure: ApiFailure }> {
    if (!options.getToken) return { ok: true, value: '' };
    const claims = pendingClaims;
    try {
      const value = await options.getToken(claims === undefined ? {} : { claims });
      pendingClaims = undefined;
      return { ok: true, value };
    } catch (error) {
      return { ok: false, failure: { kind: 'signIn', detail: describe(error) } };
    }
  }

  /**
   * One call with its recoveries: a 401 is retried once with a fresh token;
   * transient statuses and network errors are retried after `retryDelays`.
   */
  async function exchange(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, signal?: AbortSignal): Promise<Exchange> {
    let tokenRetried = false;
    let retries = 0;
    for (;;) {
      const bearer = await token();
      if (!bearer.ok) return bearer;
      const headers: Record<string, string> = { accept: 'application/json', 'accept-language': options.locale() };
      if (options.getToken) headers['authorization'] = `Bearer ${bearer.value}`;
      if (body !== undefined) headers['content-type'] = 'application/json';

      let response: Response;
      try {
        response = await options.fetch(path, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          ...(signal === undefined ? {} : { signal }),
        });
      } catch (error) {
        if (signal?.aborted || retries >= retryDelays.length) {
          return { ok: false, failure: { kind: 'network', detail: describe(error) } };
        }
        await sleep(retryDelays[retries++] ?? 0);
        continue;
      }

      if (response.status === 401 && options.getToken && !tokenRetried) {
        tokenRetried = true;
        continue;
      }
      if (TRANSIENT_STATUSES.has(response.status) && retries < retryDelays.length && !signal?.aborted) {
        await sleep(retryAfterMs(response) ?? retryDelays[retries] ?? 0);
        retries++;
        continue;
      }
      return { ok: true, response };
    }
  }

  async function getJson<T>(path: string, parse: (body: unknown) => T, signal?: AbortSignal): Promise<ApiResult<T>> {
    const result = await exchange('GET', path, undefined, signal);
    if (!result.ok) return result;
    const { response } = result;
    if (!response.ok) return { ok: false, failure: await failureFrom(response) };
    return parseBody(response, parse);
  }

  return {
    getTenant: (signal) => getJson('/api/tenant', parseTenantResponse, signal),

    listOrders: (signal) =>
      getJson('/api/orders', (body) => orderListSchema.parse(body).orders.map(toOrderView), signal),

    async acceptCustomerAgreement(acceptance, signal) {
      const result = await exchange('PUT', '/api/tenant/customer-agreement', acceptance, signal);
      if (!result.ok) return { kind: 'failed', failure: result.failure };
      const { response } = result;
      if (response.status === 422) return fieldErrors(response);
      if (response.status !== 200) return { kind: 'failed', failure: await failureFrom(response) };
      const parsed = await parseBody(response, (body) => customerAgreementStatusSchema.parse(body));
      return parsed.ok ? { kind: 'accepted', status: parsed.value } : { kind: 'failed', failure: parsed.failure };
    },

    async submitOrder(order, signal) {
      const result = await exchange('POST', '/api/orders', order, signal);
      if (!result.ok) return { kind: 'failed', failure: result.failure };
      const { response } = result;
      if (response.status === 422) return fieldErrors(response);
      if (response.status !== 200 && response.status !== 201) return { kind: 'failed', failure: await failureFrom(response) };
      const parsed = await parseBody(response, (body) => toOrderView(orderViewSchema.parse(body)));
      return parsed.ok
        ? { kind: 'stored', order: parsed.value, created: response.status === 201 }
        : { kind: 'failed', failure: parsed.failure };
    },

    signInAgain(claims) {
      pendingClaims = claims;
    },
  };
}

/** A 422 answer: every invalid field, or a failure when the body is not the contract's. */
async function fieldErrors(
  response: Response,
): Promise<{ readonly kind: 'invalid'; readonly errors: readonly ServerFieldError[] } | { readonly kind: 'failed'; readonly failure: ApiFailure }> {
  const parsed = await parseBody(response, (body) => fieldErrorsSchema.parse(body).errors);
  return parsed.ok ? { kind: 'invalid', errors: parsed.value } : { kind: 'failed', failure: parsed.failure };
}

async function parseBody<T>(response: Response, parse: (body: unknown) => T): Promise<ApiResult<T>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    return { ok: false, failure: { kind: 'invalidResponse', detail: `Not JSON: ${describe(error)}` } };
  }
  try {
    return { ok: true, value: parse(body) };
  } catch (error) {
    return { ok: false, failure: { kind: 'invalidResponse', detail: describe(error) } };
  }
}

/** An error answer in the API's shape (`{errors:[{code,message}]}`), or just its status. */
async function failureFrom(response: Response): Promise<ApiFailure> {
  const body = apiErrorBodySchema.safeParse(await response.json().catch(() => undefined));
  const error = body.success ? body.data.errors?.[0] : undefined;
  const detail = `HTTP ${response.status}${error ? ` ${error.code}${error.message ? `: ${error.message}` : ''}` : ''}`;
  if (response.status === 401) return { kind: 'unauthorized', detail };
  if (response.status === 403 && error?.code === 'consent_required') {
    return { kind: 'consentRequired', adminConsentUrl: (body.success && body.data.adminConsentUrl) || null };
  }
  if (response.status === 403 && error?.code === 'interaction_required') {
    const claims = body.success ? body.data.claims : undefined;
    return claims === undefined ? { kind: 'interactionRequired' } : { kind: 'interactionRequired', claims };
  }
  if (TRANSIENT_STATUSES.has(response.status)) return { kind: 'unavailable', status: response.status, detail };
  return { kind: 'http', status: response.status, ...(error ? { code: error.code } : {}), detail };
}

/** `Retry-After` in seconds (the form our server sends), capped; undefined when absent or a date. */
function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after')?.trim();
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Math.min(Number(header) * 1_000, MAX_RETRY_AFTER_MS);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
