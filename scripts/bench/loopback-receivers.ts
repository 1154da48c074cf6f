import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny loopback HTTP server that reads each request and answers it, counting them. */
export interface CountingReceiver {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Requests answered so far. */
  count(): number;
  close(): Promise<void>;
}

/** The distributor's Workflows webhook: `202 Accepted`, as Workflows answers. */
export function startWebhookReceiver(): Promise<CountingReceiver> {
  return startReceiver(() => ({ status: 202 }));
}

/**
 * The Bot Connector service (`serviceUrl`): every POST/PUT of the bot gets an
 * activity id back, as Teams answers.
 */
export function startConnectorReceiver(): Promise<CountingReceiver> {
  let next = 1;
  return startReceiver(() => ({ status: 200, body: JSON.stringify({ id: `bench-activity-${next++}` }) }));
}

async function startReceiver(answer: () => { status: number; body?: string }): Promise<CountingReceiver> {
  let count = 0;
  const server: Server = createServer((incoming, response) => {
    incoming.resume();
    incoming.on('end', () => {
      count++;
      const { status, body } = answer();
      response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => count,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
