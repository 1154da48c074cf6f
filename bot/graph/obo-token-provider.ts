import { createHash } from 'node:crypto';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { INetworkModule } from '@azure/msal-node';
import { LRUCache } from 'lru-cache';
import { GRAPH_DEFAULT_SCOPE, grantedGraphScopes } from './graph-token.js';
import type { GraphToken } from './graph-token.js';
import { classifyTokenError, TokenAcquisitionError } from './token-errors.js';

export interface OboTokenProviderOptions {
  /** The multi-tenant Entra app (`AAD_APP_CLIENT_ID`) that the SSO tokens are issued for. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** msal-node's HTTP client; tests pass one that reaches a local stand-in. */
  readonly networkClient?: INetworkModule;
  readonly clock?: () => Date;
  /** How many tenants keep a client application (and its msal cache) in memory. */
  readonly maxTenants?: number;
  readonly maxCachedTokens?: number;
}

/** Exchanges a verified Teams SSO token for a Graph token in the user's own tenant. Throws a `TokenError`. */
export type OboTokenProvider = (tenantId: string, userAssertion: string) => Promise<GraphToken>;

/** Renew this long before expiry, so a token never expires between the cache and Graph. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * On-behalf-of with `@azure/msal-node` (docs/architecture.md, 'Security model'): one
 * ConfidentialClientApplication per customer tenant, with the authority
 * `https://login.microsoftonline.com/{tid}`, and `.default` so the token
 * carries whatever the tenant consented to; a missing permission then shows
 * as a 403 on one Graph request instead of failing the exchange.
 *
 * Tokens are cached here by tenant and assertion hash: msal-node's own OBO
 * cache looks tokens up by the requested scopes, and a `.default` request
 * never matches the permission names Entra answers with. So msal's copy is
 * never read, and it is dropped after each exchange to keep memory bounded.
 */
export function createOboTokenProvider(options: OboTokenProviderOptions): OboTokenProvider {
  const clock = options.clock ?? (() => new Date());
  const applications = new LRUCache<string, ConfidentialClientApplication>({ max: options.maxTenants ?? 500 });
  const tokens = new LRUCache<string, GraphToken>({
    max: options.maxCachedTokens ?? 5_000,
    perf: { now: () => clock().getTime() },
    ttlResolution: 0,
  });

  const applicationFor = (tenantId: string): ConfidentialClientApplication => {
    let application = applications.get(tenantId);
    if (application === undefined) {
      application = new ConfidentialClientApplication({
        auth: {
          clientId: options.clientId,
          clientSecret: options.clientSecret,
          authority: `https://login.microsoftonline.com/${tenantId}`,
        },
        ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
      });
      applications.set(tenantId, application);
    }
    return application;
  };

  return async (tenantId, userAssertion) => {
    const key = `${tenantId}:${createHash('sha256').update(userAssertion).digest('base64url')}`;
    const cached = tokens.get(key);
    if (cached !== undefined) return cached;

    const application = applicationFor(tenantId);
    let result;
    try {
      result = await application.acquireTokenOnBehalfOf({
        oboAssertion: userAssertion,
        scopes: [GRAPH_DEFAULT_SCOPE],
        skipCache: true,
      });
    } catch (error) {
      throw classifyTokenError(error);
    } finally {
      application.clearCache();
    }
    if (result === null || result.accessToken === '') throw new TokenAcquisitionError('the token endpoint answered without a token');

    const token: GraphToken = {
      accessToken: result.accessToken,
      grantedScopes: grantedGraphScopes(result.scopes),
      expiresOn: result.expiresOn,
    };
    // msal dates the expiry by the system clock; what is cached is the remaining lifetime.
    const ttl = (result.expiresOn?.getTime() ?? 0) - Date.now() - EXPIRY_MARGIN_MS;
    if (ttl > 0) tokens.set(key, token, { ttl });
    return token;
  };
}
