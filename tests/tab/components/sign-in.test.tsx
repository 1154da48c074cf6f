// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, renderTab, setUpDom, tearDownDom, teamsHost } from '../support/render-tab.js';
import { tabConfig, tenantResponse } from '../support/tab-fixtures.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

const realServer = { ...tabConfig, demo: false };

describe('sign-in in the tab', () => {
  it('inside Teams sends the SSO token with every API call, not with the config request', async () => {
    const teams = teamsHost();
    const api = fakeApi({ listOrders: () => Response.json({ orders: [] }) });
    const tab = await renderTab({ host: teams.host, config: realServer, fetchApi: api.fetch });
    await tab.openStep('Мои заявки');
    await tab.waitFor(() => tab.text().includes('Заявок пока нет.'), 'the orders');

    expect(api.requests.map((request) => request.path)).toEqual(expect.arrayContaining(['/api/tenant', '/api/orders']));
    expect(api.requests.every((request) => request.headers.get('authorization') === 'Bearer sso-token')).toBe(true);
  });

  it('loads the tenant as soon as the wizard shows, so later steps are ready', async () => {
    const api = fakeApi();
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.waitFor(() => api.requests.some((request) => request.path === '/api/tenant'), 'the tenant request');
    expect(tab.tabs()[0]?.getAttribute('aria-selected')).toBe('true');
  });

  it('asks to sign in again on interaction_required and then retries', async () => {
    let calls = 0;
    const api = fakeApi({
      tenant: () =>
        calls++ === 0
          ? Response.json({ errors: [{ field: '', code: 'interaction_required', message: '…' }], claims: '{"x":1}' }, { status: 403 })
          : Response.json(tenantResponse()),
    });
    const teams = teamsHost();
    const tab = await renderTab({ host: teams.host, config: realServer, fetchApi: api.fetch });
    await tab.openStep('Технический домен');
    await tab.waitFor(() => tab.text().includes('Войдите ещё раз'), 'the sign-in request');

    await act(async () => tab.button('Войти снова')?.click());
    await tab.waitFor(() => tab.text().includes('romashka.onmicrosoft.com'), 'the domain');
    expect(teams.tokenRequests()).toBeGreaterThanOrEqual(2);
  });

  it('explains a server that keeps refusing the token', async () => {
    const api = fakeApi({ tenant: () => Response.json({ errors: [{ field: '', code: 'unauthorized', message: 'Sign-in required' }] }, { status: 401 }) });
    const tab = await renderTab({ host: teamsHost().host, config: realServer, fetchApi: api.fetch });
    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.text().includes('Вход не подтверждён'), 'the message');
    expect(api.requests.filter((request) => request.path === '/api/tenant')).toHaveLength(2);
  });
});
