import type { Request } from 'restify';
import type { SsoTokenVerifier } from '../auth/sso-token-verifier.js';

/** Who is calling an authenticated `/api/*` route. The tenant never comes from the body. */
export interface Caller {
  readonly tenantId: string;
  readonly userId: string;
  readonly name?: string;
  readonly userPrincipalName?: string;
  /** The SSO token, for on-behalf-of Graph calls; absent in demo mode. */
  readonly token?: string;
}

export type CallerResolver = (req: Request) => Promise<Caller>;

/** Teams SSO: the caller is whoever the verified token names. */
export function ssoCallerResolver(verify: SsoTokenVerifier): CallerResolver {
  return (req) => verify(req.header('authorization'));
}

/**
 * Demo mode (loopback only): everyone is the demo customer admin of the demo
 * tenant, so the tab works in a plain browser without Entra.
 */
export function demoCallerResolver(tenantId: string, userId = 'demo-admin'): CallerResolver {
  const caller = demoCaller(tenantId, userId);
  return () => Promise.resolve(caller);
}

/** The demo mode's one user. */
export function demoCaller(tenantId: string, userId: string): Caller {
  return { tenantId, userId, name: 'Демо Администратор' };
}
