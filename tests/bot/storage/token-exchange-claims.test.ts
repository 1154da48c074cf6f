import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenExchangeClaims } from '../../../bot/storage/token-exchange-claims.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { freshTable, tenantId } from './fixtures.js';

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

describe('token exchange claims', () => {
  it('lets one of several instances take an id, and any take it again once it is given back', async () => {
    const table = await freshTable(azurite.connectionString);
    const [first, second] = [new TokenExchangeClaims(table), new TokenExchangeClaims(table)];
    const tenant = tenantId();

    const taken = await Promise.all([first.claim(tenant, 'exchange-1'), second.claim(tenant, 'exchange-1'), second.claim(tenant, 'exchange-1')]);
    expect(taken.filter(Boolean)).toHaveLength(1);

    await second.release(tenant, 'exchange-1');
    expect(await first.claim(tenant, 'exchange-1')).toBe(true);
  });

  it('keeps tenants apart and takes ids that could not be a key as they are', async () => {
    const table = await freshTable(azurite.connectionString);
    const claims = new TokenExchangeClaims(table);
    const id = 'a/b#c?d\\e\u0001';

    const tenant = tenantId();

    expect(await claims.claim(tenant, id)).toBe(true);
    expect(await claims.claim(tenantId(), id)).toBe(true);
    expect(await claims.claim(tenant, id)).toBe(false);
    await expect(claims.release(tenantId(), 'never-taken')).resolves.toBeUndefined();
  });
});
