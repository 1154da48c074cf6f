import { findCatalogItem } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/catalog.js';
import { addressText, readablePhone } from './display-values.js';
import type { ChangedField, ConvertedTrial, FieldChange, OrderSubmission } from './order.js';
import { unicodeMailAddress } from './mail-address.js';

/**
 * What a resubmission changed, item by item, computed once when it is stored
 * so the card, the e-mail and the board read it from the history entry.
 * Bounded: at most one entry per item, and per line for the (at most 20 + 20)
 * lines before and after; each value is cut to `MAX_CHANGE_VALUE_LENGTH`.
 */

/** Longer than any validated value (organization name: 300); a cut only guards older stored orders. */
export const MAX_CHANGE_VALUE_LENGTH = 320;
/** One per item, plus every line of two 20-line forms: more can only come from data no form produces. */
export const MAX_FIELD_CHANGES = 60;

export function revisionChanges(before: OrderSubmission, after: OrderSubmission, catalog: Catalog): FieldChange[] {
  const changes: FieldChange[] = [
    ...valueChange('invitationAccepted', String(before.invitationAccepted), String(after.invitationAccepted)),
    ...valueChange('technicalDomain', before.technicalDomain, after.technicalDomain),
    ...lineChanges(before, after, catalog),
    ...valueChange('activationDate', before.activationDate, after.activationDate),
    ...valueChange('organizationName', before.organization.name, after.organization.name),
    ...valueChange('inn', before.organization.inn, after.organization.inn),
    ...valueChange('address', addressText(before.organization.address), addressText(after.organization.address)),
    ...valueChange('contactFullName', before.contact.fullName, after.contact.fullName),
    ...valueChange('contactPhone', readablePhone(before.contact.phone), readablePhone(after.contact.phone)),
    ...valueChange('contactEmail', unicodeMailAddress(before.contact.email), unicodeMailAddress(after.contact.email)),
    ...valueChange('subscriptionKind', before.subscriptionKind, after.subscriptionKind),
    ...trialChanges(before.trial, after.trial, catalog),
  ];
  return changes.slice(0, MAX_FIELD_CHANGES);
}

function valueChange(field: ChangedField, before: string, after: string): FieldChange[] {
  return before === after ? [] : [{ field, before: cut(before), after: cut(after) }];
}

/** By SKU, in the new form's order, then the removed lines in the old form's order. */
function lineChanges(before: OrderSubmission, after: OrderSubmission, catalog: Catalog): FieldChange[] {
  const old = new Map(before.lines.map((line) => [line.sku, line.quantity]));
  const current = new Set(after.lines.map((line) => line.sku));
  const changed = after.lines.flatMap((line): FieldChange[] => {
    const was = old.get(line.sku);
    if (was === line.quantity) return [];
    return [{ ...skuOf('line', line.sku, catalog), ...(was !== undefined && { before: String(was) }), after: String(line.quantity) }];
  });
  const removed = before.lines
    .filter((line) => !current.has(line.sku))
    .map((line): FieldChange => ({ ...skuOf('line', line.sku, catalog), before: String(line.quantity) }));
  return [...changed, ...removed];
}

/** The trial is named by SKU and counted in licenses, like a line; its end date is Microsoft's, not the customer's answer. */
function trialChanges(before: ConvertedTrial | undefined, after: ConvertedTrial | undefined, catalog: Catalog): FieldChange[] {
  if (before?.sku === after?.sku) {
    if (before === undefined || after === undefined || before.licenses === after.licenses) return [];
    return [{ ...skuOf('trial', after.sku, catalog), before: String(before.licenses), after: String(after.licenses) }];
  }
  return [
    ...(after === undefined ? [] : [{ ...skuOf('trial', after.sku, catalog), after: String(after.licenses) }]),
    ...(before === undefined ? [] : [{ ...skuOf('trial', before.sku, catalog), before: String(before.licenses) }]),
  ];
}

function skuOf(field: 'line' | 'trial', sku: string, catalog: Catalog): FieldChange {
  const product = findCatalogItem(catalog, sku)?.displayName;
  return { field, sku: cut(sku), ...(product !== undefined && { product: cut(product) }) };
}

function cut(value: string): string {
  return value.length > MAX_CHANGE_VALUE_LENGTH ? `${value.slice(0, MAX_CHANGE_VALUE_LENGTH - 1)}…` : value;
}
