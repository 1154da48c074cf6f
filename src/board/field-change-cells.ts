import { commonTexts, licenseCount, orderFactTexts, subscriptionKindLabels } from '../domain/cards/card-texts.js';
import { pick } from '../domain/i18n/locale.js';
import type { Locale, LocalizedText } from '../domain/i18n/locale.js';
import type { ChangedField, FieldChange } from '../domain/order/order.js';
import { formatDate } from '../tab/components/format-date.js';

/** One row of a revision's changes on the board: the item, its value before and after. */
export interface FieldChangeCells {
  readonly label: string;
  /** Undefined when the item was added (before) or removed (after). */
  readonly before: string | undefined;
  readonly after: string | undefined;
}

const labels: Readonly<Record<Exclude<ChangedField, 'line'>, LocalizedText>> = {
  invitationAccepted: orderFactTexts.invitationAccepted,
  technicalDomain: orderFactTexts.technicalDomain,
  activationDate: orderFactTexts.activationDate,
  organizationName: orderFactTexts.organizationName,
  inn: orderFactTexts.inn,
  address: orderFactTexts.address,
  contactFullName: orderFactTexts.contactFullName,
  contactPhone: orderFactTexts.contactPhone,
  contactEmail: orderFactTexts.contactEmail,
  subscriptionKind: orderFactTexts.subscriptionKind,
  trial: orderFactTexts.convertedTrial,
};

/**
 * A recorded change (src/domain/order/order.ts `FieldChange`: language-neutral
 * values) worded for staff: the item's name as on the channel card, dates as
 * dates, license counts with their noun, yes/no and kinds in words.
 */
export function fieldChangeCells(change: FieldChange, locale: Locale): FieldChangeCells {
  const word = (value: string | undefined): string | undefined => (value === undefined ? undefined : valueText(change.field, value, locale));
  const product = change.product ?? change.sku;
  const label =
    change.field === 'line'
      ? `${product ?? ''}${change.sku !== undefined && change.sku !== product ? ` (${change.sku})` : ''}`
      : `${pick(labels[change.field], locale)}${change.field === 'trial' && product !== undefined ? `: ${product}` : ''}`;
  return { label, before: word(change.before), after: word(change.after) };
}

function valueText(field: ChangedField, value: string, locale: Locale): string {
  switch (field) {
    case 'invitationAccepted':
      return value === 'true' ? pick(commonTexts.yes, locale) : value === 'false' ? pick(commonTexts.no, locale) : value;
    case 'activationDate':
      return formatDate(value, locale);
    case 'subscriptionKind':
      return value === 'new' || value === 'trialConversion' ? pick(subscriptionKindLabels[value], locale) : value;
    case 'line':
    case 'trial':
      return /^\d+$/.test(value) ? pick(licenseCount(Number(value)), locale) : value;
    default:
      return value;
  }
}
