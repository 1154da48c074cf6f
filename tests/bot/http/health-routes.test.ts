import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../../bot/http/create-http-server.js';
import { ORDERS_TABLE } from '../../../bot/storage/order-repository.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { createTabDirectory, demoEnv, silentLogger, startApp } from '../../support/running-app.js';
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

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A loopback port nobody listens on. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

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

  it('/readyz reuses one result for a few seconds: a burst of probes costs one storage query', async () => {
    let runs = 0;
    const server = createHttpServer({
      logger: silentLogger,
      demo: false,
      readiness: [{ name: 'storage', check: () => Promise.resolve(void runs++) }],
      handleBotActivity: () => Promise.resolve(),
      publicConfig: () => ({}),
      tab: { directory: tab.path, frameAncestors: [] },
    });
    const url = await listen(server);
    const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(`${url}/readyz`)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(runs).toBe(1);
  });

  it('/readyz with a failing SAS connection string prints no signature, in the answer or the log', async () => {
    const closedPort = await freePort();
    const sas = 'sv=2022-11-02&ss=t&srt=sco&sp=rwdlacu&se=2030-01-01T00:00:00Z&sig=SeCrEtSiGnAtUrE%3D';
    const storage = createTableStorage(
      `TableEndpoint=http://127.0.0.1:${closedPort}/devstoreaccount1;SharedAccessSignature=${sas}`,
      { retry: { maxRetries: 0, retryDelayInMs: 10, maxRetryDelayInMs: 10 } },
    );
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => done(void lines.push(chunk.toString('utf8'))) }));
    const server = createHttpServer({
      logger,
      demo: false,
      readiness: [storage.readiness(ORDERS_TABLE)],
      handleBotActivity: () => Promise.resolve(),
      publicConfig: () => ({}),
      tab: { directory: tab.path, frameAncestors: [] },
    });
    const url = await listen(server);

    const ready = await fetch(`${url}/readyz`);
    const body = await ready.text();

    expect(ready.status).toBe(503);
    expect(JSON.parse(body)).toEqual({ status: 'not ready', checks: [{ name: 'storage', ok: false }] });
    const log = lines.join('');
    expect(log).toContain('readiness check failed');
    expect(log).toContain(`127.0.0.1:${closedPort}`);
    expect(log).not.toMatch(/sig=/i);
    expect(log).not.toContain('SeCrEtSiGnAtUrE');
    expect(body).not.toContain('SeCrEtSiGnAtUrE');
  });

  // Last in the file: it stops this file's Azurite.
  it('/readyz answers 503 naming storage once storage is gone, while /healthz stays 200', async () => {
    const { url } = await start();
    await azurite.stop();

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    // Only which check failed: why is for the log.
    expect(await ready.json()).toEqual({ status: 'not ready', checks: [{ name: 'storage', ok: false }] });

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
