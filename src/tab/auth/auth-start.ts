import { app, authentication } from '@microsoft/teams-js';
import { authWindowTexts, parseAuthStartQuery } from '../../domain/auth/auth-window.js';
import { localeFromTag } from '../../domain/i18n/locale.js';
import { AUTH_WINDOW_SCOPES, authorityFor, createMsal, saveSession, showStatus } from './auth-session.js';

/**
 * `/auth/start`, in the Teams authentication window: reads the Teams context
 * (tenant, account hint), then sends the window to Entra with MSAL's
 * authorization-code + PKCE redirect. Where the window goes next is fixed:
 * Entra, then this origin's `/auth/end`.
 */
async function start(): Promise<void> {
  const locale = localeFromTag(navigator.language);
  const request = parseAuthStartQuery(new URLSearchParams(window.location.search));
  if (!request.ok) {
    showStatus(authWindowTexts.badRequest[locale]);
    return;
  }
  let context: app.Context;
  try {
    await app.initialize();
    context = await app.getContext();
  } catch {
    showStatus(authWindowTexts.outsideTeams[locale]);
    return;
  }
  const pageLocale = localeFromTag(context.app.locale);
  showStatus(authWindowTexts.working[pageLocale]);

  const config: unknown = await (await fetch('/api/config', { headers: { accept: 'application/json' } })).json();
  const clientId = typeof config === 'object' && config !== null ? (config as Record<string, unknown>)['aadAppClientId'] : undefined;
  if (typeof clientId !== 'string') {
    // Reaches the opener as the failure reason; there is no Entra app to sign in to.
    authentication.notifyFailure('notConfigured');
    return;
  }
  const session = { clientId, authority: authorityFor(context.user?.tenant?.id) };
  saveSession(session);
  const msal = await createMsal(session);
  const loginHint = context.user?.loginHint;
  await msal.loginRedirect({
    scopes: AUTH_WINDOW_SCOPES,
    ...(loginHint ? { loginHint } : {}),
    ...(request.value.mode === 'consent' ? { prompt: 'consent' } : {}),
    ...(request.value.claims === undefined ? {} : { claims: request.value.claims }),
  });
}

void start().catch(() => authentication.notifyFailure('failed'));
