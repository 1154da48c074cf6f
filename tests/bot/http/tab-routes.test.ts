import { rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_FRAME_ANCESTORS } from '../../../bot/http/tab-routes.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { BOARD_INDEX_MARKER, createTabDirectory, demoEnv, startApp, TAB_INDEX_MARKER } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';

const PRODUCTION_ENV = {
  BOT_ID: '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b',
  BOT_TYPE: 'UserAssignedMSI',
  BOT_TENANT_ID: '1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d',
  DISTRIBUTOR_TENANT_ID: '1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d',
  AAD_APP_CLIENT_ID: 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e',
  HOST: '127.0.0.1',
};

let azurite: AzuriteTables;
let built: TabDirectory;
let unbuilt: TabDirectory;
let demo: RunningApp;
let production: RunningApp;
let withoutTab: RunningApp;

beforeAll(async () => {
  [azurite, built, unbuilt] = await Promise.all([startAzurite(), createTabDirectory(), createTabDirectory({ withIndex: false })]);
  [demo, production, withoutTab] = await Promise.all([
    startApp(demoEnv(azurite.connectionString), { tabDirectory: built.path }),
    startApp(demoEnv(azurite.connectionString, PRODUCTION_ENV), { tabDirectory: built.path }),
    startApp(demoEnv(azurite.connectionString), { tabDirectory: unbuilt.path }),
  ]);
});

afterAll(async () => {
  await Promise.all([demo, production, withoutTab].map((app) => app?.close()));
  await Promise.all([azurite?.stop(), built?.remove(), unbuilt?.remove()]);
});

function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function frameAncestors(response: Response): string[] {
  const policy = response.headers.get('content-security-policy') ?? '';
  const directive = /(?:^|;)\s*frame-ancestors\s+([^;]+)/.exec(policy);
  return directive?.[1]?.trim().split(/\s+/) ?? [];
}

describe('tab hosting', () => {
  it('serves index.html at / so that only Teams, Microsoft 365 and the server itself may frame it', async () => {
    const response = await fetch(`${production.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(TAB_INDEX_MARKER);
    expect(frameAncestors(response)).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
    expect(TEAMS_FRAME_ANCESTORS).toEqual(expect.arrayContaining(['https://teams.microsoft.com', 'https://*.cloud.microsoft']));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('limits what the tab page may load: scripts from this server only, no plugins, no foreign base URL', async () => {
    const response = await fetch(`${production.url}/`);
    const directives = new Map(
      (response.headers.get('content-security-policy') ?? '').split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'self'");
  });

  it.each(['/board', '/board/', '/board/config', '/board?inTeams=1'])(
    'serves the distributor\'s board at %s with the tab\'s policy, never cached',
    async (path) => {
      const response = await fetch(`${production.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain(BOARD_INDEX_MARKER);
      expect(frameAncestors(response)).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
      expect(response.headers.get('content-security-policy')).toBe((await fetch(`${production.url}/`)).headers.get('content-security-policy'));
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('lets the local Agents Playground frame the tab in demo mode only', async () => {
    const response = await fetch(`${demo.url}/`);
    expect(frameAncestors(response)).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS, 'http://localhost:*', 'http://127.0.0.1:*']);
  });

  it('makes browsers revalidate index.html, so a new build is picked up', async () => {
    const response = await fetch(`${production.url}/index.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('lets browsers cache fingerprinted assets for good', async () => {
    const response = await fetch(`${production.url}${built.assetPath}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('console.log');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers 404 in the API error shape for a missing file', async () => {
    const response = await fetch(`${production.url}/assets/missing-0000.js`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ code: 'not_found' })] });
  });

  it('never serves a file outside the tab folder', async () => {
    const outside = `${basename(built.path)}-secret.txt`;
    const outsidePath = join(dirname(built.path), outside);
    await writeFile(outsidePath, 'SECRET-OUTSIDE-THE-TAB');
    try {
      for (const path of [`/../${outside}`, `/%2e%2e/${outside}`, `/assets/..%2f..%2f${outside}`]) {
        // Sent as is: fetch would normalize the dots away before sending.
        const { status, body } = await rawGet(production.url, path);
        expect(status, path).toBeGreaterThanOrEqual(400);
        expect(body, path).not.toContain('SECRET-OUTSIDE-THE-TAB');
      }
    } finally {
      await rm(outsidePath, { force: true });
    }
  });

  it('explains with a 503 how to build the tab when the folder has no index.html', async () => {
    const response = await fetch(`${withoutTab.url}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toContain('npm run build:tab');
  });

  it('keeps the API working when the tab is not built', async () => {
    expect((await fetch(`${withoutTab.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${withoutTab.url}/api/config`)).status).toBe(200);
  });
});
