/**
 * The Microsoft Customer Agreement (MCA) acceptance a customer gives in the
 * tab or the chat, as the server keeps it per tenant. Partner Center needs the
 * signatory's first and last name, e-mail and optional phone, the date agreed
 * and the template id (see README, 'Microsoft Customer Agreement'), so names
 * are kept apart and never split from one string.
 */

/** The person who accepted on behalf of the organization. */
export interface Signatory {
  readonly lastName: string;
  readonly firstName: string;
  /** Patronymic: for display only, Partner Center has no field for it. */
  readonly middleName?: string | undefined;
  readonly email: string;
  /** E.164, e.g. `+74951234567`. */
  readonly phone?: string | undefined;
}

/** Where the acceptance came from: always the verified caller, never the request body. */
export interface AcceptanceEvidence {
  /** `tab`: a verified Teams SSO token; `chat`: a Bot Framework activity. */
  readonly channel: 'tab' | 'chat';
  /** The tenant of the token or activity. */
  readonly tenantId: string;
  /** The Entra object id of the user (token `oid`, activity `from.aadObjectId`). */
  readonly userId: string;
  /** The Teams user id (`29:…`) when the acceptance came from the chat. */
  readonly teamsUserId?: string | undefined;
  /** The display name the token or activity carried. */
  readonly userName?: string | undefined;
}

/** One acceptance: the current one of a tenant, or a row of its history. */
export interface CustomerAgreementAcceptance {
  readonly tenantId: string;
  readonly signatory: Signatory;
  /** ISO timestamp, the server's clock when it stored the acceptance. */
  readonly acceptedAt: string;
  /** The agreement template the accepted text refers to. */
  readonly templateId: string;
  readonly evidence: AcceptanceEvidence;
}

/** What `/api/tenant/customer-agreement` and `/api/tenant` answer (`customerAgreement`). */
export type CustomerAgreementStatus =
  | {
      readonly status: 'accepted';
      readonly acceptedAt: string;
      readonly signatory: Signatory;
      readonly templateId: string;
      readonly agreementUrl: string;
    }
  | { readonly status: 'notAccepted'; readonly agreementUrl: string };
