import type { Catalog } from '../../domain/catalog/catalog.js';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import { validateOrder } from '../../domain/order/order-validation.js';
import { VALIDATION_MESSAGES, isValidationCode } from '../../domain/order/validation-messages.js';
import type { CatalogItem } from '../config/tab-config.js';
import { errorTargetId, orderInput } from './order-form-state.js';
import type { OrderFormState } from './order-form-state.js';

/** Invalid fields by element id, each with its first error's message. */
export type FieldMessages = ReadonlyMap<string, LocalizedText>;

const validationCatalogs = new WeakMap<readonly CatalogItem[], Catalog>();

/**
 * The tab's catalog as `validateOrder` takes it. Validation matches lines on
 * the SKU alone; `/api/config` sends no `skuId`. One object per config
 * catalog, so `validateOrder` reuses its schema (it caches per catalog object).
 */
export function validationCatalog(catalog: readonly CatalogItem[]): Catalog {
  let converted = validationCatalogs.get(catalog);
  if (converted === undefined) {
    converted = catalog.map((item) => ({ sku: item.sku, displayName: item.displayName, skuId: '' }));
    validationCatalogs.set(catalog, converted);
  }
  return converted;
}

/** Every invalid field of the form by the same rules the server applies (`validateOrder`). */
export function clientErrors(state: OrderFormState, catalog: readonly CatalogItem[], today: string): FieldMessages {
  const result = validateOrder(orderInput(state, catalog), { catalog: validationCatalog(catalog), today });
  const messages = new Map<string, LocalizedText>();
  if (result.ok) return messages;
  for (const error of result.errors) {
    const target = errorTargetId(error.field, state.draft, catalog);
    if (!messages.has(target)) messages.set(target, error.message);
  }
  return messages;
}

/**
 * What the form shows: the server's errors (always, until their field
 * changes) and the tab's own for fields the admin has left, or all after
 * a submit. The server's message is used only for codes the tab does not
 * know, so the text follows the tab's locale.
 */
export function visibleErrors(state: OrderFormState, catalog: readonly CatalogItem[], today: string): FieldMessages {
  const visible = new Map<string, LocalizedText>();
  for (const error of state.serverErrors) {
    const target = errorTargetId(error.field, state.draft, catalog);
    if (visible.has(target)) continue;
    visible.set(target, isValidationCode(error.code) ? VALIDATION_MESSAGES[error.code] : { ru: error.message, en: error.message });
  }
  for (const [target, message] of clientErrors(state, catalog, today)) {
    if (!visible.has(target) && (state.submitAttempted || state.touched.has(target))) visible.set(target, message);
  }
  return visible;
}
