import type { LocalizedText } from '../i18n/locale.js';
import type { RelationshipLevel } from '../tenant/tenant-response.js';

/**
 * The order contract of `POST /api/orders`. These types are what the rest of the
 * code relies on; `order-validation.ts` is the only way to obtain an
 * `OrderSubmission` from untrusted input.
 */

export type SubscriptionKind = 'new' | 'trialConversion';

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
}

export interface PostalAddress {
  readonly postalCode: string;
  readonly city: string;
  readonly street: string;
}

export interface Organization {
  readonly name: string;
  readonly inn: string;
  readonly address: PostalAddress;
}

export interface Contact {
  readonly fullName: string;
  /** E.164, e.g. `+74951234567`. */
  readonly phone: string;
  readonly email: string;
}

/**
 * The trial subscription a conversion is for, as the admin picked it from the
 * tenant's subscriptions: the distributor converts exactly this one, in the
 * same tenant, so the customer's data stays.
 */
export interface ConvertedTrial {
  /** Microsoft's `skuPartNumber`; it may be outside the distributor's catalog. */
  readonly sku: string;
  /** Licenses the trial has now. */
  readonly licenses: number;
  /** ISO date `YYYY-MM-DD` the trial ends (its next lifecycle step), when known. */
  readonly endsOn?: string | undefined;
}

/** A validated, normalized order as the customer submitted it. */
export interface OrderSubmission {
  /** Client-made UUID: the idempotency key within a tenant. */
  readonly submissionId: string;
  readonly invitationAccepted: boolean;
  readonly technicalDomain: string;
  readonly lines: readonly OrderLine[];
  /** ISO date `YYYY-MM-DD`. */
  readonly activationDate: string;
  readonly organization: Organization;
  readonly contact: Contact;
  readonly subscriptionKind: SubscriptionKind;
  /** Only with `trialConversion`, when the admin picked the trial (the tab knows the tenant's trials). */
  readonly trial?: ConvertedTrial | undefined;
}

export type OrderStatus = 'submitted' | 'accepted' | 'changesRequested' | 'completed';

/**
 * Which of the ten items a revision changed. `line` is one subscription line
 * (by SKU) added, removed or with another quantity; `trial` is the converted
 * trial (by SKU, its licenses).
 */
export type ChangedField =
  | 'invitationAccepted'
  | 'technicalDomain'
  | 'line'
  | 'activationDate'
  | 'organizationName'
  | 'inn'
  | 'address'
  | 'contactFullName'
  | 'contactPhone'
  | 'contactEmail'
  | 'subscriptionKind'
  | 'trial';

/**
 * One item a resubmission changed, recorded once on the revision's history
 * entry so nobody needs the previous revision to show it. Values are plain
 * text in a language-neutral form (see `revision-changes.ts`): dates ISO,
 * quantities and licenses in digits, `invitationAccepted` as `true`/`false`,
 * `subscriptionKind` as its code; `revision-change-texts.ts` words them per locale.
 */
export interface FieldChange {
  readonly field: ChangedField;
  /** `line` and `trial` only: the SKU (`skuPartNumber`) the change is about. */
  readonly sku?: string | undefined;
  /** `line` and `trial` only: the product name when the catalog knows the SKU. */
  readonly product?: string | undefined;
  /** Absent when the item was added (a new line, a trial picked). */
  readonly before?: string | undefined;
  /** Absent when the item was removed. */
  readonly after?: string | undefined;
}

export interface StatusChange {
  readonly status: OrderStatus;
  /** ISO timestamp. */
  readonly at: string;
  /** Display name of whoever caused the change (customer admin or distributor staff). */
  readonly by?: string | undefined;
  /** Free text, e.g. what the distributor wants changed. */
  readonly comment?: string | undefined;
  /** Which revision of the order the change applies to. */
  readonly revision: number;
  /** On the `submitted` entry of a resubmission: what changed since the previous revision. */
  readonly changes?: readonly FieldChange[] | undefined;
}

/** An order as stored: the submission plus identity, tenant and status history. */
export interface StoredOrder extends OrderSubmission {
  /** Human-readable order number shown on every card, e.g. `CSP-7K2M9Q`. */
  readonly id: string;
  readonly tenantId: string;
  readonly status: OrderStatus;
  /** Starts at 1; a resubmission after "request changes" increments it. */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly StatusChange[];
  /**
   * How strong the evidence of the CSP relationship was when the customer
   * last submitted (src/domain/tenant/relationship-evidence.ts); null when
   * nothing had been read for the submitter; absent on orders stored before
   * it was recorded.
   */
  readonly evidenceAtSubmission?: RelationshipLevel | null | undefined;
}

/** One invalid field, by dotted path (`organization.inn`, `lines.0.quantity`). */
export interface FieldError {
  readonly field: string;
  /** Stable machine code, e.g. `inn_checksum`, `required`, `too_long`. */
  readonly code: string;
  readonly message: LocalizedText;
}
