import type { TabConfig } from '../config/tab-config.js';
import type { TabHost } from '../host/tab-host.js';
import type { TokenProvider } from './api-transport.js';

/**
 * How this tab proves who is calling `/api/*` (docs/architecture.md, 'Security model'):
 * - `sso`: inside Teams, the Teams SSO token;
 * - `demo`: the server runs in demo mode and accepts anonymous calls from loopback;
 * - `unavailable`: a plain browser against a real server: there is no token to get, so open the app in Teams.
 */
export type SignIn =
  | { readonly mode: 'sso'; readonly getToken: TokenProvider }
  | { readonly mode: 'demo' }
  | { readonly mode: 'unavailable' };

export function signInFor(host: TabHost, config: Pick<TabConfig, 'demo'>): SignIn {
  // A demo server never checks tokens, and without an Entra app Teams could not issue one.
  if (config.demo) return { mode: 'demo' };
  if (host.kind !== 'teams') return { mode: 'unavailable' };
  return {
    mode: 'sso',
    // With a claims challenge Teams must be allowed to prompt: that is the point of the challenge.
    getToken: ({ claims }) => host.getAuthToken(claims === undefined ? {} : { claims: [claims], silent: false }),
  };
}
