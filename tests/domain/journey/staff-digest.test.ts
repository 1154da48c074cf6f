import { describe, expect, it } from 'vitest';
import { isDigestEmpty, selectDigest } from '../../../src/domain/journey/staff-digest.js';
import { digestCustomer as customer, TUESDAY_9AM, digestOptions as options } from './digest-fixtures.js';

describe('selectDigest', () => {
  it('is empty when nobody is new, stuck, waiting or ending GDAP', () => {
    const digest = selectDigest([customer({}), customer({ current: null, stuckSince: null })], TUESDAY_9AM, options);
    expect(isDigestEmpty(digest)).toBe(true);
  });

  it('puts each customer in the lists that apply', () => {
    const fresh = customer({ tenantId: 'new', firstContactAt: '2026-12-07T10:00:00.000Z' });
    const stuck = customer({ tenantId: 'stuck', current: 'mcaAccepted', stuckSince: '2026-12-01T12:00:00.000Z' });
    const waiting = customer({ tenantId: 'waiting', waitingOrders: 2 });
    const gdap = customer({ tenantId: 'gdap', gdapExpiresAt: '2026-12-30T00:00:00.000Z' });
    const farGdap = customer({ tenantId: 'far', gdapExpiresAt: '2027-03-01T00:00:00.000Z' });
    const digest = selectDigest([fresh, stuck, waiting, gdap, farGdap], TUESDAY_9AM, options);
    expect(digest.newCustomers.map((c) => c.tenantId)).toEqual(['new']);
    expect(digest.stuck.map((c) => c.tenantId)).toEqual(['stuck']);
    expect(digest.waitingOrders.map((c) => c.tenantId)).toEqual(['waiting']);
    expect(digest.gdapExpiring.map((c) => c.tenantId)).toEqual(['gdap']);
  });
});
