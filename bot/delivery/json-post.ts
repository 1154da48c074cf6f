import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * POSTs JSON to one fixed URL over kept-alive connections, with node:http.
 * Not `fetch`: on Node 20 its per-request cost (web streams, abort signals)
 * was about a third of the server's CPU per delivered order under load.
 * Never follows redirects.
 */

export interface JsonPostAnswer {
  readonly status: number;
  /** The start of the answer's body, read only for non-2xx answers. */
  readonly bodyStart: string;
}

/** No complete answer within the time limit; the request was aborted. */
export class JsonPostTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'JsonPostTimeoutError';
  }
}

export interface JsonPoster {
  /** Resolves with any HTTP answer; rejects on network errors and timeouts. */
  post(body: string, timeoutMs: number): Promise<JsonPostAnswer>;
  /** Closes the idle kept-alive connections. */
  close(): void;
}

/** Bytes of an error answer worth keeping for a log line. */
const BODY_START_BYTES = 2_048;

export function createJsonPoster(url: URL): JsonPoster {
  const secure = url.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;

  const attempt = (body: string, timeoutMs: number): Promise<JsonPostAnswer & { reusedSocketReset?: boolean }> =>
    new Promise((resolve, reject) => {
      let outgoing: ClientRequest | undefined = undefined;
      const timer = setTimeout(() => outgoing?.destroy(new JsonPostTimeoutError(timeoutMs)), timeoutMs);
      const settle = (finish: () => void): void => {
        clearTimeout(timer);
        finish();
      };
      outgoing = send(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (incoming) => {
          readAnswer(incoming).then(
            (answer) => settle(() => resolve(answer)),
            (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
          );
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // The server closed an idle kept-alive connection just as we reused
        // it: nothing reached it, so one immediate retry is safe (Node's docs).
        const reusedSocketReset = outgoing?.reusedSocket === true && error.code === 'ECONNRESET';
        settle(() => (reusedSocketReset ? resolve({ status: 0, bodyStart: '', reusedSocketReset }) : reject(error)));
      });
      outgoing.end(body);
    });

  return {
    async post(body, timeoutMs) {
      const first = await attempt(body, timeoutMs);
      if (!first.reusedSocketReset) return first;
      return attempt(body, timeoutMs);
    },
    close: () => agent.destroy(),
  };
}

async function readAnswer(incoming: IncomingMessage): Promise<JsonPostAnswer> {
  const status = incoming.statusCode ?? 0;
  if (status >= 200 && status < 300) {
    // Nothing useful in a success answer (Workflows: 202); drain it so the connection is reused.
    incoming.resume();
    await new Promise<void>((resolve, reject) => {
      incoming.once('end', resolve);
      incoming.once('error', reject);
    });
    return { status, bodyStart: '' };
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= BODY_START_BYTES) {
      incoming.destroy();
      break;
    }
  }
  return { status, bodyStart: Buffer.concat(chunks).subarray(0, BODY_START_BYTES).toString('utf8') };
}
