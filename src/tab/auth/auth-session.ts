import { PublicClientApplication } from '@azure/msal-browser';
import { isGuid } from '../../domain/guid.js';
import { AUTH_END_PATH } from '../../domain/auth/auth-window.js';

/**
 * What `/auth/start` hands to `/auth/end` within the one authentication
 * window: the app and the authority MSAL must use again to redeem the code.
 * sessionStorage is per window and per origin, so nothing leaves the window.
 */
const STORAGE_KEY = 'csp-onboarding.auth-window';

export interface AuthWindowSession {
  readonly clientId: string;
  /** `https://login.microsoftonline.com/{tenant id}`, or `…/organizations` without a Teams tenant. */
  readonly authority: string;
}

/** The Graph permissions the app lists in its registration: consenting to them is what the OBO exchange needs. */
export const AUTH_WINDOW_SCOPES = ['https://graph.microsoft.com/.default'];

export function authorityFor(tenantId: string | undefined): string {
  // Only a GUID becomes part of the authority URL: a crafted value cannot point MSAL elsewhere.
  return `https://login.microsoftonline.com/${tenantId !== undefined && isGuid(tenantId) ? tenantId.toLowerCase() : 'organizations'}`;
}

export function saveSession(session: AuthWindowSession): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function loadSession(): AuthWindowSession | undefined {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { clientId, authority } = value as Record<string, unknown>;
    if (typeof clientId !== 'string' || !isGuid(clientId) || typeof authority !== 'string') return undefined;
    if (!/^https:\/\/login\.microsoftonline\.com\/[0-9a-z-]+$/.test(authority)) return undefined;
    return { clientId, authority };
  } catch {
    return undefined;
  }
}

/** MSAL for one sign-in: authorization code with PKCE, tokens kept in this window only, back to `/auth/end`. */
export async function createMsal(session: AuthWindowSession): Promise<PublicClientApplication> {
  const msal = new PublicClientApplication({
    auth: { clientId: session.clientId, authority: session.authority, redirectUri: `${window.location.origin}${AUTH_END_PATH}` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  return msal;
}

/** Shows a short status line; the pages have no other UI. */
export function showStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}
