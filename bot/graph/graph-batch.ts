import { z } from 'zod';

/**
 * Microsoft Graph JSON batching (`POST /v1.0/$batch`; Microsoft Learn,
 * "Combine multiple HTTP requests using JSON batching"):
 * up to 20 requests with unique ids in one round trip; the answers come in
 * any order, each with its own status, headers and body.
 *
 * Plain `fetch` rather than `@microsoft/microsoft-graph-client` 3.0.7: its
 * `BatchRequestContent` needs WHATWG `Request` objects, which on Node take
 * only absolute URLs, and then sends `/v1.0/...` as the part URL, which Graph
 * rejects (msgraph-sdk-javascript issues #1178, #1451, #1998). Every part's
 * status and headers are needed here anyway.
 */

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const MAX_BATCH_REQUESTS = 20;

export interface GraphBatchRequest {
  readonly id: string;
  /** Relative to the API version, starting with `/`, query already URL-encoded. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface GraphBatchPart {
  readonly id: string;
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** The batch as a whole failed: no part has an answer. */
export class GraphBatchError extends Error {
  override readonly name = 'GraphBatchError';
  constructor(
    message: string,
    /** The HTTP status of the batch request; undefined when there was no answer. */
    readonly status: number | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
  }
}

export interface GraphBatchOptions {
  readonly accessToken: string;
  readonly requests: readonly GraphBatchRequest[];
  /** Defaults to Graph v1.0; tests point it at a stand-in. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

/** Sends one `$batch` request; answers by request id. Parts Graph left out are missing from the map. */
export async function sendGraphBatch(options: GraphBatchOptions): Promise<ReadonlyMap<string, GraphBatchPart>> {
  const { requests } = options;
  checkRequests(requests);
  const url = `${(options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '')}/$batch`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.accessToken}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ requests: requests.map(({ id, url: partUrl, headers }) => ({ id, method: 'GET', url: partUrl, ...(headers ? { headers } : {}) })) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new GraphBatchError(`Microsoft Graph did not answer: ${describe(error)}`, undefined, undefined);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new GraphBatchError(`Microsoft Graph answered the batch with ${response.status}`, response.status, retryAfterSeconds(response.headers.get('retry-after')));
  }
  const parsed = batchResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new GraphBatchError('Microsoft Graph sent a batch answer of an unknown shape', response.status, undefined);

  const parts = new Map<string, GraphBatchPart>();
  for (const part of parsed.data.responses) {
    const headers = Object.fromEntries(Object.entries(part.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    parts.set(part.id, { id: part.id, status: part.status, headers, body: part.body });
  }
  return parts;
}

/** `Retry-After` in seconds (Graph sends delta-seconds); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value.trim());
}

function checkRequests(requests: readonly GraphBatchRequest[]): void {
  if (requests.length === 0 || requests.length > MAX_BATCH_REQUESTS) {
    throw new RangeError(`a Graph batch holds 1 to ${MAX_BATCH_REQUESTS} requests, got ${requests.length}`);
  }
  const ids = new Set(requests.map((request) => request.id));
  if (ids.size !== requests.length) throw new RangeError('Graph batch request ids must be unique');
  const absolute = requests.find((request) => !request.url.startsWith('/'));
  if (absolute !== undefined) throw new RangeError(`Graph batch URLs are relative to the API version: "${absolute.url}"`);
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  return error instanceof Error ? error.message : String(error);
}
