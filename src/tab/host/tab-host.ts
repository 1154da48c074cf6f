import type { TeamsMemberProfile } from '../../domain/tenant/teams-member-prefill.js';
import type { DisplayPreferences } from './display-preferences.js';
import type { HostApp } from './host-app.js';
import type { HostTheme } from './host-theme.js';

interface HostBase {
  /** Locale and theme at start-up. */
  readonly preferences: DisplayPreferences;
  /** Follows theme changes (Teams' theme switch, or the OS colour scheme); returns an unsubscribe. */
  watchTheme(onChange: (theme: HostTheme) => void): () => void;
}

/** What `getAuthToken` may ask Teams for: a claims challenge, and whether a prompt may be shown. */
export interface AuthTokenRequest {
  readonly claims?: readonly string[];
  readonly silent?: boolean;
}

/** Inside Teams: links must go through the host, or the Teams client may swallow them. */
export interface TeamsHost extends HostBase {
  readonly kind: 'teams';
  /** Teams, Outlook or the Microsoft 365 app (`app.getContext().app.host.name`). */
  readonly app: HostApp;
  /** The user as `app.getContext()` names them: prefills the contact before (or without) Graph. */
  readonly user?: TeamsMemberProfile;
  /** The `subEntityId` of the deep link that opened the page (`app.getContext().page.subPageId`). */
  readonly subPageId?: string;
  openLink(url: string): Promise<void>;
  /** The Teams SSO token for this app (an Entra v2 access token for `access_as_user`). */
  getAuthToken(request?: AuthTokenRequest): Promise<string>;
  /**
   * Opens `path` (this origin's `/auth/start?…`) in Teams' authentication
   * window; resolves with what the page passed to `notifySuccess`, rejects
   * with its `notifyFailure` reason. Absent where the host cannot.
   */
  authenticate?(path: string): Promise<string>;
}

/** A plain browser tab (local preview, screenshots, tests): ordinary links work. */
export interface BrowserHost extends HostBase {
  readonly kind: 'browser';
}

export type TabHost = TeamsHost | BrowserHost;
