import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWK, JWTPayload } from 'jose';
import { createSsoTokenVerifier } from '../../../bot/auth/sso-token-verifier.js';
import type { SsoTokenVerifier } from '../../../bot/auth/sso-token-verifier.js';

/** Teams SSO tokens signed with a local key, and the tab's verifier trusting only that key. */
export interface SsoTestTokens {
  readonly verify: SsoTokenVerifier;
  sign(claims: { readonly tenantId: string; readonly userId: string } & JWTPayload, options?: { readonly foreignKey?: boolean }): Promise<string>;
}

export const SSO_CLIENT_ID = '11111111-2222-3333-4444-555555555555';

export async function createSsoTestTokens(): Promise<SsoTestTokens> {
  const [trusted, stranger] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
  const publicJwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid: 'test-key', alg: 'RS256' };
  return {
    verify: createSsoTokenVerifier({ clientId: SSO_CLIENT_ID, keys: createLocalJWKSet({ keys: [publicJwk] }) }),
    sign: ({ tenantId, userId, ...claims }, options = {}) =>
      new SignJWT({ tid: tenantId, oid: userId, scp: 'access_as_user', ver: '2.0', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuedAt()
        .setAudience(SSO_CLIENT_ID)
        .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
        .setExpirationTime('1h')
        .sign(options.foreignKey ? stranger.privateKey : trusted.privateKey),
  };
}
