import { app, authentication } from '@microsoft/teams-js';
import type { AuthWindowResult } from '../../domain/auth/auth-window.js';
import { authWindowTexts, checkAuthEndQuery } from '../../domain/auth/auth-window.js';
import { localeFromTag } from '../../domain/i18n/locale.js';
import { createMsal, loadSession, showStatus } from './auth-session.js';

/**
 * `/auth/end`, where Entra returns the authentication window: MSAL redeems
 * the code (PKCE) and the page tells Teams the outcome. No token leaves the
 * window: the opener only learns "signedIn" and retries its silent SSO,
 * which now succeeds because the consent exists.
 */
async function finish(): Promise<void> {
  const locale = localeFromTag(navigator.language);
  if (!checkAuthEndQuery(new URLSearchParams(window.location.search)).ok) {
    showStatus(authWindowTexts.badRequest[locale]);
    return;
  }
  try {
    await app.initialize();
  } catch {
    showStatus(authWindowTexts.outsideTeams[locale]);
    return;
  }
  showStatus(authWindowTexts.working[locale]);
  const result = await outcome();
  if (result === 'signedIn') authentication.notifySuccess(result);
  else authentication.notifyFailure(result);
}

async function outcome(): Promise<AuthWindowResult> {
  const session = loadSession();
  if (session === undefined) return 'failed';
  try {
    const msal = await createMsal(session);
    const response = await msal.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    return response === null ? 'failed' : 'signedIn';
  } catch (error) {
    return failureReason(error);
  }
}

/**
 * Entra's codes (Microsoft Learn, "Microsoft Entra authentication and
 * authorization error codes"): AADSTS65001 consent required, AADSTS90094 and
 * AADSTS90008 admin consent required (users may not consent), AADSTS65004
 * the user declined; MSAL's own `user_cancelled` when the window was closed.
 */
function failureReason(error: unknown): AuthWindowResult {
  const code = typeof error === 'object' && error !== null ? String((error as { errorCode?: unknown }).errorCode ?? '') : '';
  const message = error instanceof Error ? error.message : String(error);
  if (/AADSTS(90094|90008|65001)/.test(message) || code === 'consent_required') return 'adminConsentRequired';
  if (/AADSTS65004/.test(message) || code === 'user_cancelled' || code === 'access_denied') return 'cancelled';
  return 'failed';
}

void finish().catch(() => authentication.notifyFailure('failed'));
