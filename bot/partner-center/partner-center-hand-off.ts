import type { CustomerAgreementAcceptance } from '../../src/domain/customer-agreement/customer-agreement.js';
import { partnerCenterAgreement } from '../../src/domain/customer-agreement/partner-center-agreement.js';
import type { PartnerCenterAgreement } from '../../src/domain/customer-agreement/partner-center-agreement.js';
import type { StaffCaller } from '../http/staff-caller.js';
import type { Logger } from '../logger.js';
import type { CustomerAgreementStore, PartnerCenterHandOff } from '../storage/customer-agreement-store.js';
import type { PartnerCenterAgreements } from './partner-center-agreements.js';
import type { PartnerCenterToken } from './partner-center-token.js';

export interface PartnerCenterHandOffDependencies {
  readonly store: Pick<CustomerAgreementStore, 'get' | 'getHandOff' | 'saveHandOff'>;
  /** Absent: Partner Center access is not configured; staff copy the confirmation by hand. */
  readonly partnerCenter?: { readonly agreements: PartnerCenterAgreements; readonly token: PartnerCenterToken } | undefined;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/** What the board shows of a customer's MCA: the confirmation to copy and the last hand-off. */
export interface CustomerAgreementForStaff {
  readonly acceptance: CustomerAgreementAcceptance | null;
  /** The values Partner Center asks for; null until the customer accepted. */
  readonly partnerCenter: PartnerCenterAgreement | null;
  readonly handOffEnabled: boolean;
  readonly lastHandOff: PartnerCenterHandOff | null;
}

export type HandOffResult = { readonly kind: 'sent'; readonly handOff: PartnerCenterHandOff } | { readonly kind: 'notAccepted' } | { readonly kind: 'notConfigured' };

/**
 * Sends a customer's stored acceptance to Partner Center as the staff member
 * ("Create agreement", bot/partner-center/partner-center-agreements.ts) and
 * keeps Partner Center's answer, whatever it is, for the board to show.
 */
export class PartnerCenterHandOffService {
  constructor(private readonly deps: PartnerCenterHandOffDependencies) {}

  async view(tenantId: string): Promise<CustomerAgreementForStaff> {
    const [acceptance, lastHandOff] = await Promise.all([this.deps.store.get(tenantId), this.deps.store.getHandOff(tenantId)]);
    return {
      acceptance: acceptance ?? null,
      partnerCenter: acceptance === undefined ? null : partnerCenterAgreement(acceptance),
      handOffEnabled: this.deps.partnerCenter !== undefined,
      lastHandOff: lastHandOff ?? null,
    };
  }

  async send(staff: StaffCaller, tenantId: string): Promise<HandOffResult> {
    const partnerCenter = this.deps.partnerCenter;
    if (partnerCenter === undefined) return { kind: 'notConfigured' };
    const acceptance = await this.deps.store.get(tenantId);
    if (acceptance === undefined) return { kind: 'notAccepted' };
    const token = await partnerCenter.token(staff);
    const result = await partnerCenter.agreements.create(tenantId, partnerCenterAgreement(acceptance), token);
    const handOff: PartnerCenterHandOff = {
      at: (this.deps.clock?.() ?? new Date()).toISOString(),
      by: staff.name ?? staff.userId,
      acceptedAt: acceptance.acceptedAt,
      outcome: result.kind,
      ...(result.kind === 'refused' || result.kind === 'alreadyExists'
        ? { code: result.code === null ? undefined : String(result.code), description: result.description }
        : result.kind === 'unavailable'
          ? { description: result.detail }
          : {}),
    };
    await this.deps.store.saveHandOff(tenantId, handOff);
    this.deps.logger.info({ tenantId, outcome: handOff.outcome, code: handOff.code }, 'MCA acceptance handed to Partner Center');
    return { kind: 'sent', handOff };
  }
}
