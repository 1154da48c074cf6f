// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserHost, fakeApi, renderTab, setUpDom, tearDownDom, teamsHost } from '../support/render-tab.js';
import { memberAdminFacts, tabConfig, tenantResponse } from '../support/tab-fixtures.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

const evidenceRows = (container: HTMLElement): string[] =>
  Array.from(container.querySelectorAll('[role="tabpanel"] ul li')).map((item) => item.textContent ?? '');

describe('step 2, confirmation', () => {
  it('shows the level and every piece of evidence with its source and state', async () => {
    const tab = await renderTab();
    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.text().includes('Что проверено'), 'the evidence');

    expect(tab.text()).toContain('Найдены признаки связи');
    // Every badge is explained in one line.
    expect(tab.text()).toContain('С ваших слов — вы ответили в заявке, что приглашение принято');
    const rows = evidenceRows(tab.container);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('Ваша организация в списке клиентов дистрибьютора');
    expect(rows[0]).toContain('Источник: данные дистрибьютора');
    expect(rows[0]).toContain('Дистрибьютор эту проверку не использует; на вашу заявку это не влияет.');
    expect(rows[1]).toContain('Нужно согласие администратора');
    expect(rows[1]).toContain('Разрешения: AuditLog.Read.All.');
    expect(rows[2]).toContain('Найдено');
    expect(rows[2]).toContain('O365_BUSINESS_ESSENTIALS');
    expect(rows[3]).toContain('Не найдено');
  });

  it('links to admin consent where consent is missing, through Teams inside Teams', async () => {
    const teams = teamsHost();
    const tab = await renderTab({ host: teams.host });
    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.text().includes('Что проверено'), 'the evidence');

    await act(async () => tab.button(/Предоставить согласие/)?.click());
    expect(teams.opened).toEqual([tenantResponse().adminConsentUrl]);
  });

  it('checks again on request and shows the new answer', async () => {
    let answers = 0;
    const api = fakeApi({
      tenant: () =>
        Response.json(
          answers++ === 0
            ? tenantResponse({ relationship: { level: 'notFound', evidence: [] } })
            : tenantResponse({
                relationship: {
                  level: 'confirmed',
                  evidence: [{ source: 'partnerContract', level: 'confirmed', partnerSpecific: true, status: 'found', observedAt: null, detail: 'Romashka' }],
                },
              }),
        ),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.text().includes('Связь не найдена'), 'the first answer');
    expect(tab.button('Вернуться к приглашению')).toBeDefined();

    await act(async () => tab.button('Проверить снова')?.click());
    await tab.waitFor(() => tab.text().includes('Подтверждено дистрибьютором'), 'the second answer');
    expect(api.requests.filter((request) => request.path === '/api/tenant')).toHaveLength(2);
  });

  it('tells a member without admin roles which roles the step needs', async () => {
    const api = fakeApi({ tenant: () => Response.json(tenantResponse({ admin: memberAdminFacts() })) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.text().includes('Что проверено'), 'the evidence');

    expect(tab.text()).toContain('Нужны права администратора');
    expect(tab.text()).toContain('нужна одна из ролей: Глобальный администратор');
  });

  it('shows the admin-consent link when the whole tenant has not consented yet', async () => {
    const link = 'https://login.microsoftonline.com/t/adminconsent?client_id=c';
    const api = fakeApi({
      tenant: () => Response.json({ errors: [{ field: '', code: 'consent_required', message: '…' }], adminConsentUrl: link }, { status: 403 }),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.text().includes('Нужно согласие администратора'), 'the consent message');

    const anchor = tab.container.querySelector<HTMLAnchorElement>(`a[href="${link}"]`);
    expect(anchor?.textContent).toContain('Предоставить согласие');
    expect(anchor?.target).toBe('_blank');
  });

  it('asks to open the app in Teams when a plain browser meets a real server', async () => {
    const api = fakeApi();
    const tab = await renderTab({ host: browserHost(), config: { ...tabConfig, demo: false }, fetchApi: api.fetch });
    await tab.openStep('Подтверждение');
    expect(tab.text()).toContain('Откройте приложение в Microsoft Teams');
    expect(api.requests).toHaveLength(0);
  });
  it('shows the distributor\'s GDAP request: which roles, why, and the approval link through Teams', async () => {
    const link = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163';
    const api = fakeApi({
      tenant: () =>
        Response.json(
          tenantResponse({
            gdap: { status: 'approvalPending', invitationUrl: link, roles: ['4d6ac14f-3453-41d0-bef9-a3e0c569773a'], endDateTime: null },
          }),
        ),
    });
    const teams = teamsHost();
    const tab = await renderTab({ host: teams.host, fetchApi: api.fetch });
    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.text().includes('Одобрите доступ администратора (GDAP)'), 'the GDAP part');

    expect(tab.text()).toContain('Ждёт вашего одобрения');
    expect(tab.text()).toContain('Администратор лицензий: назначать и снимать купленные лицензии Microsoft 365');
    expect(tab.text()).toContain('Это не глобальный администратор');
    await act(async () => tab.button('Открыть и одобрить')?.click());
    expect(teams.opened).toEqual([link]);
  });

  it('says until when an approved GDAP relationship runs, with no approval button', async () => {
    const api = fakeApi({
      tenant: () =>
        Response.json(tenantResponse({ gdap: { status: 'active', invitationUrl: null, roles: [], endDateTime: '2028-12-04T00:05:00Z' } })),
    });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.text().includes('Одобрен, действует'), 'the active GDAP part');

    expect(tab.text()).toContain('Действует до 04.12.2028');
    expect(tab.button('Открыть и одобрить')).toBeUndefined();
  });
});
