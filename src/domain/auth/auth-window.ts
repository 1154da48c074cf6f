import type { Locale } from '../i18n/locale.js';

/**
 * The interactive sign-in window for when silent SSO fails. Teams opens
 * `/auth/start` in its authentication window (`authentication.authenticate`
 * from the tab, the OAuth card's sign-in button from the chat); the page
 * signs in with Entra (authorization code + PKCE, @azure/msal-browser) and
 * Entra returns to `/auth/end`, which tells Teams how it went
 * (`authentication.notifySuccess` / `notifyFailure`). Microsoft Learn:
 * "Microsoft Teams authentication flow for tabs" (tabs/how-to/authentication/auth-flow-tab)
 * and "Authentication flow for bots" (bots/how-to/authentication/auth-flow-bot:
 * the bot's `signin` button opens the start page; after `notifySuccess` Teams
 * sends the bot `signin/verifyState`).
 *
 * Both pages and the server read their parameters with the parsers below.
 * Nothing in them chooses where the window goes: the redirect URI is always
 * this origin's `/auth/end` and the account hint comes from the Teams
 * context, so a crafted link cannot turn the pages into an open redirect.
 */

export const AUTH_START_PATH = '/auth/start';
export const AUTH_END_PATH = '/auth/end';

/** `signIn`: sign in (and consent where needed); `consent`: ask Entra to show the consent prompt again. */
export type AuthWindowMode = 'signIn' | 'consent';

export interface AuthStartRequest {
  readonly mode: AuthWindowMode;
  /** Entra's claims challenge (a JSON object) after `interaction_required`. */
  readonly claims?: string;
}

/** What `/auth/end` reports to the opener: `notifySuccess(signedIn)` or `notifyFailure(<one of the others>)`. */
export const AUTH_RESULTS = ['signedIn', 'adminConsentRequired', 'cancelled', 'notConfigured', 'failed'] as const;
export type AuthWindowResult = (typeof AUTH_RESULTS)[number];

export type ParsedQuery<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const MAX_CLAIMS_LENGTH = 4096;
const START_KEYS = new Set(['mode', 'claims']);

/**
 * Entra's answer arrives in the fragment (MSAL's default `response_mode`),
 * so `/auth/end` normally has no query; these are the names Entra may use if
 * it answers in the query instead (OAuth 2.0 authorization response and error).
 */
const END_KEYS = new Set([
  'code',
  'state',
  'session_state',
  'client_info',
  'error',
  'error_description',
  'error_uri',
  'error_subcode',
  'correlation_id',
  'trace_id',
  'timestamp',
]);

/** Reads `/auth/start`'s query. Unknown or repeated parameters are refused, naming them. */
export function parseAuthStartQuery(query: URLSearchParams): ParsedQuery<AuthStartRequest> {
  const problem = unexpectedKeys(query, START_KEYS, 'mode, claims');
  if (problem !== undefined) return { ok: false, problem };
  const mode = query.get('mode') ?? 'signIn';
  if (mode !== 'signIn' && mode !== 'consent') return { ok: false, problem: `"mode" must be signIn or consent, got "${mode}"` };
  const claims = query.get('claims');
  if (claims === null) return { ok: true, value: { mode } };
  if (claims.length > MAX_CLAIMS_LENGTH) return { ok: false, problem: `"claims" is longer than ${MAX_CLAIMS_LENGTH} characters` };
  if (!isJsonObject(claims)) return { ok: false, problem: '"claims" must be a JSON object (Entra\'s claims challenge)' };
  return { ok: true, value: { mode, claims } };
}

/** Checks `/auth/end`'s query: only Entra's response parameters, each once. */
export function checkAuthEndQuery(query: URLSearchParams): ParsedQuery<true> {
  const problem = unexpectedKeys(query, END_KEYS, 'the parameters of an Entra authorization response');
  return problem === undefined ? { ok: true, value: true } : { ok: false, problem };
}

/** The start page's URL, relative to this origin. */
export function authStartPath(request: AuthStartRequest): string {
  const query = new URLSearchParams({ mode: request.mode });
  if (request.claims !== undefined) query.set('claims', request.claims);
  return `${AUTH_START_PATH}?${query.toString()}`;
}

/** The result `notifySuccess` / `notifyFailure` carried back; anything unknown is a plain failure. */
export function parseAuthWindowResult(value: unknown): AuthWindowResult {
  const text = value instanceof Error ? value.message : value;
  return typeof text === 'string' && (AUTH_RESULTS as readonly string[]).includes(text) ? (text as AuthWindowResult) : 'failed';
}

/** What the start and end pages show while they work or when they cannot. */
export const authWindowTexts = {
  working: { ru: 'Выполняется вход в Microsoft…', en: 'Signing you in with Microsoft…' },
  outsideTeams: {
    ru: 'Эта страница открывается из Microsoft Teams для входа. Закройте её и повторите вход в приложении.',
    en: 'This page opens from Microsoft Teams to sign you in. Close it and sign in again from the app.',
  },
  badRequest: { ru: 'Неверная ссылка для входа.', en: 'This sign-in link is not valid.' },
} as const satisfies Record<string, Record<Locale, string>>;

function unexpectedKeys(query: URLSearchParams, allowed: ReadonlySet<string>, expected: string): string | undefined {
  const seen = new Set<string>();
  for (const key of query.keys()) {
    if (!allowed.has(key)) return `unknown parameter "${key}"; expected only ${expected}`;
    if (seen.has(key)) return `parameter "${key}" is given twice`;
    seen.add(key);
  }
  return undefined;
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
