import { pino } from 'pino';
import type { Request, Response } from 'restify';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../bot/auth/sso-token-verifier.js';
import { authenticated } from '../../../bot/http/authenticated.js';
import type { Caller } from '../../../bot/http/caller.js';
import { StorageUnavailableError } from '../../../bot/storage/storage-errors.js';

const CALLER: Caller = { tenantId: 'tenant-1', userId: 'user-1', name: 'Иван' };

/** The two parts of a restify response the wrapper uses, recorded. */
class RecordedResponse {
  readonly headers: Record<string, string> = {};
  answer?: { status: number; body: unknown };
  header(name: string, value: string): void {
    this.headers[name] = value;
  }
  json(status: number, body: unknown): void {
    this.answer = { status, body };
  }
}

async function call(resolve: () => Promise<Caller>, handler: (caller: Caller) => Promise<void>): Promise<RecordedResponse> {
  const res = new RecordedResponse();
  const route = authenticated({ resolveCaller: resolve, logger: pino({ level: 'silent' }) }, (_req, _res, caller) => handler(caller));
  await route({} as Request, res as unknown as Response);
  return res;
}

describe('authenticated', () => {
  it('hands the resolved caller to the route and forbids caching the answer', async () => {
    const seen: Caller[] = [];
    const res = await call(() => Promise.resolve(CALLER), async (caller) => {
      seen.push(caller);
    });
    expect(seen).toEqual([CALLER]);
    expect(res.headers['Cache-Control']).toBe('no-store');
  });

  it('answers 401 with the reason when the token is refused, without running the route', async () => {
    let ran = false;
    const res = await call(() => Promise.reject(new UnauthorizedError('missing bearer token')), async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(res.headers['WWW-Authenticate']).toBe('Bearer');
    expect(res.answer).toEqual({
      status: 401,
      body: { errors: [{ field: '', code: 'unauthorized', message: 'Sign-in required: missing bearer token' }] },
    });
  });

  it('answers 503 with Retry-After when storage is unavailable', async () => {
    const res = await call(() => Promise.resolve(CALLER), () => Promise.reject(new StorageUnavailableError('down')));
    expect(res.headers['Retry-After']).toBe('5');
    expect(res.answer?.status).toBe(503);
  });

  it('lets any other failure through to the server error handler', async () => {
    await expect(call(() => Promise.resolve(CALLER), () => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});
