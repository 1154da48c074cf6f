import { Checkbox, Field, Input, SearchBox, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ReactElement } from 'react';
import { pick } from '../../domain/i18n/locale.js';
import { ORDER_LIMITS } from '../../domain/order/order-validation.js';
import type { CatalogItem } from '../config/tab-config.js';
import { LINES_GROUP_ID, quantityFieldId, skuCheckboxId } from '../order/order-form-state.js';
import type { OrderDraft } from '../order/order-form-state.js';
import type { FieldMessages } from '../order/order-form-errors.js';
import { tabTexts } from '../tab-texts.js';
import { useLocale } from './locale-context.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 140px',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 479px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  rowSelected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  label: { display: 'flex', flexDirection: 'column' },
  sku: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  quantity: { paddingBlock: tokens.spacingVerticalXS },
  fill: { width: '100%', minWidth: 0 },
  filter: { maxWidth: '420px', marginBlockEnd: tokens.spacingVerticalS },
  groupError: {
    display: 'block',
    color: tokens.colorPaletteRedForeground1,
    marginBlockEnd: tokens.spacingVerticalS,
  },
});

export interface OrderLinesFieldProps {
  readonly catalog: readonly CatalogItem[];
  readonly draft: OrderDraft;
  readonly errors: FieldMessages;
  readonly hintId: string;
  onSelect(sku: string, selected: boolean): void;
  onQuantity(sku: string, value: string): void;
  onQuantityBlur(sku: string): void;
}

/**
 * Items 3 and 4 of the order: one row per catalog subscription; ticking a
 * row asks for its number of licenses. One row per SKU makes a duplicate
 * line impossible by construction.
 */
export function OrderLinesField({ catalog, draft, errors, hintId, onSelect, onQuantity, onQuantityBlur }: OrderLinesFieldProps): ReactElement {
  const locale = useLocale();
  const styles = useStyles();
  const texts = tabTexts.order;
  const groupError = errors.get(LINES_GROUP_ID);
  const groupErrorId = `${LINES_GROUP_ID}-error`;
  const selected = new Set(draft.selectedSkus);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  // A ticked subscription never hides: its quantity is part of the order.
  const matching = catalog.filter((item) => matchesFilter(item, filter));
  const shown = catalog.filter((item) => selected.has(item.sku) || matching.includes(item));
  return (
    <>
      <Field className={styles.filter} label={{ children: pick(texts.filterLabel, locale), htmlFor: filterId }}>
        <SearchBox
          id={filterId}
          value={filter}
          placeholder={pick(texts.filterPlaceholder, locale)}
          aria-controls={LINES_GROUP_ID}
          onChange={(_event, data) => setFilter(data.value)}
        />
      </Field>
      {matching.length === 0 && <Text role="status">{pick(texts.filterNothing(filter.trim()), locale)}</Text>}
      {groupError !== undefined && (
        <Text id={groupErrorId} role="alert" className={styles.groupError}>
          {pick(groupError, locale)}
        </Text>
      )}
      <ul className={styles.list} id={LINES_GROUP_ID}>
        {shown.map((item) => {
          const isSelected = selected.has(item.sku);
          const quantityId = quantityFieldId(item.sku);
          const quantityError = errors.get(quantityId);
          return (
            <li key={item.sku} className={mergeClasses(styles.row, isSelected && styles.rowSelected)}>
              <Checkbox
                id={skuCheckboxId(item.sku)}
                checked={isSelected}
                onChange={(_event, data) => onSelect(item.sku, data.checked === true)}
                aria-invalid={groupError !== undefined || undefined}
                aria-describedby={groupError !== undefined ? `${groupErrorId} ${hintId}` : hintId}
                label={
                  <span className={styles.label}>
                    <span>{item.displayName}</span>
                    <span className={styles.sku}>{item.sku}</span>
                  </span>
                }
              />
              {isSelected && (
                <Field
                  className={styles.quantity}
                  validationMessage={quantityError === undefined ? null : pick(quantityError, locale)}
                  validationState={quantityError === undefined ? 'none' : 'error'}
                  required
                >
                  <Input
                    id={quantityId}
                    className={styles.fill}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={ORDER_LIMITS.maxQuantity}
                    step={1}
                    placeholder={pick(texts.quantity, locale)}
                    aria-label={pick(texts.quantityFor(item.displayName), locale)}
                    value={draft.quantities[item.sku] ?? ''}
                    onChange={(_event, data) => onQuantity(item.sku, data.value)}
                    onBlur={() => onQuantityBlur(item.sku)}
                  />
                </Field>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Case, ё/е and word order do not matter: every word typed must occur in the name or the SKU. */
function matchesFilter(item: CatalogItem, filter: string): boolean {
  const fold = (text: string): string => text.toLowerCase().replaceAll('ё', 'е');
  const haystack = fold(`${item.displayName} ${item.sku}`);
  return fold(filter).split(/\s+/).filter((word) => word !== '').every((word) => haystack.includes(word));
}
