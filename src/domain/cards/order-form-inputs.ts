import type { OrderFormValues } from './order-form-values.js';

/**
 * The ids of the order form's inputs and the mapping of their submitted
 * values back onto the order JSON of `POST /api/orders`. The scalar ids are the
 * dotted field paths that `validateOrder` reports errors on, so an error finds
 * its input by name.
 */
export const OrderFormInputId = {
  invitationAccepted: 'invitationAccepted',
  technicalDomain: 'technicalDomain',
  activationDate: 'activationDate',
  organizationName: 'organization.name',
  inn: 'organization.inn',
  postalCode: 'organization.address.postalCode',
  city: 'organization.address.city',
  street: 'organization.address.street',
  contactFullName: 'contact.fullName',
  contactPhone: 'contact.phone',
  contactEmail: 'contact.email',
  subscriptionKind: 'subscriptionKind',
} as const;

export type OrderFormInputId = (typeof OrderFormInputId)[keyof typeof OrderFormInputId];

/**
 * One number input per catalog SKU, keyed by the SKU itself rather than by
 * position, so a catalog change between showing and submitting the form can
 * never move a quantity onto another product.
 */
export const QUANTITY_INPUT_PREFIX = 'quantity:';

export function quantityInputId(sku: string): string {
  return `${QUANTITY_INPUT_PREFIX}${sku}`;
}

export function skuFromQuantityInputId(inputId: string): string | undefined {
  return inputId.startsWith(QUANTITY_INPUT_PREFIX) ? inputId.slice(QUANTITY_INPUT_PREFIX.length) : undefined;
}

/** The data key carrying the form's idempotency key (from the submit action's `data`). */
export const SUBMISSION_ID_KEY = 'submissionId';

/** The data key carrying the trial a conversion is for (the card shows it; there is no input for it). */
export const TRIAL_KEY = 'trial';

/** The data key naming the order a revision form resubmits. */
export const REVISES_ORDER_ID_KEY = 'orderId';

/**
 * Maps the values a card submits (action data merged with input values, all
 * strings in Teams) onto the order JSON. Nothing is validated here: the
 * result goes through `validateOrder` like any API request. Lines keep the
 * order of the quantity inputs in `data`, and error paths `lines.N` refer to
 * that order, so the same result must be passed back as the form's `values`.
 */
export function orderFromCardInputs(data: Readonly<Record<string, unknown>>): OrderFormValues {
  // Inputs Teams did not send are absent, not undefined, so spreading these values over others keeps theirs.
  const texts = <K extends string>(inputIds: Record<K, OrderFormInputId | typeof SUBMISSION_ID_KEY>): Partial<Record<K, string>> => {
    const found: Partial<Record<K, string>> = {};
    for (const [field, inputId] of Object.entries(inputIds) as [K, string][]) {
      const value = data[inputId];
      if (typeof value === 'string') found[field] = value;
    }
    return found;
  };
  const invitationAccepted = booleanFromInput(data[OrderFormInputId.invitationAccepted]);
  return {
    ...texts({
      submissionId: SUBMISSION_ID_KEY,
      technicalDomain: OrderFormInputId.technicalDomain,
      activationDate: OrderFormInputId.activationDate,
      subscriptionKind: OrderFormInputId.subscriptionKind,
    }),
    ...(invitationAccepted !== undefined && { invitationAccepted }),
    lines: linesFromInputs(data),
    organization: {
      ...texts({ name: OrderFormInputId.organizationName, inn: OrderFormInputId.inn }),
      address: texts({ postalCode: OrderFormInputId.postalCode, city: OrderFormInputId.city, street: OrderFormInputId.street }),
    },
    contact: texts({ fullName: OrderFormInputId.contactFullName, phone: OrderFormInputId.contactPhone, email: OrderFormInputId.contactEmail }),
    ...trialFromData(data[TRIAL_KEY]),
  };
}

/** The trial as the form's action data carried it; validation checks its fields. */
function trialFromData(value: unknown): Pick<OrderFormValues, 'trial'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const field = (key: string): string | number | undefined => {
    const item = record[key];
    return typeof item === 'string' || typeof item === 'number' ? item : undefined;
  };
  const sku = field('sku');
  const licenses = field('licenses');
  const endsOn = field('endsOn');
  return {
    trial: {
      ...(sku === undefined ? {} : { sku: String(sku) }),
      ...(licenses === undefined ? {} : { licenses }),
      ...(endsOn === undefined ? {} : { endsOn: String(endsOn) }),
    },
  };
}

/** Choice values are the strings `true`/`false`; anything else is left for validation to reject. */
function booleanFromInput(value: unknown): boolean | string | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const normalized = value.trim().toLowerCase();
  if (normalized === 'true') return true;
  if (normalized === 'false') return false;
  return value;
}

/** A blank or zero quantity means "not ordered"; a non-number stays a string for validation to report. */
function linesFromInputs(data: Readonly<Record<string, unknown>>): { sku: string; quantity: number | string }[] {
  const lines: { sku: string; quantity: number | string }[] = [];
  for (const [key, raw] of Object.entries(data)) {
    const sku = skuFromQuantityInputId(key);
    if (sku === undefined) continue;
    const quantity = quantityFromInput(raw);
    if (quantity === undefined || quantity === 0) continue;
    lines.push({ sku, quantity });
  }
  return lines;
}

function quantityFromInput(raw: unknown): number | string | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : raw;
}
