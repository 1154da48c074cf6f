import type { LocalizedText } from '../i18n/locale.js';

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
}

/** One invalid field, by dotted path (`organization.inn`, `lines.0.quantity`). */
export interface FieldError {
  readonly field: string;
  /** Stable machine code, e.g. `inn_checksum`, `required`, `too_long`. */
  readonly code: string;
  readonly message: LocalizedText;
}
