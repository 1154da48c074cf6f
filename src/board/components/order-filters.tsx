import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, SearchRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { orderStatusLabels } from '../../domain/cards/card-texts.js';
import { orderStatusSchema } from '../../domain/order/order-shape.js';
import { useText } from '../../tab/components/locale-context.js';
import type { BoardFilters } from '../api/board-api-client.js';
import { boardTexts } from '../board-texts.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  search: { flexGrow: 1, minWidth: '260px' },
  date: { width: '170px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface OrderFiltersProps {
  /** The filters the list shows now; the form starts from them and follows when they change. */
  readonly applied: BoardFilters;
  readonly onApply: (filters: BoardFilters) => void;
}

/** Search and filters; applied on submit (Enter or the button), so typing sends no request per key. */
export function OrderFilters({ applied, onApply }: OrderFiltersProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const [draft, setDraft] = useState<BoardFilters>(applied);
  useEffect(() => setDraft(applied), [applied]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form className={styles.form} onSubmit={submit} role="search" aria-label={t(boardTexts.filters.title)}>
      <Field label={t(boardTexts.filters.search)} hint={t(boardTexts.filters.searchHint)} className={styles.search}>
        <Input
          type="search"
          contentBefore={<SearchRegular aria-hidden />}
          value={draft.q ?? ''}
          onChange={(_event, data) => setDraft((current) => ({ ...current, q: data.value }))}
        />
      </Field>
      <Field label={t(boardTexts.filters.status)}>
        <Select
          value={draft.status ?? ''}
          onChange={(_event, data) => {
            const parsed = orderStatusSchema.safeParse(data.value);
            setDraft((current) => ({ ...current, status: parsed.success ? parsed.data : undefined }));
          }}
        >
          <option value="">{t(boardTexts.filters.anyStatus)}</option>
          {orderStatusSchema.options.map((status) => (
            <option key={status} value={status}>
              {t(orderStatusLabels[status])}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(boardTexts.filters.from)} className={styles.date}>
        <Input type="date" value={draft.from ?? ''} onChange={(_event, data) => setDraft((current) => ({ ...current, from: data.value || undefined }))} />
      </Field>
      <Field label={t(boardTexts.filters.to)} className={styles.date}>
        <Input type="date" value={draft.to ?? ''} onChange={(_event, data) => setDraft((current) => ({ ...current, to: data.value || undefined }))} />
      </Field>
      <Checkbox
        label={t(boardTexts.filters.needsAction)}
        title={t(boardTexts.filters.needsActionHint)}
        checked={draft.needsAction === true}
        onChange={(_event, data) => setDraft((current) => ({ ...current, needsAction: data.checked === true }))}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" icon={<SearchRegular />}>
          {t(boardTexts.filters.apply)}
        </Button>
        <Button type="button" icon={<DismissRegular />} onClick={() => onApply({})}>
          {t(boardTexts.filters.reset)}
        </Button>
      </div>
    </form>
  );
}
