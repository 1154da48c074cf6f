// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigLoadResult } from '../../../src/tab/config/load-tab-config.js';
import { browserHost, renderTab, setUpDom, tearDownDom, teamsHost } from '../support/render-tab.js';
import { tabConfig as config } from '../support/tab-fixtures.js';

const ready: ConfigLoadResult = { ok: true, config };

beforeEach(setUpDom);
afterEach(tearDownDom);

describe('TabApp', () => {
  it('shows the distributor, the app title and the six steps, all open, starting at the invitation', async () => {
    const { container, tabs } = await renderTab({ host: browserHost() });

    const header = container.querySelector('header');
    expect(header?.querySelector('h1')?.textContent).toBe('Подключение к Microsoft CSP');
    expect(header?.textContent).toContain('Contoso Distribution');
    expect(header?.textContent).toContain('Демо-режим');

    expect(container.querySelector('nav')?.getAttribute('aria-label')).toBe('Шаги подключения');
    const stepLabels = tabs().map((tab) => [
      tab.querySelector('.fui-Tab__icon')?.textContent,
      tab.querySelector('.fui-Tab__content')?.textContent,
    ]);
    expect(stepLabels).toEqual([
      ['1', 'Приглашение'],
      ['2', 'Подтверждение'],
      ['3', 'Соглашение Microsoft'],
      ['4', 'Технический домен'],
      ['5', 'Заявка'],
      ['6', 'Мои заявки'],
    ]);
    expect(tabs().map((tab) => tab.getAttribute('aria-selected') === 'true')).toEqual([true, false, false, false, false, false]);
    expect(tabs().some((tab) => tab.hasAttribute('disabled') || tab.getAttribute('aria-disabled') === 'true')).toBe(false);

    const panel = container.querySelector('main [role="tabpanel"]');
    expect(panel?.getAttribute('aria-labelledby')).toBe(tabs()[0]?.id);
  });

  it('describes today’s invitation page, keeps the older labels as a hint and links to it in a new window', async () => {
    const { container, text } = await renderTab();

    expect(text()).toContain('Клиентское соглашение Microsoft');
    expect(text()).toContain('авторизует партнёра');
    expect(text()).toContain('но не права администратора в вашей организации');
    expect(text()).toContain('На прежней странице приглашения');
    expect(text()).toContain('Да, я понимаю условия делегированного администрирования и имею право принимать их от имени своей организации');
    expect(text()).toContain('Авторизация торгового посредника');
    expect(text()).toContain('можно отозвать в любое время');
    expect(text()).not.toContain('GDAP');

    const link = container.querySelector<HTMLAnchorElement>('a[href^="https://admin.microsoft.com"]');
    expect(link?.href).toBe(config.invitationUrl);
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toContain('noopener');
    expect(link?.textContent).toContain('Открыть приглашение');
    expect(link?.textContent).toContain('(откроется в новом окне)');
  });

  it('shows GDAP approval as a separate part with its own button, and says when the invitation asks for delegated admin', async () => {
    const gdapApprovalUrl = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163';
    const { container, text } = await renderTab({ config: { ...config, gdapApprovalUrl, invitationDelegatedAdmin: true } });

    expect(text()).toContain('Отдельный шаг: одобрите доступ администратора (GDAP)');
    expect(text()).toContain('партнёр получит роль глобального администратора');
    const gdap = container.querySelector<HTMLAnchorElement>(`a[href="${gdapApprovalUrl}"]`);
    expect(gdap?.textContent).toContain('Одобрить доступ (GDAP)');
    expect(gdap?.closest('section')?.querySelector('h3')?.textContent).toContain('GDAP');
    expect(container.querySelector<HTMLAnchorElement>(`a[href="${config.invitationUrl}"]`)?.textContent).toContain('Открыть приглашение');
  });

  it('lists the catalog from the config', async () => {
    const { container } = await renderTab();
    const items = Array.from(container.querySelectorAll('aside li')).map((item) => item.textContent);
    expect(items).toEqual([
      'Microsoft 365 Business BasicO365_BUSINESS_ESSENTIALS',
      'Microsoft 365 Business PremiumSPB',
      'Exchange Online (Plan 1)EXCHANGESTANDARD',
    ]);
  });

  it('speaks English and sets the document language when the host says so', async () => {
    const { container, text } = await renderTab({ host: browserHost({ locale: 'en', theme: 'default' }) });
    expect(document.documentElement.lang).toBe('en');
    expect(container.querySelector('h1')?.textContent).toBe('Microsoft CSP onboarding');
    expect(text()).toContain('Accept the CSP invitation');
    expect(text()).toContain('Авторизация торгового посредника');
  });

  it('inside Teams opens the invitation through Teams and follows its theme', async () => {
    const teams = teamsHost({ locale: 'ru', theme: 'default' });
    const { container, button } = await renderTab({ host: teams.host });

    expect(container.querySelector('a[href^="https://admin.microsoft.com"]')).toBeNull();
    await act(async () => button('Открыть приглашение')?.click());
    expect(teams.opened).toEqual([config.invitationUrl]);

    expect(document.documentElement.style.colorScheme).toBe('light');
    await act(async () => teams.switchTheme('dark'));
    expect(document.documentElement.style.colorScheme).toBe('dark');
  });

  it('shows a loading state until the config arrives', async () => {
    let answer: (result: ConfigLoadResult) => void = () => undefined;
    const { container, tabs } = await renderTab({ loadConfig: () => new Promise((resolve) => (answer = resolve)) });
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Загрузка');
    expect(tabs()).toHaveLength(0);

    await act(async () => answer(ready));
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(tabs()).toHaveLength(6);
  });

  it('explains a failed config request and loads again on retry', async () => {
    const answers: ConfigLoadResult[] = [{ ok: false, failure: { kind: 'http', status: 502, detail: 'HTTP 502 Bad Gateway' } }, ready];
    let calls = 0;
    const { text, tabs, button } = await renderTab({ loadConfig: async () => answers[calls++] ?? ready });

    expect(text()).toContain('Не удалось загрузить настройки приложения');
    expect(text()).toContain('HTTP 502 Bad Gateway');
    expect(tabs()).toHaveLength(0);

    await act(async () => button('Повторить')?.click());
    expect(calls).toBe(2);
    expect(text()).not.toContain('Не удалось загрузить настройки приложения');
    expect(text()).toContain('Примите приглашение CSP');
  });
});
