import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of Azurite's table endpoint that counts the
 * storage requests passing through it by what they are: the bench points a
 * server's connection string at it to print the requests one order costs.
 */
export interface StorageRequestCounter {
  /** `connectionString` with its table endpoint moved to the proxy. */
  readonly connectionString: string;
  /** Requests counted since the last `reset`, by kind (`transaction`, `write orders`, …). */
  counts(): ReadonlyMap<string, number>;
  reset(): void;
  close(): Promise<void>;
}

/** What a Table service request is, from its method and path alone. */
export function storageRequestKind(method: string, path: string): string {
  const decoded = decodeURIComponent(path);
  if (decoded.endsWith('/$batch')) return 'transaction';
  const table = /^\/[^/]+\/([A-Za-z0-9]+)/.exec(decoded)?.[1] ?? '?';
  const partition = /PartitionKey='([^|']*)/.exec(decoded)?.[1];
  // The shared partitions (the board's months, the outbox's due buckets) apart from the tenants'.
  const where = partition === 'board' || partition === 'due' ? `${table} ${partition}` : table;
  if (method === 'GET') return decoded.includes('(PartitionKey=') ? `point read ${where}` : `query ${table}`;
  if (method === 'DELETE') return `delete ${where}`;
  if (method === 'POST') return `insert ${where}`;
  return `write ${where}`;
}

export async function startStorageRequestCounter(connectionString: string): Promise<StorageRequestCounter> {
  const endpoint = /TableEndpoint=(http:\/\/[^;]+)/.exec(connectionString)?.[1];
  if (endpoint === undefined) throw new Error('the connection string has no http TableEndpoint');
  const target = new URL(endpoint);
  const counts = new Map<string, number>();
  const server: Server = createServer((incoming, response) => {
    const kind = storageRequestKind(incoming.method ?? 'GET', new URL(incoming.url ?? '/', 'http://proxy').pathname);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    incoming.pipe(forwarded);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxied = `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, '')}`;
  return {
    connectionString: connectionString.replace(endpoint, proxied),
    counts: () => counts,
    reset: () => counts.clear(),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
