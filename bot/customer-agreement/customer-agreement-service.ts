import { validateAcceptance } from '../../src/domain/customer-agreement/acceptance-validation.js';
import type { AcceptanceEvidence, CustomerAgreementAcceptance, CustomerAgreementStatus } from '../../src/domain/customer-agreement/customer-agreement.js';
import { customerAgreementStatus } from '../../src/domain/customer-agreement/customer-agreement-response.js';
import type { FieldError } from '../../src/domain/order/order.js';
import type { CustomerAgreementStore } from '../storage/customer-agreement-store.js';

export interface CustomerAgreementSettings {
  /** The MCA template the shown text refers to (`MCA_TEMPLATE_ID`). */
  readonly templateId: string;
  /** Where the customer reads the agreement (`MCA_AGREEMENT_URL`). */
  readonly agreementUrl: string;
}

export interface CustomerAgreementServiceDependencies extends CustomerAgreementSettings {
  readonly store: Pick<CustomerAgreementStore, 'get' | 'accept'>;
  /** Told after each stored acceptance (the customer's journey follows it). */
  readonly onAccepted?: ((tenantId: string) => void) | undefined;
}

export type AcceptResult =
  | { readonly kind: 'accepted'; readonly acceptance: CustomerAgreementAcceptance; readonly status: CustomerAgreementStatus }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] };

/**
 * The one path for accepting the MCA, shared by `PUT /api/tenant/customer-agreement`
 * and the chat card: validate the body, then store it for the tenant of the
 * verified caller with the server's clock and the caller as evidence. The
 * body names neither tenant nor user, and anything it claims is ignored.
 */
export class CustomerAgreementService {
  constructor(private readonly deps: CustomerAgreementServiceDependencies) {}

  get agreementUrl(): string {
    return this.deps.agreementUrl;
  }

  async status(tenantId: string): Promise<CustomerAgreementStatus> {
    return customerAgreementStatus(await this.deps.store.get(tenantId), this.deps.agreementUrl);
  }

  async accept(evidence: AcceptanceEvidence, input: unknown, now: Date): Promise<AcceptResult> {
    const validation = validateAcceptance(input);
    if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
    const acceptance = await this.deps.store.accept({
      tenantId: evidence.tenantId,
      signatory: validation.signatory,
      acceptedAt: now.toISOString(),
      templateId: this.deps.templateId,
      evidence,
    });
    this.deps.onAccepted?.(evidence.tenantId);
    return { kind: 'accepted', acceptance, status: customerAgreementStatus(acceptance, this.deps.agreementUrl) };
  }
}
