// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamsHost } from '../../../src/tab/host/tab-host.js';
import { fakeApi, renderTab, setUpDom, tearDownDom, teamsHost } from '../support/render-tab.js';
import { tabConfig, tenantResponse } from '../support/tab-fixtures.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

const CLIENT_ID = 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e';
const realServer = { ...tabConfig, demo: false, aadAppClientId: CLIENT_ID };

/** A Teams host whose SSO fails `ssoFailures` times and whose sign-in window answers with `windowAnswer`. */
function teamsWithWindow(ssoFailures: number, windowAnswer: () => Promise<string>) {
  const teams = teamsHost();
  const windows: string[] = [];
  let tokenCalls = 0;
  const host: TeamsHost = {
    ...(teams.host as TeamsHost),
    getAuthToken: async () => {
      if (tokenCalls++ < ssoFailures) throw new Error('resourceRequiresConsent');
      return 'sso-token';
    },
    authenticate: async (path) => {
      windows.push(path);
      return windowAnswer();
    },
  };
  return { host, windows, opened: teams.opened };
}

/** The technical-domain step after Teams SSO failed. */
async function showSsoFailure(host: TeamsHost) {
  const tab = await renderTab({ host, config: realServer, fetchApi: fakeApi().fetch });
  await tab.openStep('Технический домен');
  await tab.waitFor(() => tab.text().includes('Не удалось войти через Teams'), 'the SSO failure');
  return tab;
}

describe('the sign-in window when silent SSO fails', () => {
  it('offers "Sign in with Microsoft", opens /auth/start through Teams and retries by itself after success', async () => {
    const teams = teamsWithWindow(1, async () => 'signedIn');
    const tab = await showSsoFailure(teams.host);

    await act(async () => tab.button('Войти через Microsoft')?.click());
    expect(teams.windows).toEqual(['/auth/start?mode=signIn']);
    await tab.waitFor(() => tab.text().includes('romashka.onmicrosoft.com'), 'the domain after the retry');
  });

  it('gives the admin-consent link with a one-line explanation when the window says only an admin can consent', async () => {
    const teams = teamsWithWindow(1, async () => Promise.reject(new Error('adminConsentRequired')));
    const tab = await showSsoFailure(teams.host);

    await act(async () => tab.button('Войти через Microsoft')?.click());
    await tab.waitFor(() => tab.text().includes('Дать согласие может только администратор'), 'the explanation');
    await act(async () => tab.button('Предоставить согласие')?.click());
    expect(teams.opened).toEqual([`https://login.microsoftonline.com/organizations/adminconsent?client_id=${CLIENT_ID}`]);
  });

  it('on consent_required offers to consent in the window and the tenant’s admin-consent link, and reloads after consent', async () => {
    let calls = 0;
    const consentUrl = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/adminconsent?client_id=app';
    const api = fakeApi({
      tenant: () =>
        calls++ === 0
          ? Response.json({ errors: [{ field: '', code: 'consent_required', message: '…' }], adminConsentUrl: consentUrl }, { status: 403 })
          : Response.json(tenantResponse()),
    });
    const teams = teamsWithWindow(0, async () => 'signedIn');
    const tab = await renderTab({ host: teams.host, config: realServer, fetchApi: api.fetch });
    await tab.openStep('Технический домен');
    await tab.waitFor(() => tab.text().includes('Нужно согласие администратора'), 'the consent message');
    expect(tab.text()).toContain('Если в вашей организации согласие может дать только администратор, отправьте ему эту ссылку.');
    expect(tab.button('Предоставить согласие')).toBeDefined();

    await act(async () => tab.button('Войти и дать согласие')?.click());
    expect(teams.windows).toEqual(['/auth/start?mode=consent']);
    await tab.waitFor(() => tab.text().includes('romashka.onmicrosoft.com'), 'the domain after consent');
  });

  it('says when the window was closed, and offers it again', async () => {
    const teams = teamsWithWindow(1, async () => Promise.reject(new Error('CancelledByUser')));
    const tab = await showSsoFailure(teams.host);
    await act(async () => tab.button('Войти через Microsoft')?.click());
    await tab.waitFor(() => tab.text().includes('Войти не удалось'), 'the failure');
    expect(tab.button('Войти через Microsoft')?.disabled).toBe(false);
  });

  it('outside Teams offers no sign-in window', async () => {
    const api = fakeApi({
      tenant: () => Response.json({ errors: [{ field: '', code: 'consent_required', message: '…' }], adminConsentUrl: null }, { status: 403 }),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Технический домен');
    await tab.waitFor(() => tab.text().includes('Нужно согласие администратора'), 'the consent message');
    expect(tab.button('Войти и дать согласие')).toBeUndefined();
  });
});
