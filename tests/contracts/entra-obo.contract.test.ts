// Contract: the on-behalf-of token request and its documented error answers.
// - "Microsoft identity platform and OAuth 2.0 On-Behalf-Of flow"
//   (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow):
//   the request (grant_type jwt-bearer, requested_token_use on_behalf_of, assertion, scope)
//   and the "Error response example" (interaction_required with a claims challenge).
// - "Microsoft Entra authentication and authorization error codes"
//   (https://learn.microsoft.com/entra/identity-platform/reference-error-codes):
//   AADSTS65001 (invalid_grant, suberror consent_required) when nobody consented;
//   AADSTS50013 (invalid_grant) when the assertion is no longer valid.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOboTokenProvider } from '../../bot/graph/obo-token-provider.js';
import { ConsentRequiredError, InteractionRequiredError } from '../../bot/graph/token-errors.js';
import { startGraphStandIn } from '../support/graph-stand-in.js';
import type { GraphStandIn } from '../support/graph-stand-in.js';
import { CLIENT_ID, CUSTOMER_TENANT_ID } from '../bot/graph/graph-fixtures.js';

/** The page's "Error response example", verbatim. */
const documentedInteractionRequired = {
  error: 'interaction_required',
  error_description:
    "AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multifactor authentication to access 'bf8d80f9-9098-4972-b203-500f535113b1'.\r\nTrace ID: b72a68c3-0926-4b8e-bc35-3150069c2800\r\nCorrelation ID: 73d656cf-54b1-4eb2-b429-26d8165a52d7\r\nTimestamp: 2017-05-01 22:43:20Z",
  error_codes: [50079],
  timestamp: '2017-05-01 22:43:20Z',
  trace_id: 'b72a68c3-0926-4b8e-bc35-3150069c2800',
  correlation_id: '73d656cf-54b1-4eb2-b429-26d8165a52d7',
  claims: '{"access_token":{"polids":{"essential":true,"values":["9ab03e19-ed42-4168-b6b7-7001fb3e933a"]}}}',
};

const entraError = (error: string, code: number, description: string, suberror?: string) => ({
  error,
  error_description: `AADSTS${code}: ${description}\r\nTrace ID: 00000000-0000-0000-0000-0000000000aa\r\nCorrelation ID: 00000000-0000-0000-0000-0000000000bb\r\nTimestamp: 2026-01-15 10:00:00Z`,
  error_codes: [code],
  timestamp: '2026-01-15 10:00:00Z',
  trace_id: '00000000-0000-0000-0000-0000000000aa',
  correlation_id: '00000000-0000-0000-0000-0000000000bb',
  ...(suberror === undefined ? {} : { suberror }),
});

let standIn: GraphStandIn;
beforeAll(async () => {
  standIn = await startGraphStandIn();
});
afterAll(() => standIn.close());
afterEach(() => standIn.failTokens(CUSTOMER_TENANT_ID, undefined));

const exchange = (assertion = 'user-sso-token') =>
  createOboTokenProvider({ clientId: CLIENT_ID, clientSecret: 'secret', networkClient: standIn.networkClient })(CUSTOMER_TENANT_ID, assertion);

describe('the on-behalf-of request', () => {
  it('is the documented jwt-bearer grant at the caller’s tenant, for Graph', async () => {
    const before = standIn.tokenRequests.length;
    await exchange('assertion-1');
    expect(standIn.tokenRequests.slice(before)).toEqual([
      {
        tenantId: CUSTOMER_TENANT_ID,
        grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        clientId: CLIENT_ID,
        scope: expect.stringContaining('https://graph.microsoft.com/.default'),
        assertion: 'assertion-1',
      },
    ]);
  });
});

describe('the documented error answers', () => {
  it('interaction_required (MFA): the user must sign in again, and the claims challenge is kept for the client', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, { status: 400, body: documentedInteractionRequired });

    const failure = await exchange().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(InteractionRequiredError);
    expect((failure as InteractionRequiredError).claims).toBe(documentedInteractionRequired.claims);
  });

  it('invalid_grant with suberror consent_required (AADSTS65001): admin consent is missing', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, {
      status: 400,
      body: entraError('invalid_grant', 65001, 'The user or administrator has not consented to use the application.', 'consent_required'),
    });

    await expect(exchange()).rejects.toBeInstanceOf(ConsentRequiredError);
  });

  it('invalid_grant without consent (AADSTS50013, the assertion expired): the user must sign in again', async () => {
    standIn.failTokens(CUSTOMER_TENANT_ID, { status: 400, body: entraError('invalid_grant', 50013, 'Assertion failed signature validation.') });

    await expect(exchange()).rejects.toBeInstanceOf(InteractionRequiredError);
  });
});
