import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite } from '../support/azurite.js';
import { buildTab } from '../support/built-tab.js';
import type { BuiltTab } from '../support/built-tab.js';
import type { AzuriteTables } from '../support/azurite.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, UI_TIMEOUT_MS } from '../support/playground.js';
import { demoEnv, startApp } from '../support/running-app.js';
import type { RunningApp } from '../support/running-app.js';

/**
 * The sign-in fallback in a real browser against the real server with an
 * Entra app configured (not demo mode), using the real Vite build:
 * - the tab framed by a stand-in Teams page on https://teams.microsoft.com
 *   (Playwright answers that origin; teams-js accepts it) whose SSO fails,
 *   so the tab offers the sign-in window;
 * - /auth/start and /auth/end as built: no secret in them, no inline script,
 *   no policy violation, and a clear message when opened outside Teams.
 */

const AAD_CLIENT_ID = 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e';
const TENANT = '1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d';
const SECRETS = { AAD_APP_CLIENT_SECRET: 'aad-secret-value-e2e', BOT_PASSWORD: 'bot-secret-value-e2e' };
const productionEnv = {
  BOT_ID: '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b',
  BOT_TYPE: 'SingleTenant',
  BOT_TENANT_ID: TENANT,
  DISTRIBUTOR_TENANT_ID: TENANT,
  AAD_APP_CLIENT_ID: AAD_CLIENT_ID,
  HOST: '127.0.0.1',
  ...SECRETS,
};
const TEAMS_HOST_PAGE = 'https://teams.microsoft.com/_e2e/host';

/**
 * A stand-in for the Teams client: frames the tab and answers teams-js's
 * messages. Its SSO always fails.
 */
function teamsHostPage(tabUrl: string): string {
  const runtimeConfig = JSON.stringify({
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: { appEntity: {}, authentication: {}, dialog: { url: {} }, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} },
  });
  const context = { locale: 'ru-ru', theme: 'default', frameContext: 'content', hostClientType: 'desktop', tid: TENANT, loginHint: 'admin@contoso.onmicrosoft.com', entityId: 'onboarding' };
  return `<!doctype html><html><body style="margin:0">
<iframe id="tab" src="${tabUrl}" style="border:0;width:100vw;height:100vh"></iframe>
<script>
window.teamsCalls = [];
const frame = document.getElementById('tab');
window.addEventListener('message', (event) => {
  const message = event.data;
  if (event.source !== frame.contentWindow || !message || typeof message.func !== 'string') return;
  window.teamsCalls.push({ func: message.func, args: message.args });
  const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
  switch (message.func) {
    case 'initialize': return reply(['content', 'desktop', ${JSON.stringify(runtimeConfig)}, '2.0.0']);
    case 'getContext': return reply([${JSON.stringify(context)}]);
    case 'authentication.getAuthToken': return reply([false, 'resourceRequiresConsent']);
    default: return undefined;
  }
});
</script></body></html>`;
}

describe('the sign-in window in Chromium (Entra app configured)', () => {
  let azurite: AzuriteTables | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let tab: BuiltTab | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [azurite, browser, tab] = await Promise.all([
      startAzurite(),
      // The stand-in Teams page is "public" (https://teams.microsoft.com) and frames the tab on
      // 127.0.0.1: Chromium's local network access checks would block that, as they never do in Teams.
      chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests'],
      }),
      buildTab('auth-e2e-'),
    ]);
    app = await startApp(demoEnv(azurite.connectionString, productionEnv), { tabDirectory: tab.path });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const tabUrl = `${app.url}/?locale=ru`;
    await context.route(TEAMS_HOST_PAGE, (route) => route.fulfill({ contentType: 'text/html', body: teamsHostPage(tabUrl) }));
    // teams-js asks a CDN for its list of valid origins; offline it falls back to the list it ships.
    await context.route('https://res.cdn.office.net/**', (route) => route.abort());
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await azurite?.stop();
    await tab?.remove();
  }, 60_000);

  async function newPage(): Promise<Page> {
    if (!context) throw new Error('the stack did not start');
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    return page;
  }

  it('offers the sign-in window when Teams SSO fails', async () => {
    const page = await newPage();
    await page.goto(TEAMS_HOST_PAGE);
    const tab = page.frameLocator('#tab');
    await tab.getByRole('tab', { name: /^\d Технический домен$/ }).click();
    const signIn = tab.getByRole('button', { name: 'Войти через Microsoft' });
    await signIn.waitFor();
    await expect(tab.getByText('Не удалось войти через Teams').count()).resolves.toBeGreaterThan(0);

    // teams-js opens only https pages in the authentication window, so the click itself is
    // covered by the tab's component tests (tests/tab/components/api-failure-message.test.tsx).
    const calls = (await page.evaluate(() => (window as unknown as { teamsCalls: { func: string }[] }).teamsCalls)) ?? [];
    expect(calls.some((call) => call.func === 'authentication.getAuthToken')).toBe(true);
    await page.close();
  });

  it.each(['/auth/start', '/auth/end'])('serves %s as built: no secret, no inline script, no policy violation, a message outside Teams', async (path) => {
    if (!app) throw new Error('the stack did not start');
    const response = await fetch(`${app.url}${path}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    for (const secret of Object.values(SECRETS)) expect(html).not.toContain(secret);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const page = await newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${app.url}${path}`);
    await page.getByText('Эта страница открывается из Microsoft Teams').waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
