// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TabApp } from '../../../src/tab/components/tab-app.js';
import type { ConfigLoadResult } from '../../../src/tab/config/load-tab-config.js';
import type { TabConfig } from '../../../src/tab/config/tab-config.js';
import type { DisplayPreferences } from '../../../src/tab/host/display-preferences.js';
import type { HostTheme } from '../../../src/tab/host/host-theme.js';
import type { TabHost } from '../../../src/tab/host/tab-host.js';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

const config: TabConfig = {
  distributorName: 'Contoso Distribution',
  invitationUrl: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship#/BillingAccounts/partner-invitation',
  catalog: [
    { sku: 'SPB', displayName: 'Microsoft 365 Business Premium' },
    { sku: 'EXCHANGESTANDARD', displayName: 'Exchange Online (Plan 1)' },
  ],
  timeZone: 'Europe/Moscow',
  today: '2026-11-23',
  demo: true,
  aadAppClientId: undefined,
  botId: undefined,
};

const ready: ConfigLoadResult = { ok: true, config };
const russianLight: DisplayPreferences = { locale: 'ru', theme: 'default' };

function browserHost(preferences: DisplayPreferences = russianLight): TabHost {
  return { kind: 'browser', preferences, watchTheme: () => () => undefined };
}

/** A Teams host whose theme the test can switch and whose opened links it records. */
function teamsHost(preferences: DisplayPreferences) {
  const opened: string[] = [];
  let emitTheme: (theme: HostTheme) => void = () => undefined;
  const host: TabHost = {
    kind: 'teams',
    preferences,
    openLink: async (url) => {
      opened.push(url);
    },
    watchTheme: (onChange) => {
      emitTheme = onChange;
      return () => undefined;
    },
  };
  return { host, opened, switchTheme: (theme: HostTheme) => emitTheme(theme) };
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function renderTab(
  host: TabHost,
  loadConfig: () => Promise<ConfigLoadResult>,
  initialPreferences: DisplayPreferences = russianLight,
): Promise<void> {
  const connect = async (): Promise<TabHost> => host;
  await act(async () => {
    root.render(<TabApp connectHost={connect} loadConfig={loadConfig} initialPreferences={initialPreferences} />);
  });
}

const text = (): string => container.textContent ?? '';
const tabs = (): HTMLElement[] => Array.from(container.querySelectorAll<HTMLElement>('[role="tab"]'));

describe('TabApp', () => {
  it('shows the distributor, the app title and the five steps with only the invitation enabled', async () => {
    await renderTab(browserHost(), async () => ready);

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
      ['3', 'Технический домен'],
      ['4', 'Заявка'],
      ['5', 'Мои заявки'],
    ]);
    expect(tabs().map((tab) => tab.getAttribute('aria-selected') === 'true')).toEqual([true, false, false, false, false]);
    expect(tabs().map((tab) => tab.hasAttribute('disabled') || tab.getAttribute('aria-disabled') === 'true')).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);

    const panel = container.querySelector('main [role="tabpanel"]');
    expect(panel?.getAttribute('aria-labelledby')).toBe(tabs()[0]?.id);
  });

  it('explains the invitation with the exact admin center labels and links to it in a new window', async () => {
    await renderTab(browserHost(), async () => ready);

    expect(text()).toContain('Да, я понимаю условия делегированного администрирования и имею право принимать их от имени своей организации');
    expect(text()).toContain('Авторизация торгового посредника');
    expect(text()).toContain('подписка при этом продолжит работать');

    const link = container.querySelector<HTMLAnchorElement>('a[href^="https://admin.microsoft.com"]');
    expect(link?.href).toBe(config.invitationUrl);
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toContain('noopener');
    expect(link?.textContent).toContain('Открыть приглашение');
  });

  it('lists the catalog from the config', async () => {
    await renderTab(browserHost(), async () => ready);
    const items = Array.from(container.querySelectorAll('aside li')).map((item) => item.textContent);
    expect(items).toEqual(['Microsoft 365 Business PremiumSPB', 'Exchange Online (Plan 1)EXCHANGESTANDARD']);
  });

  it('speaks English and sets the document language when the host says so', async () => {
    await renderTab(browserHost({ locale: 'en', theme: 'default' }), async () => ready);
    expect(document.documentElement.lang).toBe('en');
    expect(container.querySelector('h1')?.textContent).toBe('Microsoft CSP onboarding');
    expect(text()).toContain('Accept the CSP invitation');
    expect(text()).toContain('Авторизация торгового посредника');
  });

  it('inside Teams opens the invitation through Teams and follows its theme', async () => {
    const teams = teamsHost({ locale: 'ru', theme: 'default' });
    await renderTab(teams.host, async () => ready);

    expect(container.querySelector('a[href^="https://admin.microsoft.com"]')).toBeNull();
    const button = Array.from(container.querySelectorAll('button')).find((b) => b.textContent?.includes('Открыть приглашение'));
    await act(async () => button?.click());
    expect(teams.opened).toEqual([config.invitationUrl]);

    expect(document.documentElement.style.colorScheme).toBe('light');
    await act(async () => teams.switchTheme('dark'));
    expect(document.documentElement.style.colorScheme).toBe('dark');
  });

  it('shows a loading state until the config arrives', async () => {
    let answer: (result: ConfigLoadResult) => void = () => undefined;
    await renderTab(browserHost(), () => new Promise((resolve) => (answer = resolve)));
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Загрузка');
    expect(tabs()).toHaveLength(0);

    await act(async () => answer(ready));
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(tabs()).toHaveLength(5);
  });

  it('explains a failed config request and loads again on retry', async () => {
    const answers: ConfigLoadResult[] = [
      { ok: false, failure: { kind: 'http', status: 502, detail: 'HTTP 502 Bad Gateway' } },
      ready,
    ];
    let calls = 0;
    await renderTab(browserHost(), async () => answers[calls++] ?? ready);

    expect(text()).toContain('Не удалось загрузить настройки приложения');
    expect(text()).toContain('HTTP 502 Bad Gateway');
    expect(tabs()).toHaveLength(0);

    const retry = Array.from(container.querySelectorAll('button')).find((b) => b.textContent === 'Повторить');
    await act(async () => retry?.click());
    expect(calls).toBe(2);
    expect(text()).not.toContain('Не удалось загрузить настройки приложения');
    expect(text()).toContain('Примите приглашение CSP');
  });
});
