import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_BOT_ACTIVITY_BYTES } from '../../bot/http/create-http-server.js';
import { demoServerForFile } from '../support/running-app.js';
import { ORDER_INPUT_VALID_ON, orderInput } from '../support/order-fixtures.js';

/**
 * Hostile and broken bodies at the HTTP edge: each gets a clear 4xx in the
 * API's error shape, and none of them leaves the server unable to serve the
 * next, valid request.
 */

const ONE_MB = 1024 * 1024;

const server = demoServerForFile({ clock: () => ORDER_INPUT_VALID_ON });

interface ApiErrors {
  errors: { field: string; code: string; message: string }[];
}

function post(path: string, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    signal: AbortSignal.timeout(20_000),
  });
}

async function errorCodes(response: Response): Promise<string[]> {
  const body = (await response.json()) as ApiErrors;
  return body.errors.map((error) => error.code);
}

const ENDPOINTS = ['/api/orders', '/api/messages'] as const;

describe.each(ENDPOINTS)('bad bodies sent to %s', (path) => {
  it('answers malformed JSON with 400 malformed_json', async () => {
    const response = await post(path, '{"submissionId": "abc",');
    expect(response.status).toBe(400);
    expect(await errorCodes(response)).toEqual(['malformed_json']);
  });

  it('answers a body that is not JSON with 415 unsupported_media_type', async () => {
    const response = await post(path, 'submissionId=abc', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(await errorCodes(response)).toEqual(['unsupported_media_type']);
  });

  it('answers a 1 MB body with 413 payload_too_large', async () => {
    const huge = JSON.stringify({ type: 'message', padding: 'x'.repeat(ONE_MB) });
    const response = await post(path, huge);
    expect(response.status).toBe(413);
    expect(await errorCodes(response)).toEqual(['payload_too_large']);
  });

  it('answers JSON nested 10 000 levels deep without a server error', async () => {
    const depth = 10_000;
    const nested = `{"type":"message","submissionId":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const response = await post(path, nested);
    // An order with a nested array is invalid; an activity may carry unknown
    // properties, so the bot endpoint only has to survive it.
    if (path === '/api/orders') {
      expect(response.status).toBe(422);
      expect(await errorCodes(response)).toContain('invalid_type');
    } else {
      expect(response.status).toBeLessThan(500);
    }
  });
});

describe('POST /api/orders: large but allowed bodies', () => {
  it('answers the most order lines that fit in the size limit with 422 lines_too_many', async () => {
    const line = { sku: 'O365_BUSINESS_PREMIUM', quantity: 1 };
    const lineBytes = JSON.stringify(line).length + 1;
    const base = JSON.stringify(orderInput({ lines: [] })).length;
    const count = Math.floor((MAX_BODY_BYTES - base - 64) / lineBytes);
    const body = JSON.stringify(orderInput({ lines: Array.from({ length: count }, () => line) }));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);

    const response = await post('/api/orders', body);
    expect(response.status).toBe(422);
    expect(await errorCodes(response)).toContain('lines_too_many');
  });

  it('answers a flat array of 16 000 numbers as lines with a 4xx', async () => {
    const body = JSON.stringify(orderInput({ lines: Array.from({ length: 16_000 }, () => 0) }));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const response = await post('/api/orders', body);
    expect(response.status).toBe(422);
  });

  it('answers an order whose name alone is over the limit with 413', async () => {
    const body = JSON.stringify(orderInput({ organization: { name: 'x'.repeat(MAX_BODY_BYTES) } }));
    const response = await post('/api/orders', body);
    expect(response.status).toBe(413);
  });

  it('still refuses a bot activity over its own, larger limit', async () => {
    const body = JSON.stringify({ type: 'message', text: 'x'.repeat(MAX_BOT_ACTIVITY_BYTES) });
    const response = await post('/api/messages', body);
    expect(response.status).toBe(413);
  });
});

describe('after every bad request', () => {
  it('still answers /healthz and stores a valid order', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const created = await post('/api/orders', JSON.stringify(orderInput()));
    expect(created.status).toBe(201);
    expect(((await created.json()) as { id: string }).id).toMatch(/^CSP-/);
  });
});
