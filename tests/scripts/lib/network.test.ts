import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, isPortFree, waitForHttp } from '../../../scripts/lib/network.js';

const servers: Server[] = [];

async function serve(status: () => number): Promise<string> {
  const server = createServer((_req, res) => {
    res.statusCode = status();
    res.end('ok');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

describe('ports', () => {
  it('finds a free port, and sees it taken once something listens there', async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    const url = await serve(() => 200);
    const taken = Number(new URL(url).port);
    expect(await isPortFree(taken)).toBe(false);
  });
});

describe('waitForHttp', () => {
  it('resolves once the URL answers with a 2xx', async () => {
    let calls = 0;
    const url = await serve(() => (++calls < 3 ? 503 : 200));
    await waitForHttp(url, { timeoutMs: 30_000 });
    expect(calls).toBe(3);
  });

  it('accepts another status when told what "ready" means', async () => {
    const url = await serve(() => 403);
    await expect(waitForHttp(url, { timeoutMs: 30_000, ready: (status) => status > 0 })).resolves.toBeUndefined();
  });

  it('gives up after the timeout, saying what it last saw', async () => {
    const url = await serve(() => 503);
    await expect(waitForHttp(url, { timeoutMs: 300, what: 'The server' })).rejects.toThrow(
      /The server was not ready at .* \(HTTP 503\)/,
    );
  });

  it('stops waiting as soon as the process behind the URL is gone', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    await expect(
      waitForHttp(url, { timeoutMs: 60_000, abandonWhen: Promise.resolve(), what: 'The server' }),
    ).rejects.toThrow(/The server stopped while waiting/);
  });
});
