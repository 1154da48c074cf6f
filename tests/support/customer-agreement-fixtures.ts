import type { CustomerAgreementAcceptance } from '../../src/domain/customer-agreement/customer-agreement.js';
import type { CustomerAgreementLookup } from '../../bot/customer-agreement/customer-agreement-lookup.js';

/** The MCA template id of Microsoft's documented examples (tests only need a stable one). */
export const TEST_TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';

/** An acceptance as the tab stores it, for `tenantId`. */
export function acceptance(tenantId: string, overrides: Partial<CustomerAgreementAcceptance> = {}): CustomerAgreementAcceptance {
  return {
    tenantId,
    signatory: { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', email: 'm.ivanova@romashka.ru', phone: '+74951234567' },
    acceptedAt: '2026-11-20T09:30:00.000Z',
    templateId: TEST_TEMPLATE_ID,
    evidence: { channel: 'tab', tenantId, userId: '5f0c1d1e-6a43-4c4e-9d7a-2b1f0f0a9c11', userName: 'Мария Иванова' },
    ...overrides,
  };
}

/** Every tenant has accepted: for tests about other things that complete orders. */
export const everyTenantAccepted: CustomerAgreementLookup = {
  get: (tenantId) => Promise.resolve(acceptance(tenantId)),
};

/** No tenant has accepted. */
export const noTenantAccepted: CustomerAgreementLookup = {
  get: () => Promise.resolve(undefined),
};
