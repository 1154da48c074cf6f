import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app.js';
import { azuriteConnectionString, loadConfig } from '../../bot/config.js';
import { ConfigurationError } from '../../src/domain/configuration-error.js';
import { renderInvitationLink } from '../../src/domain/invitation/invitation-link.js';
import { parseTabConfig } from '../../src/tab/config/tab-config.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { createTabDirectory, demoEnv, silentLogger, startApp } from '../support/running-app.js';
import type { RunningApp, TabDirectory } from '../support/running-app.js';
import { freePort } from '../../scripts/lib/network.js';

const BOT_ID = '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b';
const AAD_CLIENT_ID = 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e';
const DISTRIBUTOR_TENANT = '1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d';
/** Late evening in UTC is already the next day in Moscow. */
const NOW = new Date('2026-11-20T22:30:00Z');

const productionEnv = {
  BOT_ID,
  BOT_TYPE: 'SingleTenant',
  BOT_PASSWORD: 'not-a-real-secret',
  BOT_TENANT_ID: DISTRIBUTOR_TENANT,
  DISTRIBUTOR_TENANT_ID: DISTRIBUTOR_TENANT,
  AAD_APP_CLIENT_ID: AAD_CLIENT_ID,
  OFFERED_SKUS: 'SPB,O365_BUSINESS_PREMIUM',
  DISTRIBUTOR_NAME: 'ООО «Северный Дистрибьютор»',
  // Keep this test server on loopback although it is not in demo mode.
  HOST: '127.0.0.1',
};

let azurite: AzuriteTables;
let tab: TabDirectory;
let demo: RunningApp;
let production: RunningApp;

beforeAll(async () => {
  [azurite, tab] = await Promise.all([startAzurite(), createTabDirectory()]);
  [demo, production] = await Promise.all([
    startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path, clock: () => NOW }),
    startApp(demoEnv(azurite.connectionString, productionEnv), { tabDirectory: tab.path, clock: () => NOW }),
  ]);
});

afterAll(async () => {
  await Promise.all([demo?.close(), production?.close()]);
  await Promise.all([azurite?.stop(), tab?.remove()]);
});

describe('GET /api/config (the contract with the tab)', () => {
  it("gives the tab everything it needs in demo mode, in the shape the tab's own schema accepts", async () => {
    const response = await fetch(`${demo.url}/api/config`);
    expect(response.status).toBe(200);

    const parsed = parseTabConfig(await response.json());

    if (!parsed.ok) throw new Error(`the tab would refuse /api/config: ${parsed.problem}`);
    expect(parsed.config).toEqual({
      distributorName: 'ООО «Демо Дистрибуция»',
      invitationUrl: renderInvitationLink(demo.config.invitation),
      invitationDelegatedAdmin: false,
      gdapApprovalUrl: undefined,
      catalog: demo.config.catalog.map(({ sku, displayName }) => ({ sku, displayName })),
      timeZone: 'Europe/Moscow',
      today: '2026-11-21',
      demo: true,
      aadAppClientId: undefined,
      botId: undefined,
    });
    expect(parsed.config.invitationUrl).toMatch(/^https:\/\/admin\.microsoft\.com\/Adminportal\/Home\?invType=IndirectResellerRelationship&partnerId=60d2bbc8-/);
  });

  it('names the Entra app and the bot in production, and nothing secret', async () => {
    const response = await fetch(`${production.url}/api/config`);
    const body = await response.text();

    const parsed = parseTabConfig(JSON.parse(body));

    if (!parsed.ok) throw new Error(`the tab would refuse /api/config: ${parsed.problem}`);
    expect(parsed.config).toMatchObject({
      distributorName: 'ООО «Северный Дистрибьютор»',
      catalog: [
        { sku: 'SPB', displayName: 'Microsoft 365 Business Premium' },
        { sku: 'O365_BUSINESS_PREMIUM', displayName: 'Microsoft 365 Business Standard' },
      ],
      demo: false,
      aadAppClientId: AAD_CLIENT_ID,
      botId: BOT_ID,
    });
    expect(body).not.toContain('not-a-real-secret');
    expect(body).not.toContain('AccountKey');
  });
});

describe('the orders API outside demo mode', () => {
  const routes = [
    { method: 'POST', path: '/api/orders', body: '{}' },
    { method: 'GET', path: '/api/orders' },
    { method: 'GET', path: '/api/orders/CSP-ABC123' },
  ] as const;

  it.each(routes)('$method $path answers 401 without a token', async ({ method, path, ...rest }) => {
    const response = await fetch(`${production.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...('body' in rest ? { body: rest.body } : {}),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ code: 'unauthorized' })] });
  });

  it.each(routes)('$method $path answers 401 for a token that is no JWT', async ({ method, path, ...rest }) => {
    const response = await fetch(`${production.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-jwt' },
      ...('body' in rest ? { body: rest.body } : {}),
    });
    expect(response.status).toBe(401);
  });

  it('is open in demo mode, where the caller is the demo admin', async () => {
    expect((await fetch(`${demo.url}/api/orders`)).status).toBe(200);
  });
});

describe('createApp', () => {
  it('rejects, saying where storage was expected, when storage is unreachable', async () => {
    const port = await freePort(); // nothing listens there
    const config = loadConfig({ AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(port) });

    const started = createApp(config, silentLogger, { tabDirectory: tab.path });

    await expect(started).rejects.toThrow(`Azure Table Storage is not reachable at http://127.0.0.1:${port}/devstoreaccount1`);
    await expect(started).rejects.toThrow(/is Azurite running\?/);
  });

  it('refuses to serve the orders API anonymously outside demo mode', async () => {
    const { aad, ...withoutSignIn } = loadConfig(demoEnv(azurite.connectionString, productionEnv));

    const started = createApp(withoutSignIn, silentLogger, { tabDirectory: tab.path });

    await expect(started).rejects.toBeInstanceOf(ConfigurationError);
    await expect(started).rejects.toThrow(/AAD_APP_CLIENT_ID/);
  });
});

