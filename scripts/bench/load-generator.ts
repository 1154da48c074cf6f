import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A bounded closed-loop load generator: `concurrency` workers each send one
 * request, wait for the answer, and send the next, until the time or the
 * request budget is spent; paced (`ratePerSecond`), a request also waits for
 * its time slot. Keep-alive sockets, one per worker, all loopback.
 */

export interface LoadSpec {
  /** e.g. `http://127.0.0.1:3978/api/orders` */
  readonly url: string;
  readonly concurrency: number;
  readonly durationMs: number;
  /** Upper bound whatever the duration, so a fast target cannot flood the storage. */
  readonly maxRequests: number;
  /** A fresh body per request (every order distinct). */
  readonly body: () => string;
  /** Whether an answer counts as a success (status and body). */
  readonly succeeded: (status: number, body: string) => boolean;
  /** Whether an answer is the server refusing the order at its cap ("busy"): counted apart, neither taken nor failed. */
  readonly refused?: ((status: number, body: string) => boolean) | undefined;
  /** Paced: requests start at most this often (evenly spread), whatever the concurrency allows. */
  readonly ratePerSecond?: number;
}

export interface LoadResult {
  readonly concurrency: number;
  readonly requests: number;
  /** Successful requests: the orders taken. */
  readonly taken: number;
  /** Answers the server refused at its cap (`refused`); none are in the latencies. */
  readonly refused: number;
  readonly failures: number;
  readonly elapsedMs: number;
  /** Successful requests per second. */
  readonly throughput: number;
  /** Latencies of the successful requests only. */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** The first failure, for the report. */
  readonly firstFailure?: string;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const target = new URL(spec.url);
  const latencies: number[] = [];
  let started = 0;
  let failures = 0;
  let refused = 0;
  let firstFailure: string | undefined;
  const begin = performance.now();
  const deadline = begin + spec.durationMs;

  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && started < spec.maxRequests) {
      const n = started++;
      if (spec.ratePerSecond !== undefined) {
        // Request n starts no earlier than its slot: an open-loop pace with at most `concurrency` in flight.
        const wait = begin + (n * 1_000) / spec.ratePerSecond - performance.now();
        if (wait > 0) await delay(wait);
        if (performance.now() >= deadline) break;
      }
      const body = spec.body();
      const sentAt = performance.now();
      try {
        const answer = await post(agent, target, body);
        if (spec.succeeded(answer.status, answer.body)) latencies.push(performance.now() - sentAt);
        else if (spec.refused?.(answer.status, answer.body) === true) refused++;
        else {
          failures++;
          firstFailure ??= `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
        }
      } catch (error) {
        failures++;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  const elapsedMs = performance.now() - begin;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  return {
    concurrency: spec.concurrency,
    requests: latencies.length + refused + failures,
    taken: latencies.length,
    refused,
    failures,
    elapsedMs,
    throughput: (latencies.length * 1000) / elapsedMs,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    ...(firstFailure === undefined ? {} : { firstFailure }),
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

const REQUEST_TIMEOUT_MS = 30_000;

function post(agent: Agent, target: URL, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
