import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../bot/app.js';
import type { App, AppOverrides } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import type { AppConfig } from '../../bot/config.js';
import type { Logger } from '../../bot/logger.js';
import { startAzurite } from './azurite.js';
import type { AzuriteTables } from './azurite.js';

/** The whole server (`createApp`) listening on a free loopback port, for HTTP-level tests. */
export interface RunningApp {
  readonly app: App;
  readonly config: AppConfig;
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  readonly url: string;
  /** Stops accepting, drops open connections, then stops the app's background work. Safe to call twice. */
  close(): Promise<void>;
}

export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * Starts the app from environment variables, as `bot/main.ts` would, but on
 * 127.0.0.1 port 0 (HOST/PORT from `env` are ignored for listening).
 */
export async function startApp(env: Readonly<Record<string, string>>, overrides: AppOverrides = {}): Promise<RunningApp> {
  const config = loadConfig(env);
  const app = await createApp(config, silentLogger, overrides);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    close: () => {
      closed ??= (async () => {
        app.server.server.closeAllConnections();
        await new Promise<void>((resolve) => app.server.close(() => resolve()));
        await app.stop();
      })();
      return closed;
    },
  };
}

/**
 * One demo-mode server with its own Azurite and tab folder for the calling
 * test file: started before its tests, stopped after them. Read `url` in a test.
 */
export function demoServerForFile(overrides: AppOverrides = {}): { readonly url: string } {
  let azurite: AzuriteTables | undefined;
  let tab: TabDirectory | undefined;
  let server: RunningApp | undefined;
  beforeAll(async () => {
    [azurite, tab] = await Promise.all([startAzurite(), createTabDirectory()]);
    server = await startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path, ...overrides });
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([azurite?.stop(), tab?.remove()]);
  });
  return {
    get url() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server.url;
    },
  };
}

/**
 * Demo-mode settings pointing at a test's own Azurite. The per-tenant limits
 * are off (tests submit many orders as one tenant); the tests of the limits set them.
 */
export function demoEnv(connectionString: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    AZURE_STORAGE_CONNECTION_STRING: connectionString,
    LOG_LEVEL: 'silent',
    ORDER_RATE_LIMIT_PER_MINUTE: '0',
    OPEN_ORDERS_PER_TENANT_MAX: '0',
    ...extra,
  };
}

export interface TabDirectory {
  readonly path: string;
  /** The fingerprinted asset's URL path, e.g. `/assets/index-3f9a1c.js`. */
  readonly assetPath: string;
  remove(): Promise<void>;
}

export const TAB_INDEX_MARKER = 'csp-onboarding-test-tab';
export const BOARD_INDEX_MARKER = 'csp-onboarding-test-board';

/** A folder shaped like Vite's `dist/tab`: `index.html`, `board/index.html` and a fingerprinted asset (or no index at all). */
export async function createTabDirectory(options: { readonly withIndex?: boolean } = {}): Promise<TabDirectory> {
  const path = await mkdtemp(join(tmpdir(), 'tab-build-'));
  await mkdir(join(path, 'assets'));
  const assetPath = '/assets/index-3f9a1c.js';
  await writeFile(join(path, assetPath), 'console.log("tab");\n');
  if (options.withIndex ?? true) {
    await writeFile(
      join(path, 'index.html'),
      `<!doctype html><html><head><title>${TAB_INDEX_MARKER}</title><script type="module" src="${assetPath}"></script></head><body></body></html>\n`,
    );
    await mkdir(join(path, 'board'));
    await writeFile(join(path, 'board', 'index.html'), `<!doctype html><html><head><title>${BOARD_INDEX_MARKER}</title></head><body></body></html>\n`);
  }
  return { path, assetPath, remove: () => rm(path, { recursive: true, force: true }) };
}
