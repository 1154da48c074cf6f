import { ConfidentialClientApplication } from '@azure/msal-node';
import type { INetworkModule } from '@azure/msal-node';
import { GRAPH_DEFAULT_SCOPE, grantedGraphScopes } from './graph-token.js';
import type { GraphToken } from './graph-token.js';
import { classifyTokenError, TokenAcquisitionError } from './token-errors.js';

export interface AppOnlyTokenProviderOptions {
  /** The distributor's own app registration (`PARTNER_GRAPH_CLIENT_ID`) in its own tenant. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The distributor's tenant (`DISTRIBUTOR_TENANT_ID`). */
  readonly tenantId: string;
  readonly networkClient?: INetworkModule;
}

/** A Graph token for the distributor's own app (client credentials). Throws a `TokenError`. */
export type AppOnlyTokenProvider = () => Promise<GraphToken>;

/**
 * Client credentials in the distributor's tenant, for the partner-side
 * proof (`/contracts`, GDAP relationships). msal-node caches app tokens itself: the answer
 * names no scopes, so the `.default` request finds them again.
 */
export function createAppOnlyTokenProvider(options: AppOnlyTokenProviderOptions): AppOnlyTokenProvider {
  const application = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: `https://login.microsoftonline.com/${options.tenantId}`,
    },
    ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
  });
  return async () => {
    let result;
    try {
      result = await application.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT_SCOPE] });
    } catch (error) {
      throw classifyTokenError(error);
    }
    if (result === null || result.accessToken === '') throw new TokenAcquisitionError('the token endpoint answered without a token');
    return { accessToken: result.accessToken, grantedScopes: grantedGraphScopes(result.scopes), expiresOn: result.expiresOn };
  };
}
