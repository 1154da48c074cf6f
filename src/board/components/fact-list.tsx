import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import { useText } from '../../tab/components/locale-context.js';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** Labelled values of the order view, as a description list (terms and values read in pairs by screen readers). */
export function FactList({ rows }: { readonly rows: readonly (readonly [LocalizedText, ReactNode])[] }): ReactElement {
  const t = useText();
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term.en} style={{ display: 'contents' }}>
          <dt className={styles.term}>{t(term)}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
