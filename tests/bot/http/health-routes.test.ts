import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { createTabDirectory, demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';

let azurite: AzuriteTables;
let tab: TabDirectory;
const apps: RunningApp[] = [];

beforeAll(async () => {
  [azurite, tab] = await Promise.all([startAzurite(), createTabDirectory()]);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await azurite?.stop();
  await tab?.remove();
});

async function start(): Promise<RunningApp> {
  const app = await startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path });
  apps.push(app);
  return app;
}

describe('health routes', () => {
  it('/healthz answers 200 while the process runs', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 when storage answers', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: [{ name: 'storage', ok: true }] });
  });

  // Last in the file: it stops this file's Azurite.
  it('/readyz answers 503 naming storage once storage is gone, while /healthz stays 200', async () => {
    const { url } = await start();
    await azurite.stop();

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; checks: { name: string; ok: boolean; error?: string }[] };
    expect(body.status).toBe('not ready');
    expect(body.checks).toEqual([{ name: 'storage', ok: false, error: expect.stringContaining('not reachable') }]);

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
