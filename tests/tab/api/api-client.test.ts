import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/tab/api/api-client.js';
import type { ApiClientOptions, TokenRequest } from '../../../src/tab/api/api-client.js';
import { tenantResponse } from '../support/tab-fixtures.js';
import { orderView } from '../../support/order-fixtures.js';

interface Call {
  readonly input: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
}

/** A fetch that answers from a queue and records every request. */
function scriptedFetch(...answers: (Response | Error)[]) {
  const calls: Call[] = [];
  const fetch: ApiClientOptions['fetch'] = async (input, init) => {
    calls.push({
      input,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`unexpected request ${input}`);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, calls };
}

function tokens(...values: string[]) {
  const requests: TokenRequest[] = [];
  return {
    requests,
    getToken: async (request: TokenRequest) => {
      requests.push(request);
      const value = values.shift();
      if (value === undefined) throw new Error('no token left');
      return value;
    },
  };
}

const sleeps: number[] = [];
const noSleep = async (ms: number): Promise<void> => {
  sleeps.push(ms);
};

function client(fetch: ApiClientOptions['fetch'], extra: Partial<ApiClientOptions> = {}) {
  sleeps.length = 0;
  return createApiClient({ fetch, locale: () => 'ru', sleep: noSleep, retryDelaysMs: [100, 200], ...extra });
}

const apiError = (status: number, code: string, extra: object = {}, headers: HeadersInit = {}): Response =>
  Response.json({ errors: [{ field: '', code, message: `${code} happened` }], ...extra }, { status, headers });

describe('the tab API client', () => {
  it('sends the Teams SSO token and the locale, and parses the tenant answer', async () => {
    const { fetch, calls } = scriptedFetch(Response.json(tenantResponse()));
    const sso = tokens('token-1');
    const result = await client(fetch, { getToken: sso.getToken }).getTenant();

    expect(result).toEqual({ ok: true, value: tenantResponse() });
    expect(calls[0]?.input).toBe('/api/tenant');
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer token-1');
    expect(calls[0]?.headers.get('accept-language')).toBe('ru');
    expect(sso.requests).toEqual([{}]);
  });

  it('sends no Authorization header in demo mode', async () => {
    const { fetch, calls } = scriptedFetch(Response.json({ orders: [] }));
    const result = await client(fetch).listOrders();
    expect(result).toEqual({ ok: true, value: [] });
    expect(calls[0]?.headers.has('authorization')).toBe(false);
  });

  it('retries a 401 once with a fresh token, then reports it', async () => {
    const { fetch, calls } = scriptedFetch(apiError(401, 'unauthorized'), apiError(401, 'unauthorized'));
    const sso = tokens('stale', 'fresh');
    const result = await client(fetch, { getToken: sso.getToken }).getTenant();

    expect(calls.map((call) => call.headers.get('authorization'))).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unauthorized' } });
  });

  it('succeeds when the fresh token is accepted', async () => {
    const { fetch } = scriptedFetch(apiError(401, 'unauthorized'), Response.json(tenantResponse()));
    const result = await client(fetch, { getToken: tokens('stale', 'fresh').getToken }).getTenant();
    expect(result.ok).toBe(true);
  });

  it('reports a token Teams could not issue without calling the server', async () => {
    const { fetch, calls } = scriptedFetch();
    const result = await client(fetch, {
      getToken: async () => {
        throw new Error('resourceRequiresConsent');
      },
    }).getTenant();
    expect(result).toEqual({ ok: false, failure: { kind: 'signIn', detail: 'resourceRequiresConsent' } });
    expect(calls).toHaveLength(0);
  });

  it('passes on the admin-consent link of consent_required', async () => {
    const link = 'https://login.microsoftonline.com/t/adminconsent?client_id=c';
    const { fetch } = scriptedFetch(apiError(403, 'consent_required', { adminConsentUrl: link }));
    const result = await client(fetch).getTenant();
    expect(result).toEqual({ ok: false, failure: { kind: 'consentRequired', adminConsentUrl: link } });
  });

  it('turns interaction_required into a sign-in with the claims challenge', async () => {
    const claims = '{"access_token":{"capolids":{"essential":true,"values":["x"]}}}';
    const { fetch } = scriptedFetch(apiError(403, 'interaction_required', { claims }), Response.json(tenantResponse()));
    const sso = tokens('first', 'second');
    const api = client(fetch, { getToken: sso.getToken });

    const failed = await api.getTenant();
    expect(failed).toEqual({ ok: false, failure: { kind: 'interactionRequired', claims } });

    api.signInAgain(claims);
    expect((await api.getTenant()).ok).toBe(true);
    expect(sso.requests).toEqual([{}, { claims }]);
  });

  it('retries 503 after the server’s Retry-After, then succeeds', async () => {
    const { fetch, calls } = scriptedFetch(
      apiError(503, 'storage_unavailable', {}, { 'retry-after': '5' }),
      Response.json({ orders: [orderView()] }),
    );
    const result = await client(fetch).listOrders();
    expect(result).toEqual({ ok: true, value: [orderView()] });
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([5_000]);
  });

  it('gives up on a lasting 503 after its retries', async () => {
    const { fetch, calls } = scriptedFetch(apiError(503, 'x'), apiError(503, 'x'), apiError(503, 'storage_unavailable'));
    const result = await client(fetch).listOrders();
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unavailable', status: 503 } });
  });

  it('retries network errors, then reports them', async () => {
    const { fetch, calls } = scriptedFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    const result = await client(fetch).getTenant();
    expect(calls).toHaveLength(3);
    expect(result).toEqual({ ok: false, failure: { kind: 'network', detail: 'Failed to fetch' } });
  });

  it('rejects an answer that breaks the contract', async () => {
    const { fetch } = scriptedFetch(Response.json({ orders: [{ id: 'CSP-1' }] }));
    const result = await client(fetch).listOrders();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalidResponse' } });
  });

  it('reports other error statuses with the server’s code', async () => {
    const { fetch } = scriptedFetch(apiError(413, 'payload_too_large'));
    const result = await client(fetch).getTenant();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'http', status: 413, code: 'payload_too_large' } });
  });

  describe('submitOrder', () => {
    const order = { submissionId: '6f1b7c1e-4c1a-4c35-9a55-2c1d3f1e9b11' };

    it('posts JSON and tells a new order from one seen before', async () => {
      const { fetch, calls } = scriptedFetch(Response.json(orderView(), { status: 201 }), Response.json(orderView(), { status: 200 }));
      const api = client(fetch);
      expect(await api.submitOrder(order)).toEqual({ kind: 'stored', order: orderView(), created: true });
      expect(await api.submitOrder(order)).toEqual({ kind: 'stored', order: orderView(), created: false });
      expect(calls[0]).toMatchObject({ input: '/api/orders', method: 'POST', body: JSON.stringify(order) });
      expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    });

    it('returns the fields of a 422', async () => {
      const errors = [{ field: 'organization.inn', code: 'inn_checksum', message: 'В ИНН ошибка' }];
      const { fetch } = scriptedFetch(Response.json({ errors }, { status: 422 }));
      expect(await client(fetch).submitOrder(order)).toEqual({ kind: 'invalid', errors });
    });

    it('resends the same body after a 503, so the server sees the same submissionId', async () => {
      const { fetch, calls } = scriptedFetch(apiError(503, 'storage_unavailable'), Response.json(orderView(), { status: 201 }));
      const outcome = await client(fetch).submitOrder(order);
      expect(outcome.kind).toBe('stored');
      expect(calls.map((call) => call.body)).toEqual([JSON.stringify(order), JSON.stringify(order)]);
    });
  });
});
