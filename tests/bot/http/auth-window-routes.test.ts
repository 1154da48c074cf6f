import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import type { Server } from 'restify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerAuthWindowRoutes } from '../../../bot/http/auth-window-routes.js';

const START_HTML = '<!doctype html><title>start</title><script type="module" src="/assets/authStart.js"></script>';
const END_HTML = '<!doctype html><title>end</title><script type="module" src="/assets/authEnd.js"></script>';

let directory: string;
let server: Server | undefined;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'auth-window-'));
  await mkdir(join(directory, 'auth'));
  await writeFile(join(directory, 'auth', 'start.html'), START_HTML);
  await writeFile(join(directory, 'auth', 'end.html'), END_HTML);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

afterEach(async () => {
  server?.server.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function start(tabDirectory = directory): Promise<string> {
  server = restify.createServer();
  registerAuthWindowRoutes(server, tabDirectory);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('GET /auth/start and /auth/end', () => {
  it.each([
    ['/auth/start', START_HTML],
    ['/auth/start?mode=consent', START_HTML],
    ['/auth/end', END_HTML],
    ['/auth/end?code=abc&state=xyz', END_HTML],
  ])('serves %s, never cached, with a policy that allows no inline script', async (path, html) => {
    const url = await start();
    const response = await fetch(`${url}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(html);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self';/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).toMatch(/connect-src 'self' https:\/\/login\.microsoftonline\.com/);
    expect(policy).toMatch(/frame-ancestors 'self' .*https:\/\/teams\.microsoft\.com/);
  });

  it.each([
    '/auth/start?redirect_uri=https%3A%2F%2Fevil.example%2F',
    '/auth/start?login_hint=victim%40contoso.com',
    '/auth/start?mode=signIn&state=https%3A%2F%2Fevil.example',
    '/auth/start?mode=admin',
    '/auth/end?next=https%3A%2F%2Fevil.example',
    '/auth/end?code=a&code=b',
  ])('answers %s with 400 and no redirect', async (path) => {
    const url = await start();
    const response = await fetch(`${url}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toMatch(/^Invalid sign-in link: /);
  });

  it('explains with a 503 that the pages are not built', async () => {
    const url = await start(join(directory, 'missing'));
    const response = await fetch(`${url}/auth/start`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build:tab/);
  });
});
