import { licenseCount, orderFactTexts } from '../domain/cards/card-texts.js';
import { displayValue, fieldLabels } from '../domain/cards/revision-change-texts.js';
import { pick } from '../domain/i18n/locale.js';
import type { Locale } from '../domain/i18n/locale.js';
import type { FieldChange } from '../domain/order/order.js';

/** One row of a revision's changes on the board: the item, its value before and after. */
export interface FieldChangeCells {
  readonly label: string;
  /** Undefined when the item was added (before) or removed (after). */
  readonly before: string | undefined;
  readonly after: string | undefined;
}

/**
 * A recorded change (src/domain/order/order.ts `FieldChange`) in two
 * columns, worded as the channel card words it in one line
 * (src/domain/cards/revision-change-texts.ts): the item's name, then each
 * side; a line or the trial is named by its product, with license counts.
 */
export function fieldChangeCells(change: FieldChange, locale: Locale): FieldChangeCells {
  if (change.field === 'line' || change.field === 'trial') {
    const product = change.product ?? change.sku ?? '';
    const sku = change.sku !== undefined && change.sku !== product ? ` (${change.sku})` : '';
    const label = change.field === 'line' ? `${product}${sku}` : `${pick(orderFactTexts.convertedTrial, locale)}: ${product}${sku}`;
    const count = (value: string | undefined): string | undefined =>
      value === undefined ? undefined : /^\d+$/.test(value) ? pick(licenseCount(Number(value)), locale) : value;
    return { label, before: count(change.before), after: count(change.after) };
  }
  const side = (value: string | undefined): string | undefined => (value === undefined ? undefined : pick(displayValue(change.field, value), locale));
  return { label: pick(fieldLabels[change.field], locale), before: side(change.before), after: side(change.after) };
}
