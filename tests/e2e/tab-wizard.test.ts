import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { seriousViolations } from '../support/accessibility.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { buildTab } from '../support/built-tab.js';
import type { BuiltTab } from '../support/built-tab.js';
import { launchChromium, UI_TIMEOUT_MS } from '../support/playground.js';
import { demoEnv, startApp } from '../support/running-app.js';
import type { RunningApp } from '../support/running-app.js';
import type { WizardStepId } from '../../src/tab/wizard/wizard-steps.js';

/**
 * The tab in a real browser against the real server in demo mode: every
 * wizard step, an order submitted and listed, screenshots of each step in
 * Russian, English and the dark theme (test-results/tab/), the header's
 * checklist moving as the Microsoft Customer Agreement is accepted and the
 * order is sent, and axe-core's accessibility rules
 * on every step.
 */

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'tab');

interface Step {
  readonly id: WizardStepId;
  readonly tab: { readonly ru: string; readonly en: string };
  /** Text that shows once the step has its content (not just a spinner). */
  readonly ready: { readonly ru: RegExp; readonly en: RegExp };
}

const STEPS: readonly Step[] = [
  { id: 'invitation', tab: { ru: 'Приглашение', en: 'Invitation' }, ready: { ru: /Открыть приглашение/, en: /Open invitation/ } },
  { id: 'confirmation', tab: { ru: 'Подтверждение', en: 'Confirmation' }, ready: { ru: /Что проверено/, en: /What was checked/ } },
  {
    id: 'customerAgreement',
    tab: { ru: 'Соглашение Microsoft', en: 'Microsoft agreement' },
    ready: { ru: /Кто принимает соглашение|Соглашение принято/, en: /Who accepts the agreement|was accepted/ },
  },
  { id: 'technicalDomain', tab: { ru: 'Технический домен', en: 'Technical domain' }, ready: { ru: /romashka\.onmicrosoft\.com/, en: /romashka\.onmicrosoft\.com/ } },
  { id: 'order', tab: { ru: 'Заявка', en: 'Order' }, ready: { ru: /Отправить заявку|отправлена/, en: /Send order|sent/ } },
  { id: 'orders', tab: { ru: 'Мои заявки', en: 'My orders' }, ready: { ru: /Заявка CSP-|Заявок пока нет/, en: /Order CSP-|No orders yet/ } },
];

describe('the tab wizard in Chromium (demo mode)', () => {
  let azurite: AzuriteTables | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let tab: BuiltTab | undefined;
  let context: BrowserContext | undefined;
  const blockedByPolicy: string[] = [];

  beforeAll(async () => {
    [azurite, browser, tab] = await Promise.all([startAzurite(), launchChromium(), buildTab('tab-e2e-'), mkdir(SCREENSHOTS, { recursive: true })]);
    app = await startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await azurite?.stop();
    await tab?.remove();
  }, 60_000);

  async function open(query: string): Promise<Page> {
    if (!context || !app) throw new Error('the stack did not start');
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    // The server's Content-Security-Policy must not block anything the tab needs.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blockedByPolicy.push(message.text());
    });
    await page.goto(`${app.url}/?${query}`);
    await page.getByRole('tab').first().waitFor();
    return page;
  }

  async function showStep(page: Page, step: Step, locale: 'ru' | 'en'): Promise<void> {
    // A tab's name is its number and title, e.g. "4 Order" (and "5 My orders" also contains "Order").
    await page.getByRole('tab', { name: new RegExp(`^\\d ${step.tab[locale]}$`) }).click();
    await page.locator(`#step-${step.id}-title`).waitFor();
    await page.getByRole('tabpanel').getByText(step.ready[locale]).first().waitFor();
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it('walks through every step in Russian, submits the order once and lists it', async () => {
    if (!app) throw new Error('the stack did not start');
    const { today } = (await (await fetch(`${app.url}/api/config`)).json()) as { today: string };
    const page = await open('locale=ru&theme=default');
    const violations: string[] = [];

    for (const step of STEPS.slice(0, 4)) {
      await showStep(page, step, 'ru');
      await screenshot(page, `ru-${STEPS.indexOf(step) + 1}-${step.id}`);
      violations.push(...(await seriousViolations(page)));
    }

    // The header's checklist: the visit and the demo tenant's "detected" evidence are done, the MCA is next.
    const header = page.locator('header');
    await header.getByText('Готово 2 из 6').waitFor();
    expect(await header.textContent()).toContain('Следующий шаг: Примите Соглашение с клиентом Майкрософт');
    await header.screenshot({ path: join(SCREENSHOTS, 'ru-header-checklist.png') });

    // The customer accepts the Microsoft Customer Agreement: the checklist moves on to the order.
    await showStep(page, STEPS[2] as Step, 'ru');
    await page.locator('#mca-lastName').fill('Иванов');
    await page.locator('#mca-firstName').fill('Иван');
    await page.locator('#mca-email').fill('i.ivanov@romashka.ru');
    await page.getByLabel('Я принимаю Соглашение с клиентом Майкрософт от имени организации').check();
    await page.getByRole('button', { name: 'Принять соглашение' }).click();
    await page.getByText('Готово: соглашение принято').waitFor();
    await header.getByText('Готово 3 из 6').waitFor();
    expect(await header.textContent()).toContain('Следующий шаг: Отправьте заявку на лицензии');
    await screenshot(page, 'ru-3-customerAgreement-accepted');
    await header.screenshot({ path: join(SCREENSHOTS, 'ru-header-checklist-mca-accepted.png') });
    violations.push(...(await seriousViolations(page)));

    await showStep(page, STEPS[4] as Step, 'ru');
    // Prefilled from the demo tenant: only the INN, the quantity and the date are left to the admin.
    await expect.poll(() => page.getByLabel('Название организации').inputValue()).toBe('ООО «Ромашка»');
    expect(await page.getByLabel('Технический домен (xxxx.onmicrosoft.com)').inputValue()).toBe('romashka.onmicrosoft.com');

    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await page.getByText('Исправьте ошибки в отмеченных полях').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    violations.push(...(await seriousViolations(page)));

    await page.getByLabel('ИНН').fill('0012345673');
    await page.getByLabel('Количество лицензий: Microsoft 365 Business Premium').fill('25');
    await page.getByLabel('Дата активации лицензий').fill(addDays(today, 7));
    await screenshot(page, 'ru-5-order');
    await page.getByRole('button', { name: 'Отправить заявку' }).dblclick();

    const successTitle = page.getByText(/^Заявка CSP-[A-Z0-9]+ отправлена$/);
    await successTitle.waitFor();
    const orderId = /CSP-[A-Z0-9]+/.exec((await successTitle.textContent()) ?? '')?.[0];
    expect(orderId).toBeDefined();
    await screenshot(page, 'ru-5-order-sent');
    // The order moved the checklist on: now the distributor is to accept it.
    await header.getByText('Готово 4 из 6').waitFor();
    expect(await header.textContent()).toContain('Следующий шаг: Ждём, когда дистрибьютор примет заявку');
    await header.screenshot({ path: join(SCREENSHOTS, 'ru-header-checklist-after-order.png') });
    violations.push(...(await seriousViolations(page)));

    await page.getByRole('button', { name: 'Перейти к моим заявкам' }).click();
    await page.getByRole('heading', { name: `Заявка ${orderId}` }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-orders-title');
    await screenshot(page, 'ru-6-orders');
    violations.push(...(await seriousViolations(page)));

    const listed = (await (await fetch(`${app.url}/api/orders`)).json()) as { orders: { id: string; status: string }[] };
    expect(listed.orders.map((order) => [order.id, order.status])).toEqual([[orderId, 'submitted']]);
    const agreement = (await (await fetch(`${app.url}/api/tenant/customer-agreement`)).json()) as { status: string; signatory?: unknown };
    expect(agreement).toMatchObject({ status: 'accepted', signatory: { lastName: 'Иванов', firstName: 'Иван', email: 'i.ivanov@romashka.ru' } });
    expect(violations).toEqual([]);
    expect(blockedByPolicy).toEqual([]);
    await page.close();
  }, 60_000);

  for (const variant of [
    { name: 'en', query: 'locale=en&theme=default', locale: 'en' },
    { name: 'dark', query: 'locale=ru&theme=dark', locale: 'ru' },
  ] as const) {
    it(`renders every step (${variant.name}) without serious accessibility violations`, async () => {
      const page = await open(variant.query);
      const violations: string[] = [];
      for (const [index, step] of STEPS.entries()) {
        await showStep(page, step, variant.locale);
        await screenshot(page, `${variant.name}-${index + 1}-${step.id}`);
        violations.push(...(await seriousViolations(page)).map((violation) => `${step.id} ${violation}`));
      }
      expect(violations).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
