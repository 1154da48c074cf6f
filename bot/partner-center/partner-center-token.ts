import { ConfidentialClientApplication } from '@azure/msal-node';
import { classifyTokenError, TokenAcquisitionError } from '../graph/token-errors.js';

/** Partner Center's delegated scope (App+User): the staff member's own rights in Partner Center. */
export const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';

/** A Partner Center access token for the staff member whose SSO token this is. Throws a `TokenError`. */
export type PartnerCenterToken = (staff: { readonly tenantId: string; readonly token?: string | undefined }) => Promise<string>;

/**
 * On-behalf-of the staff member ("Partner Center authentication", App+User:
 * https://learn.microsoft.com/partner-center/developer/partner-center-authentication):
 * their Teams SSO token for `AAD_APP_CLIENT_ID` becomes a token for the
 * Partner Center API in the distributor's tenant. The app needs the delegated
 * permission `user_impersonation` of "Microsoft Partner Center" and, as every
 * App+User caller, multifactor sign-in.
 */
export function createPartnerCenterOboToken(options: { readonly clientId: string; readonly clientSecret: string }): PartnerCenterToken {
  return async (staff) => {
    if (staff.token === undefined) throw new TokenAcquisitionError('no SSO token to exchange: the staff member is not signed in with Teams SSO');
    const application = new ConfidentialClientApplication({
      auth: { clientId: options.clientId, clientSecret: options.clientSecret, authority: `https://login.microsoftonline.com/${staff.tenantId}` },
    });
    try {
      const result = await application.acquireTokenOnBehalfOf({ oboAssertion: staff.token, scopes: [PARTNER_CENTER_SCOPE], skipCache: true });
      if (result?.accessToken === undefined) throw new Error('Entra ID answered without an access token');
      return result.accessToken;
    } catch (error) {
      throw classifyTokenError(error);
    }
  };
}
