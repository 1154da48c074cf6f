import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export const LOOPBACK = '127.0.0.1';

/** A port nobody listens on right now (the OS picks it); another process may still take it before we do. */
export function freePort(host = LOOPBACK): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('the OS gave no free port'))));
    });
  });
}

/** True when `port` can be bound on `host` (nothing listens there). */
export function isPortFree(port: number, host = LOOPBACK): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export interface WaitForHttpOptions {
  readonly timeoutMs: number;
  /** The status that means "ready"; default: any 2xx. */
  readonly ready?: (status: number) => boolean;
  /** Settles when the process behind the URL has died: waiting stops at once. */
  readonly abandonWhen?: Promise<unknown>;
  /** For the error message, e.g. `server`. */
  readonly what?: string;
}

/**
 * Polls `url` until it answers as ready. Rejects after `timeoutMs` with the
 * last status or network error, or as soon as `abandonWhen` settles.
 */
export async function waitForHttp(url: string, options: WaitForHttpOptions): Promise<void> {
  const ready = options.ready ?? ((status: number) => status >= 200 && status < 300);
  const what = options.what ?? url;
  let abandoned = false;
  void options.abandonWhen?.then(
    () => (abandoned = true),
    () => (abandoned = true),
  );
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    if (abandoned) throw new Error(`${what} stopped while waiting for ${url} (${last})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
      await response.body?.cancel();
      if (ready(response.status)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} was not ready at ${url} within ${Math.round(options.timeoutMs / 1000)} s (${last})`);
    }
    await delay(200);
  }
}
