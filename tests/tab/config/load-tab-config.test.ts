import { describe, expect, it } from 'vitest';
import { loadTabConfig, tabConfigPath } from '../../../src/tab/config/load-tab-config.js';
import type { FetchLike } from '../../../src/tab/config/load-tab-config.js';

const validConfig = {
  distributorName: 'Contoso Distribution',
  invitationUrl: 'https://admin.microsoft.com/Adminportal/Home#/BillingAccounts/partner-invitation',
  catalog: [],
  timeZone: 'Europe/Moscow',
  today: '2026-11-23',
  demo: false,
};

function answering(response: Response): { fetch: FetchLike; calls: { input: string; init?: RequestInit | undefined }[] } {
  const calls: { input: string; init?: RequestInit | undefined }[] = [];
  return {
    calls,
    fetch: async (input, init) => {
      calls.push({ input, init });
      return response;
    },
  };
}

describe('loadTabConfig', () => {
  it('asks the server for JSON at /api/config and passes the abort signal', async () => {
    const { fetch, calls } = answering(Response.json(validConfig));
    const signal = new AbortController().signal;
    const result = await loadTabConfig(fetch, signal);
    expect(result).toEqual({ ok: true, config: validConfig });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe(tabConfigPath);
    expect(tabConfigPath).toBe('/api/config');
    expect(new Headers(calls[0]?.init?.headers).get('accept')).toBe('application/json');
    expect(calls[0]?.init?.signal).toBe(signal);
  });

  it('reports a network failure', async () => {
    const result = await loadTabConfig(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(result).toEqual({ ok: false, failure: { kind: 'network', detail: 'Failed to fetch' } });
  });

  it('reports an HTTP error with its status', async () => {
    const { fetch } = answering(new Response('oops', { status: 503, statusText: 'Service Unavailable' }));
    const result = await loadTabConfig(fetch);
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'http', status: 503, detail: 'HTTP 503 Service Unavailable' },
    });
  });

  it('reports a body that is not JSON', async () => {
    const { fetch } = answering(new Response('<html>', { status: 200 }));
    const result = await loadTabConfig(fetch);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure.kind).toBe('invalid');
  });

  it('reports JSON of the wrong shape, naming the field', async () => {
    const { fetch } = answering(Response.json({ ...validConfig, catalog: 'all' }));
    const result = await loadTabConfig(fetch);
    expect(!result.ok && result.failure).toMatchObject({ kind: 'invalid', detail: expect.stringContaining('catalog') });
  });
});
