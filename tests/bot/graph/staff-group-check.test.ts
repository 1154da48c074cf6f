import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoCaller } from '../../../bot/auth/sso-token-verifier.js';
import { createStaffGroupCheck, STAFF_GROUP_CACHE_TTL_MS, StaffGroupCheckError } from '../../../bot/graph/staff-group-check.js';
import type { OboTokenProvider } from '../../../bot/graph/obo-token-provider.js';

const GROUP = '7c6b5a49-3828-4716-9504-f3e2d1c0b9a8';
const TENANT = '6b1f0c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';
const MEMBER = 'aaaaaaaa-0000-4000-8000-000000000001';
const OUTSIDER = 'aaaaaaaa-0000-4000-8000-000000000002';
const FAILING = 'aaaaaaaa-0000-4000-8000-000000000003';

interface Seen {
  readonly authorization: string | undefined;
  readonly body: unknown;
}
const seen: Seen[] = [];
let graphBaseUrl: string;
let closeGraph: () => Promise<void>;

/** Graph's `POST /me/checkMemberGroups`: the "me" is whoever the (fake) token names. */
beforeAll(async () => {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ authorization: req.headers.authorization, body: JSON.parse(body) as unknown });
      const me = req.headers.authorization?.replace('Bearer graph-token-for-', '');
      if (req.method !== 'POST' || req.url !== '/v1.0/me/checkMemberGroups' || me === FAILING) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: me === MEMBER ? [GROUP] : [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  graphBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  closeGraph = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => closeGraph());

const obo: OboTokenProvider = (_tenantId, assertion) =>
  Promise.resolve({ accessToken: `graph-token-for-${assertion}`, grantedScopes: undefined, expiresOn: null });

function caller(userId: string, groupIds?: readonly string[]): SsoCaller {
  return { tenantId: TENANT, userId, token: userId, guest: false, ...(groupIds ? { groupIds } : {}) };
}

describe('createStaffGroupCheck', () => {
  it('asks Graph on behalf of the caller about the one group, and caches the answer for a few minutes', async () => {
    let now = new Date('2026-12-05T00:00:00Z');
    const check = createStaffGroupCheck({ groupId: GROUP.toUpperCase(), obo, graphBaseUrl, clock: () => now });
    seen.length = 0;

    expect(await check(caller(MEMBER))).toBe(true);
    expect(await check(caller(OUTSIDER))).toBe(false);
    expect(seen).toEqual([
      { authorization: `Bearer graph-token-for-${MEMBER}`, body: { groupIds: [GROUP] } },
      { authorization: `Bearer graph-token-for-${OUTSIDER}`, body: { groupIds: [GROUP] } },
    ]);

    await check(caller(MEMBER));
    expect(seen).toHaveLength(2);
    now = new Date(now.getTime() + STAFF_GROUP_CACHE_TTL_MS + 1);
    await check(caller(MEMBER));
    expect(seen).toHaveLength(3);
  });

  it('takes the token\'s groups claim when it is there, without a Graph call', async () => {
    const check = createStaffGroupCheck({ groupId: GROUP, obo, graphBaseUrl });
    seen.length = 0;
    expect(await check(caller(OUTSIDER, [GROUP]))).toBe(true);
    expect(await check(caller(MEMBER, []))).toBe(false);
    expect(seen).toEqual([]);
  });

  it('throws StaffGroupCheckError when Graph fails, and does not cache the failure', async () => {
    const check = createStaffGroupCheck({ groupId: GROUP, obo, graphBaseUrl });
    await expect(check(caller(FAILING))).rejects.toBeInstanceOf(StaffGroupCheckError);
    seen.length = 0;
    await expect(check(caller(FAILING))).rejects.toThrow(/503/);
    expect(seen).toHaveLength(1);
  });
});
