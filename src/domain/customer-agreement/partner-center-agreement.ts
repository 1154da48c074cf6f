import type { CustomerAgreementAcceptance } from './customer-agreement.js';

/**
 * The confirmation as Partner Center takes it: the `Agreement` resource of
 * "Create agreement" (POST /v1/customers/{customer-tenant-id}/agreements,
 * https://learn.microsoft.com/rest/api/partner-center/manage-customer-accounts/create-agreement;
 * fields: "Agreement resources", https://learn.microsoft.com/partner-center/developer/agreement-resources).
 * Staff copy these values into Partner Center, or the server sends them.
 * The patronymic has no field there; the phone is optional.
 */
export interface PartnerCenterAgreement {
  readonly primaryContact: {
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string;
    readonly phoneNumber?: string | undefined;
  };
  readonly templateId: string;
  /** UTC date time the customer accepted. */
  readonly dateAgreed: string;
  readonly type: 'MicrosoftCustomerAgreement';
}

export function partnerCenterAgreement(acceptance: CustomerAgreementAcceptance): PartnerCenterAgreement {
  const { signatory } = acceptance;
  return {
    primaryContact: {
      firstName: signatory.firstName,
      lastName: signatory.lastName,
      email: signatory.email,
      ...(signatory.phone === undefined ? {} : { phoneNumber: signatory.phone }),
    },
    templateId: acceptance.templateId,
    dateAgreed: acceptance.acceptedAt,
    type: 'MicrosoftCustomerAgreement',
  };
}
