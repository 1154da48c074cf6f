import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOboTokenProvider } from '../../../bot/graph/obo-token-provider.js';
import { ConsentRequiredError, InteractionRequiredError, TokenAcquisitionError } from '../../../bot/graph/token-errors.js';
import { entraErrors, MFA_CLAIMS_CHALLENGE, startGraphStandIn } from '../../support/graph-stand-in.js';
import type { GraphStandIn } from '../../support/graph-stand-in.js';
import { CLIENT_ID, CUSTOMER_TENANT_ID } from './graph-fixtures.js';

const OTHER_TENANT_ID = 'd1d2d3d4-0000-4000-8000-000000000002';
let standIn: GraphStandIn;

beforeAll(async () => {
  standIn = await startGraphStandIn();
});
afterAll(() => standIn.close());
afterEach(() => standIn.failTokens(CUSTOMER_TENANT_ID, undefined));

function provider(clock?: () => Date) {
  return createOboTokenProvider({
    clientId: CLIENT_ID,
    clientSecret: 'secret',
    networkClient: standIn.networkClient,
    ...(clock ? { clock } : {}),
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('createOboTokenProvider', () => {
  it('exchanges the SSO token at the caller’s own tenant authority and reports the granted permissions', async () => {
    standIn.grantScopes(OTHER_TENANT_ID, ['User.Read', 'Organization.Read.All']);
    const before = standIn.tokenRequests.length;

    const token = await provider()(OTHER_TENANT_ID, 'assertion-a');

    expect(standIn.tokenRequests.slice(before)).toEqual([
      expect.objectContaining({ tenantId: OTHER_TENANT_ID, assertion: 'assertion-a', clientId: CLIENT_ID }),
    ]);
    expect(token.accessToken).toMatch(new RegExp(`^stand-in\\.${OTHER_TENANT_ID}\\.obo\\.`));
    expect(token.grantedScopes).toEqual(new Set(['user.read', 'organization.read.all']));
  });

  it('reuses the token for the same assertion and asks again for a new assertion', async () => {
    const obo = provider();
    const before = standIn.tokenRequests.length;

    const first = await obo(CUSTOMER_TENANT_ID, 'assertion-b');
    const again = await obo(CUSTOMER_TENANT_ID, 'assertion-b');
    await obo(CUSTOMER_TENANT_ID, 'assertion-c');

    expect(again.accessToken).toBe(first.accessToken);
    expect(standIn.tokenRequests.length - before).toBe(2);
  });

  it('asks again once the cached token is close to expiry', async () => {
    let now = new Date('2026-01-15T10:00:00Z');
    const obo = provider(() => now);
    const before = standIn.tokenRequests.length;

    await obo(CUSTOMER_TENANT_ID, 'assertion-d');
    now = new Date(now.getTime() + 56 * 60_000); // tokens live an hour and are renewed 5 minutes early
    await obo(CUSTOMER_TENANT_ID, 'assertion-d');

    expect(standIn.tokenRequests.length - before).toBe(2);
  });

  it('turns AADSTS65001 into a consent error', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, entraErrors.consentRequired());

    const error = await failure(provider()(CUSTOMER_TENANT_ID, 'assertion-e'));

    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect((error as Error).message).toContain('65001');
  });

  it('turns an MFA challenge into an interaction error carrying the claims', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, entraErrors.mfaRequired());

    const error = await failure(provider()(CUSTOMER_TENANT_ID, 'assertion-f'));

    expect(error).toBeInstanceOf(InteractionRequiredError);
    expect((error as InteractionRequiredError).claims).toBe(MFA_CLAIMS_CHALLENGE);
  });

  it('turns a bad client secret into a token acquisition error', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, entraErrors.invalidClient());

    const error = await failure(provider()(CUSTOMER_TENANT_ID, 'assertion-g'));

    expect(error).toBeInstanceOf(TokenAcquisitionError);
    expect((error as Error).message).toContain('invalid_client');
  });

  it('does not cache failures', async () => {
    const obo = provider();
    standIn.failTokens(CUSTOMER_TENANT_ID, entraErrors.consentRequired());
    await failure(obo(CUSTOMER_TENANT_ID, 'assertion-h'));
    standIn.failTokens(CUSTOMER_TENANT_ID, undefined);

    const token = await obo(CUSTOMER_TENANT_ID, 'assertion-h');

    expect(token.accessToken).toMatch(/^stand-in\./);
  });
});
