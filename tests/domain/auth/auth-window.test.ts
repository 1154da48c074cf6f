import { describe, expect, it } from 'vitest';
import { authStartPath, checkAuthEndQuery, parseAuthStartQuery, parseAuthWindowResult } from '../../../src/domain/auth/auth-window.js';

const query = (text: string): URLSearchParams => new URLSearchParams(text);
const CLAIMS = '{"access_token":{"capolids":{"essential":true,"values":["c1"]}}}';

describe('parseAuthStartQuery', () => {
  it('defaults to a plain sign-in', () => {
    expect(parseAuthStartQuery(query(''))).toEqual({ ok: true, value: { mode: 'signIn' } });
  });

  it('reads the consent mode and a claims challenge', () => {
    expect(parseAuthStartQuery(query(`mode=consent&claims=${encodeURIComponent(CLAIMS)}`))).toEqual({
      ok: true,
      value: { mode: 'consent', claims: CLAIMS },
    });
  });

  it.each([
    ['a redirect of the attacker’s choosing', 'redirect_uri=https%3A%2F%2Fevil.example%2F', /unknown parameter "redirect_uri"/],
    ['an account hint of the attacker’s choosing', 'login_hint=victim%40contoso.com', /unknown parameter "login_hint"/],
    ['a return URL', 'mode=signIn&returnUrl=https%3A%2F%2Fevil.example', /unknown parameter "returnUrl"/],
    ['an unknown mode', 'mode=admin', /"mode" must be signIn or consent/],
    ['a repeated mode', 'mode=signIn&mode=consent', /"mode" is given twice/],
    ['claims that are no JSON object', 'claims=%5B1%5D', /JSON object/],
    ['claims that are no JSON', 'claims=abc', /JSON object/],
    ['claims that are too long', `claims=${encodeURIComponent(JSON.stringify({ x: 'y'.repeat(5000) }))}`, /longer than 4096/],
  ])('refuses %s', (_case, text, problem) => {
    const result = parseAuthStartQuery(query(text));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });

  it('round-trips through authStartPath', () => {
    const request = { mode: 'consent', claims: CLAIMS } as const;
    const path = authStartPath(request);
    expect(path.startsWith('/auth/start?')).toBe(true);
    expect(parseAuthStartQuery(new URL(path, 'https://example.com').searchParams)).toEqual({ ok: true, value: request });
  });
});

describe('checkAuthEndQuery', () => {
  it('accepts no query (the answer is in the fragment) and Entra’s response parameters', () => {
    expect(checkAuthEndQuery(query('')).ok).toBe(true);
    expect(checkAuthEndQuery(query('code=abc&state=xyz&session_state=s&client_info=c')).ok).toBe(true);
    expect(checkAuthEndQuery(query('error=access_denied&error_description=AADSTS65004')).ok).toBe(true);
  });

  it('refuses anything else, such as a place to go next', () => {
    const result = checkAuthEndQuery(query('code=abc&next=https%3A%2F%2Fevil.example'));
    expect(!result.ok && result.problem).toMatch(/unknown parameter "next"/);
  });
});

describe('parseAuthWindowResult', () => {
  it('reads what the end page reports and treats anything else as a failure', () => {
    expect(parseAuthWindowResult('signedIn')).toBe('signedIn');
    expect(parseAuthWindowResult(new Error('adminConsentRequired'))).toBe('adminConsentRequired');
    expect(parseAuthWindowResult('CancelledByUser')).toBe('failed');
    expect(parseAuthWindowResult(undefined)).toBe('failed');
  });
});
