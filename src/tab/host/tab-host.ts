import type { DisplayPreferences } from './display-preferences.js';
import type { HostTheme } from './host-theme.js';

interface HostBase {
  /** Locale and theme at start-up. */
  readonly preferences: DisplayPreferences;
  /** Follows theme changes (Teams' theme switch, or the OS colour scheme); returns an unsubscribe. */
  watchTheme(onChange: (theme: HostTheme) => void): () => void;
}

/** Inside Teams: links must go through the host, or the Teams client may swallow them. */
export interface TeamsHost extends HostBase {
  readonly kind: 'teams';
  openLink(url: string): Promise<void>;
}

/** A plain browser tab (local preview, screenshots, tests): ordinary links work. */
export interface BrowserHost extends HostBase {
  readonly kind: 'browser';
}

export type TabHost = TeamsHost | BrowserHost;
