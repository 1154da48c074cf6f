import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBatchError, MAX_BATCH_REQUESTS, retryAfterSeconds, sendGraphBatch } from '../../../bot/graph/graph-batch.js';
import { startGraphStandIn } from '../../support/graph-stand-in.js';
import type { GraphStandIn } from '../../support/graph-stand-in.js';

const TENANT = 'e1e2e3e4-0000-4000-8000-000000000003';
const accessToken = `stand-in.${TENANT}.app.1`;
let standIn: GraphStandIn;

beforeAll(async () => {
  standIn = await startGraphStandIn();
  standIn.answer(TENANT, '/me', { status: 200, body: { displayName: 'A' } });
  standIn.answer(TENANT, '/organization', { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'no' } }, headers: { 'x-ms-ags-diagnostic': 'x' } });
});
afterAll(() => standIn.close());

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('sendGraphBatch', () => {
  it('answers by request id, whatever the order of the parts, each with its own status and headers', async () => {
    const parts = await sendGraphBatch({
      accessToken,
      baseUrl: standIn.graphBaseUrl,
      requests: [
        { id: 'me', url: '/me' },
        { id: 'org', url: '/organization' },
        { id: 'nothing', url: '/no/such/thing' },
      ],
    });

    expect(parts.get('me')).toMatchObject({ status: 200, body: { displayName: 'A' } });
    expect(parts.get('org')).toMatchObject({ status: 403, headers: { 'content-type': 'application/json', 'x-ms-ags-diagnostic': 'x' } });
    expect(parts.get('nothing')?.status).toBe(404);
  });

  it('refuses more than 20 requests, repeated ids and absolute URLs before sending anything', async () => {
    const batchesBefore = standIn.batches.length;
    const tooMany = Array.from({ length: MAX_BATCH_REQUESTS + 1 }, (_, index) => ({ id: String(index), url: '/me' }));

    await expect(sendGraphBatch({ accessToken, baseUrl: standIn.graphBaseUrl, requests: tooMany })).rejects.toThrow(RangeError);
    await expect(
      sendGraphBatch({ accessToken, baseUrl: standIn.graphBaseUrl, requests: [{ id: 'a', url: '/me' }, { id: 'a', url: '/organization' }] }),
    ).rejects.toThrow(/unique/);
    await expect(
      sendGraphBatch({ accessToken, baseUrl: standIn.graphBaseUrl, requests: [{ id: 'a', url: 'https://graph.microsoft.com/v1.0/me' }] }),
    ).rejects.toThrow(/relative/);
    expect(standIn.batches.length).toBe(batchesBefore);
  });

  it('sends exactly 20 requests in one batch', async () => {
    const twenty = Array.from({ length: MAX_BATCH_REQUESTS }, (_, index) => ({ id: `r${index}`, url: '/me' }));

    const parts = await sendGraphBatch({ accessToken, baseUrl: standIn.graphBaseUrl, requests: twenty });

    expect(parts.size).toBe(20);
  });

  it('throws a batch error with the wait Graph asks for when the batch as a whole is throttled', async () => {
    standIn.failBatches(TENANT, { status: 429, headers: { 'Retry-After': '12' }, body: { error: { code: 'TooManyRequests' } } });
    try {
      const error = await failure(sendGraphBatch({ accessToken, baseUrl: standIn.graphBaseUrl, requests: [{ id: 'me', url: '/me' }] }));
      expect(error).toBeInstanceOf(GraphBatchError);
      expect(error).toMatchObject({ status: 429, retryAfterSeconds: 12 });
    } finally {
      standIn.failBatches(TENANT, undefined);
    }
  });

  it('throws a batch error without a status when Graph cannot be reached', async () => {
    const closed = await startGraphStandIn();
    await closed.close();

    const error = await failure(sendGraphBatch({ accessToken, baseUrl: closed.graphBaseUrl, requests: [{ id: 'me', url: '/me' }] }));

    expect(error).toBeInstanceOf(GraphBatchError);
    expect((error as GraphBatchError).status).toBeUndefined();
  });
});

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and ignores anything else', () => {
    expect(retryAfterSeconds('5')).toBe(5);
    expect(retryAfterSeconds(' 0 ')).toBe(0);
    expect(retryAfterSeconds('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterSeconds(undefined)).toBeUndefined();
  });
});
