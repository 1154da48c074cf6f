// Contract: Microsoft Graph JSON batching, as documented in "Combine multiple
// HTTP requests using JSON batching" (https://learn.microsoft.com/graph/json-batching)
// and Graph's error body in "Microsoft Graph error responses and resource types"
// (https://learn.microsoft.com/graph/errors). The stand-in answers are the
// pages' own examples, so the adapter is pinned to what real Graph sends.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GraphBatchError, sendGraphBatch } from '../../bot/graph/graph-batch.js';
import { partOutcome } from '../../bot/graph/graph-part-outcome.js';
import { graphError, startGraphStandIn } from '../support/graph-stand-in.js';
import type { GraphStandIn } from '../support/graph-stand-in.js';
import { graphErrorBodySchema } from './support/graph-error-body.js';

/** The request body the batching page documents. */
const batchRequestSchema = z.strictObject({
  requests: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        method: z.literal('GET'),
        // "The URL is relative to the version": no host, no /v1.0 prefix.
        url: z.string().regex(/^\/(?!v1\.0\/|beta\/)/),
        headers: z.record(z.string(), z.string()).optional(),
      }),
    )
    .min(1)
    .max(20),
});

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

let recorded: Recorded[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { responses: [] } };
let baseUrl: string;
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    recorded.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('POST /$batch (JSON batching)', () => {
  it('sends the documented request: POST {version}/$batch, JSON, parts with id, method and a version-relative URL', async () => {
    recorded = [];
    answer = { status: 200, body: { responses: [] } };

    await sendGraphBatch({
      accessToken: 'token',
      baseUrl,
      requests: [
        { id: '1', url: '/organization?$select=id,displayName' },
        { id: '2', url: '/me', headers: { ConsistencyLevel: 'eventual' } },
      ],
    });

    const [request] = recorded;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1.0/$batch');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['authorization']).toBe('Bearer token');
    expect(batchRequestSchema.parse(request?.body)).toEqual({
      requests: [
        { id: '1', method: 'GET', url: '/organization?$select=id,displayName' },
        { id: '2', method: 'GET', url: '/me', headers: { ConsistencyLevel: 'eventual' } },
      ],
    });
  });

  it('reads the documented answer: parts in any order, each with its own status; a 403 part is a refusal, not a failed batch', async () => {
    // Shaped like the page's response example: "responses" in another order than sent, one part forbidden.
    answer = {
      status: 200,
      body: {
        responses: [
          { id: '2', status: 403, headers: { 'Content-Type': 'application/json' }, body: graphError(403, 'Forbidden', 'Forbidden').body },
          { id: '1', status: 200, headers: { 'Cache-Control': 'no-cache', 'Content-Type': 'application/json' }, body: { value: [{ id: 'o1' }] } },
        ],
      },
    };

    const parts = await sendGraphBatch({ accessToken: 'token', baseUrl, requests: [{ id: '1', url: '/organization' }, { id: '2', url: '/directory/subscriptions' }] });

    expect(parts.get('1')).toEqual({ id: '1', status: 200, headers: { 'cache-control': 'no-cache', 'content-type': 'application/json' }, body: { value: [{ id: 'o1' }] } });
    expect(parts.get('2')?.status).toBe(403);
    const needs = { permissions: ['Organization.Read.All'], roleTemplateIds: [] };
    const outcome = partOutcome(parts.get('2'), needs, { grantedScopes: new Set(['User.Read']), adminConsentUrl: 'https://consent', side: 'customer' }, () => undefined);
    expect(outcome).toEqual({ status: 'needsConsent', permissions: ['Organization.Read.All'], adminConsentUrl: 'https://consent' });
  });

  it('treats a 400 for the whole batch (a malformed batch) as a failed batch', async () => {
    answer = graphError(400, 'BadRequest', 'Invalid batch payload format.') as { status: number; body: unknown };

    const failure = await sendGraphBatch({ accessToken: 'token', baseUrl, requests: [{ id: '1', url: '/me' }] }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GraphBatchError);
    expect((failure as GraphBatchError).status).toBe(400);
  });

  it('refuses what Graph refuses before sending: more than 20 parts, duplicate ids, absolute URLs', async () => {
    const many = Array.from({ length: 21 }, (_, index) => ({ id: String(index), url: '/me' }));
    await expect(sendGraphBatch({ accessToken: 't', baseUrl, requests: many })).rejects.toThrow(RangeError);
    await expect(sendGraphBatch({ accessToken: 't', baseUrl, requests: [{ id: 'a', url: '/me' }, { id: 'a', url: '/organization' }] })).rejects.toThrow(RangeError);
    await expect(sendGraphBatch({ accessToken: 't', baseUrl, requests: [{ id: 'a', url: 'https://graph.microsoft.com/v1.0/me' }] })).rejects.toThrow(RangeError);
  });
});

describe('the Graph stand-in keeps to the same contract', () => {
  let standIn: GraphStandIn;
  beforeAll(async () => {
    standIn = await startGraphStandIn();
  });
  afterAll(() => standIn.close());

  it('answers a batch with a part URL that carries the version the way Graph does: 400 BadRequest with an error body', async () => {
    const response = await fetch(`${standIn.graphBaseUrl}/$batch`, {
      method: 'POST',
      headers: { authorization: 'Bearer stand-in.t1.obo.1', 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/v1.0/me' }] }),
    });

    expect(response.status).toBe(400);
    expect(graphErrorBodySchema.parse(await response.json()).error.code).toBe('BadRequest');
  });
});

