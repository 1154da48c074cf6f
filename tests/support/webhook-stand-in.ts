import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server standing in for a Teams Workflows webhook: it records
 * every request and answers as told (202 like Workflows, an error status, or
 * not at all until the test ends).
 */

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as requested. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type StandInAnswer =
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly location?: string }
  /** Reads the request, then never answers (the client must time out). */
  | { readonly kind: 'silent' };

export interface WebhookStandIn {
  /** e.g. `http://127.0.0.1:41234/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=secret` */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** How to answer the next requests; Workflows' 202 until changed. */
  answerWith(answer: StandInAnswer): void;
  close(): Promise<void>;
}

export const STAND_IN_SIGNATURE = 'stand-in-secret-signature';

export async function startWebhookStandIn(): Promise<WebhookStandIn> {
  const requests: RecordedRequest[] = [];
  let answer: StandInAnswer = { kind: 'status', status: 202 };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (answer.kind === 'silent') return;
      response.writeHead(answer.status, {
        ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(answer.location === undefined ? {} : { location: answer.location }),
      });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const path = '/workflows/0f5e6a1b/triggers/manual/paths/invoke';

  return {
    url: `http://127.0.0.1:${port}${path}?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${STAND_IN_SIGNATURE}`,
    requests,
    answerWith(next: StandInAnswer): void {
      answer = next;
    },
    close(): Promise<void> {
      // Silent answers leave connections open; drop them so close() can finish.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
