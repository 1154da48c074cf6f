import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWK, JWTPayload, KeyObject } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSsoTokenVerifier, UnauthorizedError } from '../../../bot/auth/sso-token-verifier.js';
import type { SsoTokenVerifier } from '../../../bot/auth/sso-token-verifier.js';

const clientId = '11111111-2222-3333-4444-555555555555';
const tenantId = '9f8e7d6c-5b4a-4321-8765-0123456789ab';

let signingKey: CryptoKey | KeyObject;
let strangerKey: CryptoKey | KeyObject;
let verify: SsoTokenVerifier;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = stranger.privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256' };
  verify = createSsoTokenVerifier({ clientId, keys: createLocalJWKSet({ keys: [publicJwk] }) });
});

function validClaims(): JWTPayload {
  return {
    tid: tenantId,
    oid: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    scp: 'access_as_user',
    name: 'Иванов Иван',
    preferred_username: 'admin@contoso.onmicrosoft.com',
    ver: '2.0',
  };
}

async function sign(
  claims: JWTPayload,
  {
    key = signingKey,
    audience = clientId,
    issuer = `https://login.microsoftonline.com/${tenantId}/v2.0`,
    expiresIn = '1h' as string | null,
  } = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setIssuedAt().setAudience(audience).setIssuer(issuer);
  return (expiresIn === null ? jwt : jwt.setExpirationTime(expiresIn)).sign(key);
}

async function rejection(header: string | undefined): Promise<string> {
  const error: unknown = await verify(header).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthorizedError);
  return (error as UnauthorizedError).message;
}

describe('createSsoTokenVerifier', () => {
  it('accepts a valid token and returns the caller taken from its claims', async () => {
    const token = await sign(validClaims());
    const caller = await verify(`Bearer ${token}`);
    expect(caller).toEqual({
      tenantId,
      userId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      name: 'Иванов Иван',
      userPrincipalName: 'admin@contoso.onmicrosoft.com',
      guest: false,
      token,
    });
  });

  it('rejects a missing or malformed authorization header', async () => {
    expect(await rejection(undefined)).toBe('missing bearer token');
    expect(await rejection('Basic abc')).toBe('missing bearer token');
    expect(await rejection('Bearer not-a-jwt')).toMatch(/token/);
  });

  it('rejects an expired token', async () => {
    const token = await sign(validClaims(), { expiresIn: '-10 minutes' });
    expect(await rejection(`Bearer ${token}`)).toBe('token expired');
  });

  it('rejects a token without an expiry (exp)', async () => {
    const token = await sign(validClaims(), { expiresIn: null });
    expect(await rejection(`Bearer ${token}`)).toBe('token has no "exp" claim');
  });

  it('answers the tenant id in lower case, whatever case the token has', async () => {
    const upper = tenantId.toUpperCase();
    const token = await sign({ ...validClaims(), tid: upper }, { issuer: `https://login.microsoftonline.com/${upper}/v2.0` });
    expect((await verify(`Bearer ${token}`)).tenantId).toBe(tenantId);
  });

  it('rejects a token for another audience', async () => {
    const token = await sign(validClaims(), { audience: 'api://someone-else' });
    expect(await rejection(`Bearer ${token}`)).toBe('token claim "aud" is invalid');
  });

  it('rejects an issuer of another tenant than the token claims', async () => {
    const token = await sign(validClaims(), {
      issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
    });
    expect(await rejection(`Bearer ${token}`)).toBe('token issuer does not match its tenant');
  });

  it('rejects a v1 issuer', async () => {
    const token = await sign(validClaims(), { issuer: `https://sts.windows.net/${tenantId}/` });
    expect(await rejection(`Bearer ${token}`)).toBe('token issuer does not match its tenant');
  });

  it('rejects a token signed by an unknown key', async () => {
    const token = await sign(validClaims(), { key: strangerKey });
    expect(await rejection(`Bearer ${token}`)).toBe('token signature is invalid');
  });

  it('rejects a token without the access_as_user scope', async () => {
    const token = await sign({ ...validClaims(), scp: 'User.Read' });
    expect(await rejection(`Bearer ${token}`)).toBe('token lacks the access_as_user scope');
  });

  it('rejects a token without a valid tenant id', async () => {
    const token = await sign({ ...validClaims(), tid: 'common' });
    expect(await rejection(`Bearer ${token}`)).toBe('token has no valid tenant id (tid)');
  });

  it('returns the directory roles of the wids claim, lower-cased, ignoring entries that are not role ids', async () => {
    const token = await sign({
      ...validClaims(),
      wids: ['62E90394-69F5-4237-9190-012177145E10', 'b79fbf4d-3ef9-4689-8143-76b194e85509', 'not-a-role', 42],
    });
    const caller = await verify(`Bearer ${token}`);
    expect(caller.roleTemplateIds).toEqual(['62e90394-69f5-4237-9190-012177145e10', 'b79fbf4d-3ef9-4689-8143-76b194e85509']);
  });

  it('leaves the roles unknown when the token has no wids claim', async () => {
    const caller = await verify(`Bearer ${await sign(validClaims())}`);
    expect(caller).not.toHaveProperty('roleTemplateIds');
    const malformed = await verify(`Bearer ${await sign({ ...validClaims(), wids: 'Global Administrator' })}`);
    expect(malformed).not.toHaveProperty('roleTemplateIds');
  });

  it('tells a guest by the acct claim (1) or by an idp other than the tenant\'s issuer', async () => {
    const member = async (claims: JWTPayload): Promise<boolean> => !(await verify(`Bearer ${await sign({ ...validClaims(), ...claims })}`)).guest;
    expect(await member({ acct: 0 })).toBe(true);
    expect(await member({ acct: 1 })).toBe(false);
    expect(await member({ idp: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/' })).toBe(false);
    expect(await member({ idp: 'live.com' })).toBe(false);
    expect(await member({ idp: `https://sts.windows.net/${tenantId}/` })).toBe(true);
    expect(await member({ idp: `https://login.microsoftonline.com/${tenantId}/v2.0` })).toBe(true);
  });

  it('returns the groups claim, and nothing when the groups did not fit in the token (overage)', async () => {
    const group = '7C6B5A49-3828-4716-9504-F3E2D1C0B9A8';
    const withGroups = await verify(`Bearer ${await sign({ ...validClaims(), groups: [group, 'not-a-group'] })}`);
    expect(withGroups.groupIds).toEqual([group.toLowerCase()]);
    const overage = await verify(`Bearer ${await sign({ ...validClaims(), _claim_names: { groups: 'src1' }, groups: [group] })}`);
    expect(overage).not.toHaveProperty('groupIds');
  });
});
