import type { Locale } from '../../domain/i18n/locale.js';
import type { FetchLike } from '../config/load-tab-config.js';
import type { ApiFailure, ApiResult } from './api-failure.js';
import { apiErrorBodySchema } from './order-response.js';

/**
 * One signed-in `/api/*` call with its recoveries, shared by the customer's
 * tab (api-client.ts) and the distributor's board: the SSO token on every
 * request, a 401 retried once with a fresh token, transient statuses and
 * network errors retried, error answers turned into an `ApiFailure`.
 */

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

export type Exchange = { readonly ok: true; readonly response: Response } | { readonly ok: false; readonly failure: ApiFailure };

export interface ApiTransport {
  exchange(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, signal?: AbortSignal): Promise<Exchange>;
  /** A GET whose 2xx answer is parsed; any other status becomes its failure. */
  getJson<T>(path: string, parse: (body: unknown) => T, signal?: AbortSignal): Promise<ApiResult<T>>;
  /** After `interactionRequired`: the next token request carries the claims challenge. */
  signInAgain(claims?: string): void;
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 3_000];
/** A server asking for a longer pause than this is better answered with "try again" than a frozen spinner. */
const MAX_RETRY_AFTER_MS = 10_000;
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

export function createApiTransport(options: ApiClientOptions): ApiTransport {
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

  return {
    exchange,
    async getJson(path, parse, signal) {
      const result = await exchange('GET', path, undefined, signal);
      if (!result.ok) return result;
      const { response } = result;
      if (!response.ok) return { ok: false, failure: await failureFrom(response) };
      return parseBody(response, parse);
    },
    signInAgain(claims) {
      pendingClaims = claims;
    },
  };
}

export async function parseBody<T>(response: Response, parse: (body: unknown) => T): Promise<ApiResult<T>> {
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
export async function failureFrom(response: Response): Promise<ApiFailure> {
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
  return {
    kind: 'http',
    status: response.status,
    ...(error ? { code: error.code } : {}),
    ...(error?.message ? { message: error.message } : {}),
    detail,
  };
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
