import { describe, expect, it } from 'vitest';
import { signInFor } from '../../../src/tab/api/sign-in.js';
import type { AuthTokenRequest, TabHost } from '../../../src/tab/host/tab-host.js';

const preferences = { locale: 'ru', theme: 'default' } as const;
const browser: TabHost = { kind: 'browser', preferences, watchTheme: () => () => undefined };

function teams() {
  const requests: (AuthTokenRequest | undefined)[] = [];
  const host: TabHost = {
    kind: 'teams',
    app: 'teams',
    preferences,
    watchTheme: () => () => undefined,
    openLink: async () => undefined,
    getAuthToken: async (request) => {
      requests.push(request);
      return 'sso-token';
    },
  };
  return { host, requests };
}

describe('signInFor', () => {
  it('needs no token against a demo server, in Teams or not', () => {
    expect(signInFor(browser, { demo: true }).mode).toBe('demo');
    expect(signInFor(teams().host, { demo: true }).mode).toBe('demo');
  });

  it('cannot sign in from a plain browser against a real server', () => {
    expect(signInFor(browser, { demo: false }).mode).toBe('unavailable');
  });

  it('uses the Teams SSO token inside Teams, passing a claims challenge with prompts allowed', async () => {
    const { host, requests } = teams();
    const signIn = signInFor(host, { demo: false });
    if (signIn.mode !== 'sso') throw new Error('expected SSO');

    expect(await signIn.getToken({})).toBe('sso-token');
    await signIn.getToken({ claims: '{"access_token":{}}' });
    expect(requests).toEqual([{}, { claims: ['{"access_token":{}}'], silent: false }]);
  });
});
