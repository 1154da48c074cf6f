import type { DigestCustomerFacts } from '../../../src/domain/journey/staff-digest.js';

/** Shared by the digest's selection and card tests. */
export const TUESDAY_9AM = new Date('2026-12-08T06:00:00.000Z'); // 09:00 in Moscow
export const digestOptions = { timeZone: 'Europe/Moscow', stuckAfterDays: 3 };

export function digestCustomer(overrides: Partial<DigestCustomerFacts>): DigestCustomerFacts {
  return {
    tenantId: 'tenant',
    organizationName: 'ООО «Ромашка»',
    current: 'orderCompleted',
    stuckSince: '2026-12-07T12:00:00.000Z',
    firstContactAt: '2026-11-01T12:00:00.000Z',
    waitingOrders: 0,
    gdapExpiresAt: null,
    ...overrides,
  };
}
