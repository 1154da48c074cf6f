import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { isGuid } from '../../src/domain/guid.js';

/** Who called an `/api/*` route, taken only from a verified Teams SSO token. */
export interface SsoCaller {
  readonly tenantId: string;
  /** Entra object id of the user. */
  readonly userId: string;
  readonly name?: string;
  readonly userPrincipalName?: string;
  /**
   * Role template ids of the user's directory roles (the `wids` claim);
   * absent when the token has no such claim, which then says nothing about the roles.
   */
  readonly roleTemplateIds?: readonly string[];
  /**
   * A guest (B2B) account of the token's tenant: the optional claim `acct` is 1
   * ("Optional claims reference", https://learn.microsoft.com/entra/identity-platform/optional-claims-reference:
   * 0 for a member, 1 for a guest), or the identity provider `idp` is another
   * issuer than the tenant's ("Access token claims reference",
   * https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference:
   * `idp` equals the issuer unless the account is not in the issuer's tenant, such as guests).
   */
  readonly guest: boolean;
  /**
   * Object ids of the user's groups (the `groups` claim), when the token
   * carries them; absent when it does not, or when there were too many for the
   * token (the "overage" `_claim_names`), which then says nothing.
   */
  readonly groupIds?: readonly string[];
  /** The raw token, kept for the on-behalf-of exchange. */
  readonly token: string;
}

export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
}

export interface SsoTokenVerifierOptions {
  /** The multi-tenant Entra app's client id: the token audience. */
  readonly clientId: string;
  /** Signing keys; defaults to Entra's multi-tenant v2 JWKS. Tests inject local keys. */
  readonly keys?: JWTVerifyGetKey;
  /** Issuer template, `{tid}` is replaced by the token's tenant. */
  readonly issuerTemplate?: string;
  readonly requiredScope?: string;
}

const ENTRA_V2_KEYS = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const ENTRA_V2_ISSUER = 'https://login.microsoftonline.com/{tid}/v2.0';

export type SsoTokenVerifier = (authorizationHeader: string | undefined) => Promise<SsoCaller>;

/**
 * Verifies Teams SSO tokens (Entra v2 access tokens) for a multi-tenant app.
 * The issuer depends on the tenant, so it cannot be a fixed `jwtVerify`
 * option: the signature, audience and expiry are checked first, then the
 * issuer is compared exactly after substituting the token's own `tid`.
 */
export function createSsoTokenVerifier(options: SsoTokenVerifierOptions): SsoTokenVerifier {
  const keys = options.keys ?? createRemoteJWKSet(new URL(ENTRA_V2_KEYS));
  const issuerTemplate = options.issuerTemplate ?? ENTRA_V2_ISSUER;
  const requiredScope = options.requiredScope ?? 'access_as_user';

  return async (authorizationHeader) => {
    const token = bearerToken(authorizationHeader);
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience: options.clientId,
        algorithms: ['RS256'],
        clockTolerance: 60,
        // jose checks `exp` only when present; a token that never expires is refused.
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw new UnauthorizedError(describeJoseError(error));
    }

    const tenantId = payload['tid'];
    if (typeof tenantId !== 'string' || !isGuid(tenantId)) {
      throw new UnauthorizedError('token has no valid tenant id (tid)');
    }
    if (payload.iss !== issuerTemplate.replace('{tid}', tenantId)) {
      throw new UnauthorizedError('token issuer does not match its tenant');
    }
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(requiredScope)) {
      throw new UnauthorizedError(`token lacks the ${requiredScope} scope`);
    }
    const userId = payload['oid'];
    if (typeof userId !== 'string' || userId === '') {
      throw new UnauthorizedError('token has no user object id (oid)');
    }

    return {
      // Lower case, like every tenant id the server stores or compares (partition keys).
      tenantId: tenantId.toLowerCase(),
      userId,
      token,
      ...optionalString('name', payload['name']),
      ...optionalString('userPrincipalName', payload['preferred_username']),
      ...roleTemplateIds(payload['wids']),
      guest: isGuest(payload, tenantId),
      ...groupIds(payload),
    };
  };
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) throw new UnauthorizedError('missing bearer token');
  return match[1];
}

function optionalString<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as Record<K, string>) : {};
}

/** `wids` is an array of role template GUIDs; anything else is ignored rather than trusted. */
function roleTemplateIds(claim: unknown): { roleTemplateIds?: readonly string[] } {
  if (!Array.isArray(claim)) return {};
  const ids = claim.filter((id): id is string => typeof id === 'string' && isGuid(id)).map((id) => id.toLowerCase());
  return { roleTemplateIds: ids };
}

function isGuest(payload: Readonly<Record<string, unknown>>, tenantId: string): boolean {
  const acct = payload['acct'];
  if (acct === 1 || acct === '1') return true;
  const idp = payload['idp'];
  if (typeof idp !== 'string' || idp === '') return false;
  // v1 issuers name the same tenant as `https://sts.windows.net/{tid}/`.
  const ownIssuers = [payload.iss, `https://sts.windows.net/${tenantId}/`].map((issuer) => String(issuer).toLowerCase());
  return !ownIssuers.includes(idp.toLowerCase());
}

/** `groups` is an array of group object ids; with `_claim_names.groups` (overage) the list is not in the token. */
function groupIds(payload: Readonly<Record<string, unknown>>): { groupIds?: readonly string[] } {
  const names = payload['_claim_names'];
  if (typeof names === 'object' && names !== null && 'groups' in names) return {};
  const claim = payload['groups'];
  if (!Array.isArray(claim)) return {};
  return { groupIds: claim.filter((id): id is string => typeof id === 'string' && isGuid(id)).map((id) => id.toLowerCase()) };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return error.reason === 'missing' ? `token has no "${error.claim}" claim` : `token claim "${error.claim}" is invalid`;
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'token is signed with an unknown key';
  if (error instanceof joseErrors.JOSEError) return `token rejected (${error.code})`;
  return 'token could not be verified';
}
