import { app, authentication } from '@microsoft/teams-js';
import { queryOverrides, resolveDisplayPreferences } from './display-preferences.js';
import type { BrowserContext, DisplayPreferences, TeamsAppContext } from './display-preferences.js';
import { hostAppFromName } from './host-app.js';
import type { HostApp } from './host-app.js';
import { hostThemeFromTeams } from './host-theme.js';
import type { HostTheme } from './host-theme.js';
import type { TeamsMemberProfile } from '../../domain/tenant/teams-member-prefill.js';
import type { BrowserHost, TabHost, TeamsHost } from './tab-host.js';

/**
 * How long Teams gets to answer `app.initialize()`. A top-level browser page
 * is rejected by teams-js at once (no parent window, no native interface), so
 * the wait only applies when the page is framed or in a webview, where a slow
 * Teams client is likelier than a foreign host. Teams mobile runs tabs in a
 * top-level webview, which is why we do not gate on `window.parent` instead.
 * The config request runs in parallel, so the wait rarely shows.
 */
export const teamsInitTimeoutMs = 3000;

type ColorSchemeQuery = Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;

/** The parts of `window` the tab reads; a real `Window` satisfies it. */
export interface HostWindow {
  readonly location: { readonly search: string };
  readonly navigator: { readonly language?: string };
  matchMedia?(query: string): ColorSchemeQuery;
}

const darkSchemeQuery = '(prefers-color-scheme: dark)';

export async function connectHost(win: HostWindow, timeoutMs: number = teamsInitTimeoutMs): Promise<TabHost> {
  const teams = await connectToTeams(timeoutMs);
  return teams ? teamsHost(win, teams) : browserHost(win);
}

/** What the tab keeps of the host's context. */
interface HostContext extends TeamsAppContext {
  readonly app: HostApp;
  readonly user?: TeamsMemberProfile;
  readonly subPageId?: string;
}

/**
 * Connects to the Microsoft 365 host (Teams, Outlook or the Microsoft 365
 * app). Only cross-host TeamsJS capabilities are used (`app`,
 * `authentication`: "TeamsJS capability support across Microsoft 365",
 * https://learn.microsoft.com/microsoftteams/platform/m365-apps/teamsjs-support-m365),
 * so none needs an `isSupported()` check; tests/tab/host/teams-js-capabilities.test.ts keeps it so.
 */
async function connectToTeams(timeoutMs: number): Promise<HostContext | undefined> {
  try {
    // teams-js may also throw synchronously (e.g. without a window), hence the deferred call.
    await withTimeout(Promise.resolve().then(() => app.initialize()), timeoutMs);
  } catch {
    return undefined;
  }
  // Without a window (server-side rendering, Node tests) teams-js resolves without connecting.
  if (!app.isInitialized()) return undefined;
  // Teams hides its loading indicator only after this; harmless when the manifest does not ask for it.
  app.notifySuccess().catch(() => undefined);
  try {
    const context = await withTimeout(app.getContext(), timeoutMs);
    const user = userProfile(context.user);
    return {
      locale: context.app.locale,
      theme: context.app.theme,
      app: hostAppFromName(context.app.host.name),
      ...(user === undefined ? {} : { user }),
      // A deep link's `subEntityId` (e.g. the order card's "Open in board").
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
    };
  } catch {
    return { app: 'teams' };
  }
}

/**
 * `app.Context.user` (teams-js `app.UserInfo`): `displayName`,
 * `userPrincipalName` and `loginHint` (the sign-in name, usually the
 * mailbox). For prefill only: teams-js documents them as hints, not as
 * proof of identity (the server trusts the SSO token alone).
 */
function userProfile(user: app.UserInfo | undefined): TeamsMemberProfile | undefined {
  if (user === undefined) return undefined;
  const profile: TeamsMemberProfile = {
    ...(user.displayName ? { name: user.displayName } : {}),
    ...(user.loginHint ? { email: user.loginHint } : {}),
    ...(user.userPrincipalName ? { userPrincipalName: user.userPrincipalName } : {}),
  };
  return Object.keys(profile).length === 0 ? undefined : profile;
}

function teamsHost(win: HostWindow, teams: HostContext): TeamsHost {
  const query = win.location.search;
  const listeners = new Set<(theme: HostTheme) => void>();
  // Teams keeps a single theme handler, so register once and fan out.
  app.registerOnThemeChangeHandler((teamsTheme) => {
    const theme = queryOverrides(query).theme ?? hostThemeFromTeams(teamsTheme);
    listeners.forEach((listener) => listener(theme));
  });
  return {
    kind: 'teams',
    app: teams.app,
    ...(teams.user === undefined ? {} : { user: teams.user }),
    ...(teams.subPageId === undefined ? {} : { subPageId: teams.subPageId }),
    preferences: resolveDisplayPreferences({ query, teams, browser: browserContext(win) }),
    openLink: (url) => app.openLink(url),
    // Microsoft Learn, "Microsoft Teams authentication flow for tabs": the page must be in validDomains (it is this origin).
    authenticate: (path) => authentication.authenticate({ url: new URL(path, globalThis.location.origin).href, width: 600, height: 535 }),
    getAuthToken: (request = {}) =>
      authentication.getAuthToken({
        ...(request.claims === undefined ? {} : { claims: [...request.claims] }),
        ...(request.silent === undefined ? {} : { silent: request.silent }),
      }),
    watchTheme(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/** Preferences from the query and the browser alone: what the tab uses until Teams has answered. */
export function browserPreferences(win: HostWindow): DisplayPreferences {
  return resolveDisplayPreferences({ query: win.location.search, browser: browserContext(win) });
}

function browserHost(win: HostWindow): BrowserHost {
  const query = win.location.search;
  return {
    kind: 'browser',
    preferences: browserPreferences(win),
    watchTheme(onChange) {
      const scheme = win.matchMedia?.(darkSchemeQuery);
      if (!scheme || queryOverrides(query).theme) return () => undefined;
      const listener = (event: MediaQueryListEvent): void => onChange(event.matches ? 'dark' : 'default');
      scheme.addEventListener('change', listener);
      return () => scheme.removeEventListener('change', listener);
    },
  };
}

function browserContext(win: HostWindow): BrowserContext {
  return { language: win.navigator.language, prefersDark: win.matchMedia?.(darkSchemeQuery).matches ?? false };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
