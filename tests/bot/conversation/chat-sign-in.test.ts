import { beforeAll, describe, expect, it } from 'vitest';
import { botSsoResource, ChatSignIn, parseTokenExchangeRequest } from '../../../bot/conversation/chat-sign-in.js';
import type { ExchangeClaims, TeamsActor } from '../../../bot/conversation/chat-ports.js';
import { TenantFactsMemory } from '../../../bot/conversation/tenant-facts-memory.js';
import type { TenantFactsCaller } from '../../../bot/graph/customer-facts-source.js';
import { ConsentRequiredError } from '../../../bot/graph/token-errors.js';
import { assembleTenantResponse } from '../../../src/domain/tenant/assemble-tenant-response.js';
import type { TenantResponse } from '../../../src/domain/tenant/tenant-response.js';
import { responseInput, TENANT_ID } from '../../domain/tenant/tenant-fixtures.js';
import { createSsoTestTokens } from './sso-test-tokens.js';
import type { SsoTestTokens } from './sso-test-tokens.js';

const USER_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const RESOURCE = 'api://onboarding.example.com/botid-0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b';
const SIGN_IN_LINK = 'https://onboarding.example.com/auth/start?mode=signIn';
const actor: TeamsActor = { tenantId: TENANT_ID, userId: USER_ID, teamsUserId: '29:1admin', locale: 'ru' };

let tokens: SsoTestTokens;
beforeAll(async () => {
  tokens = await createSsoTestTokens();
});

/** The ids every instance has taken, as storage keeps them (bot/storage/token-exchange-claims.ts). */
class SharedClaims implements ExchangeClaims {
  readonly taken = new Set<string>();
  async claim(tenantId: string, id: string): Promise<boolean> {
    const key = `${tenantId}|${id}`;
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }
  async release(tenantId: string, id: string): Promise<void> {
    this.taken.delete(`${tenantId}|${id}`);
  }
}

function harness(options: { readonly fail?: Error; readonly links?: boolean; readonly claims?: ExchangeClaims } = {}) {
  const calls: TenantFactsCaller[] = [];
  const warnings: string[] = [];
  const memory = new TenantFactsMemory();
  const tenant: TenantResponse = assembleTenantResponse(responseInput());
  const signIn = new ChatSignIn({
    verify: tokens.verify,
    tenantFacts: async (caller) => {
      calls.push(caller);
      if (options.fail) throw options.fail;
      return tenant;
    },
    memory,
    resource: RESOURCE,
    logger: { warn: (_fields, message) => warnings.push(message) },
    newExchangeId: () => 'exchange-1',
    ...(options.claims === undefined ? {} : { claims: options.claims }),
    ...(options.links
      ? { signInLink: SIGN_IN_LINK, adminConsentUrl: (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/adminconsent?client_id=app` }
      : {}),
  });
  return { signIn, calls, memory, warnings, tenant };
}

describe('botSsoResource', () => {
  it('names the app as the manifest does: api://{domain}/botid-{appId}, domain lowercase', () => {
    expect(botSsoResource('https://Onboarding.Example.com', '0B9F8E7D-6C5B-4A39-8271-605F4E3D2C1B')).toBe(RESOURCE);
    expect(botSsoResource('https://abc-3978.euw.devtunnels.ms/', 'x')).toBe('api://abc-3978.euw.devtunnels.ms/botid-x');
  });
});

describe('parseTokenExchangeRequest', () => {
  it('reads id, connectionName and token, keeping missing ones empty', () => {
    expect(parseTokenExchangeRequest({ id: 'i', connectionName: '', token: 't' })).toEqual({ id: 'i', connectionName: '', token: 't' });
    expect(parseTokenExchangeRequest({ id: 7 })).toEqual({ id: '', connectionName: '', token: '' });
    expect(parseTokenExchangeRequest(undefined)).toEqual({ id: '', connectionName: '', token: '' });
  });
});

describe('ChatSignIn', () => {
  it('offers an OAuth card for the app resource, in the chat language', () => {
    const { signIn } = harness();
    expect(signIn.offer(actor)).toEqual({ exchangeId: 'exchange-1', resource: RESOURCE, title: 'Вход', text: expect.stringContaining('Microsoft 365') });
    expect(signIn.offer({ ...actor, locale: 'en' })?.title).toBe('Sign in');
  });

  it('verifies the token, reads the tenant facts on behalf of the user and remembers them', async () => {
    const { signIn, calls, memory, tenant } = harness();
    const token = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });

    const outcome = await signIn.exchange(actor, { id: 'x1', connectionName: '', token });

    expect(outcome).toEqual({ kind: 'signedIn', tenant });
    expect(calls).toEqual([{ tenantId: TENANT_ID, token }]);
    expect(memory.recall(TENANT_ID, USER_ID)).toMatchObject({ tenant });
    // Signed in just now: no second OAuth card for this user, but one for a colleague.
    expect(signIn.offer(actor)).toBeUndefined();
    expect(signIn.offer({ ...actor, userId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' })).toBeDefined();
  });

  it('does the exchange once when several clients send the same id', async () => {
    const { signIn, calls } = harness();
    const token = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });

    const outcomes = await Promise.all([1, 2, 3].map(() => signIn.exchange(actor, { id: 'same', connectionName: '', token })));

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['duplicate', 'duplicate', 'signedIn']);
    expect(calls).toHaveLength(1);
  });

  it('does the exchange once when the copies reach different instances', async () => {
    const claims = new SharedClaims();
    const [first, second] = [harness({ claims }), harness({ claims })];
    const token = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });

    const outcomes = await Promise.all([first, second, first].map(({ signIn }) => signIn.exchange(actor, { id: 'shared', connectionName: '', token })));

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['duplicate', 'duplicate', 'signedIn']);
    expect(first.calls.length + second.calls.length).toBe(1);
  });

  it('gives a failed id back to every instance', async () => {
    const claims = new SharedClaims();
    const [first, second] = [harness({ claims }), harness({ claims })];
    const forged = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID }, { foreignKey: true });

    expect((await first.signIn.exchange(actor, { id: 'again', connectionName: '', token: forged })).kind).toBe('failed');

    const good = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });
    expect((await second.signIn.exchange(actor, { id: 'again', connectionName: '', token: good })).kind).toBe('signedIn');
    expect(claims.taken.size).toBe(1);
  });

  it('fails a token signed by an unknown key, and lets the same id try again later', async () => {
    const { signIn, calls, warnings } = harness();
    const forged = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID }, { foreignKey: true });

    const outcome = await signIn.exchange(actor, { id: 'retry', connectionName: '', token: forged });

    expect(outcome).toEqual({ kind: 'failed', failureDetail: expect.stringContaining('rejected') });
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(1);
    const good = await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID });
    expect((await signIn.exchange(actor, { id: 'retry', connectionName: '', token: good })).kind).toBe('signedIn');
  });

  it('fails an exchange without a token', async () => {
    const { signIn } = harness();
    expect((await signIn.exchange(actor, { id: 'n', connectionName: '', token: '' })).kind).toBe('failed');
  });

  it.each([
    { case: 'another tenant', claims: { tenantId: '0f0f0f0f-1111-4222-8333-444455556666', userId: USER_ID } },
    { case: 'another user', claims: { tenantId: TENANT_ID, userId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' } },
  ])('fails a valid token of $case than the chat', async ({ claims }) => {
    const { signIn, calls } = harness();
    const outcome = await signIn.exchange(actor, { id: 'o', connectionName: '', token: await tokens.sign(claims) });
    expect(outcome.kind).toBe('failed');
    expect(calls).toEqual([]);
  });

  it('fails when the tenant has not consented to the app (OBO refused)', async () => {
    const { signIn, memory } = harness({ fail: new ConsentRequiredError('admin consent is missing: AADSTS65001') });
    const outcome = await signIn.exchange(actor, { id: 'c', connectionName: '', token: await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID }) });
    expect(outcome).toEqual({ kind: 'failed', failureDetail: 'admin consent is required' });
    expect(memory.recall(TENANT_ID, USER_ID)).toBeUndefined();
  });

  it('puts the sign-in window on the card and names the tenant’s admin-consent link when consent is missing', async () => {
    const { signIn } = harness({ fail: new ConsentRequiredError('AADSTS65001'), links: true });
    expect(signIn.offer(actor)?.signInLink).toBe(SIGN_IN_LINK);
    const outcome = await signIn.exchange(actor, { id: 'c2', connectionName: '', token: await tokens.sign({ tenantId: TENANT_ID, userId: USER_ID }) });
    expect(outcome).toEqual({
      kind: 'failed',
      failureDetail: 'admin consent is required',
      adminConsentUrl: `https://login.microsoftonline.com/${TENANT_ID}/adminconsent?client_id=app`,
    });
  });
});
