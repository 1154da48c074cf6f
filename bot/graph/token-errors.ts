import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';

/**
 * Why a Microsoft Graph token could not be had. The on-behalf-of exchange
 * fails with a consent error until an administrator of the customer's tenant
 * has consented to the app; that is an expected state, not a crash.
 */

/** AADSTS65001 and kin: nobody has consented to the app (or to a permission it needs) in this tenant. */
export class ConsentRequiredError extends Error {
  override readonly name = 'ConsentRequiredError';
}

/** The user must sign in again, e.g. for MFA (AADSTS50076) or an expired assertion; `claims` is the challenge. */
export class InteractionRequiredError extends Error {
  override readonly name = 'InteractionRequiredError';
  constructor(
    message: string,
    readonly claims: string | undefined,
  ) {
    super(message);
  }
}

/** Any other failure: bad app credentials, Entra unreachable, a malformed answer. */
export class TokenAcquisitionError extends Error {
  override readonly name = 'TokenAcquisitionError';
}

export type TokenError = ConsentRequiredError | InteractionRequiredError | TokenAcquisitionError;

const CONSENT_ERROR_NUMBERS = new Set(['65001', '65004', '90094', '90095']);

/** Sorts an msal-node failure into one of the three kinds above. */
export function classifyTokenError(error: unknown): TokenError {
  if (!(error instanceof AuthError)) {
    return new TokenAcquisitionError(`token request failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const number = String((error as AuthError & { errorNo?: unknown }).errorNo ?? '');
  const summary = `${error.errorCode}${number ? ` (AADSTS${number})` : ''}`;
  const consentMissing =
    CONSENT_ERROR_NUMBERS.has(number) ||
    error.subError === 'consent_required' ||
    error.errorCode === 'consent_required' ||
    /AADSTS(65001|65004|90094|90095)\b/.test(error.errorMessage);
  if (consentMissing) return new ConsentRequiredError(`admin consent is missing: ${summary}`);
  if (error instanceof InteractionRequiredAuthError || error.errorCode === 'invalid_grant') {
    const claims = error instanceof InteractionRequiredAuthError && error.claims !== '' ? error.claims : undefined;
    return new InteractionRequiredError(`the user must sign in again: ${summary}`, claims);
  }
  return new TokenAcquisitionError(`token request refused: ${summary}`);
}
