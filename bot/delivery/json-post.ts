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

/** The caller's signal aborted the request; `cause` is the signal's reason. */
export class JsonPostAbortedError extends Error {
  constructor(reason: unknown) {
    super(`the request was aborted: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason });
    this.name = 'JsonPostAbortedError';
  }
}

/**
 * The server closed an idle kept-alive connection just as it was reused:
 * nothing reached the server, so one immediate retry is safe (Node's docs,
 * `request.reusedSocket`). Never leaves this module.
 */
class ReusedConnectionResetError extends Error {
  constructor(cause: Error) {
    super('the reused kept-alive connection was reset before the request was sent', { cause });
    this.name = 'ReusedConnectionResetError';
  }
}

export interface JsonPoster {
  /**
   * Resolves with any HTTP answer; rejects on network errors, timeouts and
   * aborts. `timeoutMs` covers the whole request, body included; `signal`
   * aborts it. Either way the request and its connection are destroyed.
   */
  post(body: string, timeoutMs: number, signal?: AbortSignal): Promise<JsonPostAnswer>;
  /** Closes the idle kept-alive connections. */
  close(): void;
}

/** Bytes of an error answer worth keeping for a log line. */
const BODY_START_BYTES = 2_048;

export function createJsonPoster(url: URL): JsonPoster {
  const secure = url.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;

  const attempt = (body: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<JsonPostAnswer> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new JsonPostAbortedError(signal.reason));
        return;
      }
      let outgoing: ClientRequest | undefined = undefined;
      // Destroying the request destroys its socket too: a kept-alive connection is never reused mid-request.
      const timer = setTimeout(() => outgoing?.destroy(new JsonPostTimeoutError(timeoutMs)), timeoutMs);
      const onAbort = (): void => {
        outgoing?.destroy(new JsonPostAbortedError(signal?.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (finish: () => void): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
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
        const reusedSocketReset = outgoing?.reusedSocket === true && error.code === 'ECONNRESET';
        settle(() => reject(reusedSocketReset ? new ReusedConnectionResetError(error) : error));
      });
      outgoing.end(body);
    });

  return {
    async post(body, timeoutMs, signal) {
      try {
        return await attempt(body, timeoutMs, signal);
      } catch (error) {
        if (!(error instanceof ReusedConnectionResetError)) throw error;
        return attempt(body, timeoutMs, signal);
      }
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
