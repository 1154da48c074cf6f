// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_CENTER_DOMAINS_URL } from '../../../src/tab/components/technical-domain-step.js';
import { fakeApi, renderTab, setUpDom, tearDownDom, teamsHost } from '../support/render-tab.js';
import { memberAdminFacts, tenantResponse } from '../support/tab-fixtures.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

describe('step 4, technical domain', () => {
  it('shows the technical domain and how to make it the default one', async () => {
    const tab = await renderTab();
    await tab.openStep('Технический домен');
    await tab.waitFor(() => tab.text().includes('romashka.onmicrosoft.com'), 'the domain');

    expect(tab.text()).toContain('Технический домен не назначен доменом по умолчанию');
    expect(tab.text()).toContain('Сейчас домен по умолчанию — romashka.ru.');
    expect(tab.text()).toContain('Перейдите в раздел «Параметры» → «Домены».');
    expect(tab.text()).toContain('Нажмите «Установить по умолчанию».');
    const link = tab.container.querySelector<HTMLAnchorElement>(`a[href="${ADMIN_CENTER_DOMAINS_URL}"]`);
    expect(link?.target).toBe('_blank');
  });

  it('opens the admin center through Teams inside Teams', async () => {
    const teams = teamsHost({ locale: 'en', theme: 'default' });
    const tab = await renderTab({ host: teams.host });
    await tab.openStep('Technical domain');
    await tab.waitFor(() => tab.text().includes('romashka.onmicrosoft.com'), 'the domain');
    await act(async () => tab.button(/Open Domains in the admin center/)?.click());
    expect(teams.opened).toEqual(['https://admin.microsoft.com/Adminportal/Home#/Domains']);
  });

  it('says nothing needs to change when the technical domain is the default', async () => {
    const tenant = tenantResponse();
    const { domains } = tenant;
    if (domains.status !== 'ok') throw new Error('fixture has domains');
    const isDefault = { ...domains.value, technicalDomainIsDefault: true };
    const api = fakeApi({ tenant: () => Response.json({ ...tenant, domains: { status: 'ok', value: isDefault } }) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Технический домен');
    await tab.waitFor(() => tab.text().includes('Это домен по умолчанию'), 'the domain');
    expect(tab.text()).not.toContain('Установить по умолчанию');
  });

  it('names the roles that may change the default domain for a member', async () => {
    const api = fakeApi({ tenant: () => Response.json(tenantResponse({ admin: memberAdminFacts() })) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Технический домен');
    await tab.waitFor(() => tab.text().includes('romashka.onmicrosoft.com'), 'the domain');
    expect(tab.text()).toContain('Чтобы изменить домен по умолчанию, нужна одна из ролей: Глобальный администратор, Администратор доменных имен.');
  });

  it('explains where to look when the domains could not be read', async () => {
    const api = fakeApi({
      tenant: () => Response.json(tenantResponse({ domains: { status: 'unavailable', reason: 'serviceError' } })),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Технический домен');
    await tab.waitFor(() => tab.text().includes('Не удалось узнать домены организации'), 'the explanation');
    expect(tab.text()).toContain('центр администрирования Microsoft 365 → «Параметры» → «Домены»');
  });
});
