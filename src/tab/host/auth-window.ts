import { authStartPath, parseAuthWindowResult } from '../../domain/auth/auth-window.js';
import type { AuthStartRequest, AuthWindowResult } from '../../domain/auth/auth-window.js';
import type { TabHost } from './tab-host.js';

/**
 * Opens the sign-in window (`/auth/start`) through Teams and says how it
 * ended. Undefined outside Teams, where there is no authentication window.
 */
export function authWindowOpener(host: TabHost): ((request: AuthStartRequest) => Promise<AuthWindowResult>) | undefined {
  if (host.kind !== 'teams' || host.authenticate === undefined) return undefined;
  const authenticate = host.authenticate;
  return async (request) => {
    try {
      return parseAuthWindowResult(await authenticate(authStartPath(request)));
    } catch (error) {
      // notifyFailure(reason) rejects with the reason; Teams' own "CancelledByUser" reads as a failure.
      const result = parseAuthWindowResult(error);
      return result === 'signedIn' ? 'failed' : result;
    }
  };
}
