import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/lib/local-stack.js';
import { addDays } from '../../src/domain/calendar.js';
import { seriousViolations } from '../support/accessibility.js';
import { startTestStack } from '../support/local-stack.js';
import type { TestStack } from '../support/local-stack.js';
import { orderInput } from '../support/order-fixtures.js';
import { launchChromium, PlaygroundUi, UI_TIMEOUT_MS } from '../support/playground.js';

/**
 * The distributor's board in Chromium against the whole local product (the
 * same stack as `npm start`: Azurite, the demo server, the Agents
 * Playground): an order arrives in the Playground's inbox channel, staff find
 * it on the board by INN, open it and accept it; the list and the channel
 * card both show the new status. Screenshots of the list and the order (ru,
 * en, dark) go to test-results/board/ (the README's copies in
 * docs/screenshots/board-*.png come from there); axe-core's serious and
 * critical findings fail the test.
 */

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'board');
const INN = '7707083893';

describe('the distributor\'s board in Chromium (demo mode, with the Playground)', () => {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  let playground: PlaygroundUi | undefined;
  const blockedByPolicy: string[] = [];

  beforeAll(async () => {
    // The server serves dist/tab, as under `npm start`; the board is built with it (vite.config.ts).
    await buildTab(PROJECT_ROOT, process.env, () => undefined);
    [stack, browser] = await Promise.all([startTestStack(), launchChromium(), mkdir(SCREENSHOTS, { recursive: true })]);
  }, 300_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && stack) console.error(stack.recentOutput());
  });

  afterAll(async () => {
    await playground?.close();
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  async function openBoard(query: string): Promise<Page> {
    if (!browser || !stack) throw new Error('the stack did not start');
    // The browser's own locale too: date inputs follow it, not the page.
    const locale = new URLSearchParams(query).get('locale') === 'en' ? 'en-GB' : 'ru-RU';
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blockedByPolicy.push(message.text());
    });
    await page.goto(`${stack.urls.server}/board?${query}`);
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it('finds an order by INN, opens it, accepts it, and the list and the channel card show it', async () => {
    if (!stack || !browser) throw new Error('the stack did not start');
    // Opening General installs the app in the team: the demo distributor's inbox.
    playground = await PlaygroundUi.open(browser, stack.urls.playground);
    await playground.openChannel();
    await playground.waitForBotText('заявки клиентов теперь приходят');

    const { today } = (await (await fetch(`${stack.urls.server}/api/config`)).json()) as { today: string };
    const submitted = await fetch(`${stack.urls.server}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        orderInput({
          activationDate: addDays(today, 7),
          organization: { name: 'ООО «Ромашка»', inn: INN, address: { postalCode: '101000', city: 'Москва', street: 'ул. Мясницкая, д. 1' } },
        }),
      ),
    });
    expect(submitted.status).toBe(201);
    const { id: orderId } = (await submitted.json()) as { id: string };
    await playground.waitForCard(orderId, { timeoutMs: 45_000 });

    const page = await openBoard('locale=ru&theme=default');
    const violations: string[] = [];
    await page.getByRole('table', { name: 'Заявки, сначала новые' }).waitFor();
    await page.getByLabel('Поиск').fill(INN);
    await page.getByRole('button', { name: 'Найти' }).click();
    const link = page.getByRole('button', { name: `Открыть заявку ${orderId}` });
    await link.waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'ru-list');
    violations.push(...(await seriousViolations(page)).map((violation) => `list ${violation}`));

    await link.click();
    await page.getByRole('heading', { name: `Заявка ${orderId}` }).waitFor();
    await page.getByRole('heading', { name: 'Для Partner Center' }).waitFor();
    await screenshot(page, 'ru-order');
    violations.push(...(await seriousViolations(page)).map((violation) => `order ${violation}`));

    await page.getByRole('button', { name: 'Принять в работу' }).click();
    await page.getByText('Статус заявки изменён. Клиент получит уведомление.').waitFor();
    await page.getByRole('button', { name: 'Отметить выполненной' }).waitFor();
    violations.push(...(await seriousViolations(page)).map((violation) => `accepted ${violation}`));

    await page.getByRole('button', { name: 'К списку заявок' }).click();
    await expect.poll(() => page.locator('tbody tr').first().innerText()).toContain('Принята в работу');

    // The channel card is refreshed in place by the same status change.
    const card = await playground.waitForCard('Принята в работу', { timeoutMs: 45_000 });
    expect(await playground.readCard(card)).toContain(orderId);
    await playground.saveScreenshot('board-channel-card-accepted');

    expect(violations).toEqual([]);
    expect(blockedByPolicy).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('renders in English and in the dark theme without serious accessibility findings', async () => {
    const violations: string[] = [];
    for (const variant of [
      { query: 'locale=en&theme=default', name: 'en', table: 'Orders, newest first' },
      { query: 'locale=ru&theme=dark', name: 'dark', table: 'Заявки, сначала новые' },
    ] as const) {
      const page = await openBoard(variant.query);
      await page.getByRole('table', { name: variant.table }).waitFor();
      await screenshot(page, `${variant.name}-list`);
      violations.push(...(await seriousViolations(page)).map((violation) => `${variant.name} ${violation}`));
      await page.locator('tbody tr button').first().click();
      await page.locator('#board-order-title').waitFor();
      await screenshot(page, `${variant.name}-order`);
      violations.push(...(await seriousViolations(page)).map((violation) => `${variant.name} order ${violation}`));
      await page.context().close();
    }
    expect(violations).toEqual([]);
  }, 120_000);
});
