/**
 * Why an `/api/*` call gave no usable answer. The UI words each kind for
 * people (bilingual) and shows `detail` to support; nothing here is shown raw.
 */
export type ApiFailure =
  /** Teams could not issue the SSO token (`authentication.getAuthToken` failed). */
  | { readonly kind: 'signIn'; readonly detail: string }
  /** The server refused the token even after a fresh one was fetched (401 twice). */
  | { readonly kind: 'unauthorized'; readonly detail: string }
  /** Nobody in the tenant has consented to the app yet: an administrator opens the link. */
  | { readonly kind: 'consentRequired'; readonly adminConsentUrl: string | null }
  /** Entra wants the user to sign in again (MFA, changed password…), possibly with a claims challenge. */
  | { readonly kind: 'interactionRequired'; readonly claims?: string }
  /** 502/503/504 that lasted through the retries. */
  | { readonly kind: 'unavailable'; readonly status: number; readonly detail: string }
  /** No answer at all, through the retries. */
  | { readonly kind: 'network'; readonly detail: string }
  /** Any other error status, with the server's code and message (in the request's language) when it sent them. */
  | { readonly kind: 'http'; readonly status: number; readonly code?: string; readonly message?: string; readonly detail: string }
  /** The answer did not have the contract's shape. */
  | { readonly kind: 'invalidResponse'; readonly detail: string };

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure };
