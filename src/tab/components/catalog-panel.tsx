import { CounterBadge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ReactElement } from 'react';
import type { CatalogItem } from '../config/tab-config.js';
import { tabTexts } from '../tab-texts.js';
import { useText } from './locale-context.js';
import { useSurfaceStyles } from './surface-styles.js';

const useStyles = makeStyles({
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  intro: {
    display: 'block',
    marginBlock: `${tokens.spacingVerticalS} ${tokens.spacingVerticalM}`,
    color: tokens.colorNeutralForeground3,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    // One column in the side panel; more when the panel spans a wide layout below the step.
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    columnGap: tokens.spacingHorizontalXL,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sku: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export interface CatalogPanelProps {
  readonly distributorName: string;
  readonly catalog: readonly CatalogItem[];
  readonly className?: string;
}

/** The subscriptions the distributor offers, straight from the server's catalog. */
export function CatalogPanel({ distributorName, catalog, className }: CatalogPanelProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const titleId = useId();
  return (
    <aside aria-labelledby={titleId} className={mergeClasses(surface.surface, className)}>
      <div className={styles.heading}>
        <Text as="h2" id={titleId} size={400} weight="semibold" className={styles.title}>
          {t(tabTexts.catalog.title)}
        </Text>
        {catalog.length > 0 && <CounterBadge count={catalog.length} appearance="ghost" color="brand" aria-hidden />}
      </div>
      <Text as="p" size={200} className={styles.intro}>
        {t(catalog.length > 0 ? tabTexts.catalog.intro(distributorName) : tabTexts.catalog.empty)}
      </Text>
      {catalog.length > 0 && (
        <ul className={styles.list}>
          {catalog.map((item) => (
            <li key={item.sku} className={styles.item}>
              <Text weight="semibold">{item.displayName}</Text>
              <Text size={100} className={styles.sku}>
                {item.sku}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
