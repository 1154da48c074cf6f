import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { HandshakeRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import type { Journey } from '../../domain/journey/journey.js';
import { tabTexts } from '../tab-texts.js';
import { JourneyChecklist } from './journey-checklist.js';
import { useText } from './locale-context.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 767px)': { paddingInline: tokens.spacingHorizontalM },
  },
  logo: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '40px',
    height: '40px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: '24px',
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: {
    margin: 0,
    '@media (max-width: 767px)': { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  },
  distributor: { color: tokens.colorNeutralForeground3 },
  badge: { marginInlineStart: 'auto', flexShrink: 0 },
});

export interface TabHeaderProps {
  /** The page's name; the customer's tab by default (the distributor's board has its own). */
  readonly title?: LocalizedText | undefined;
  /** Unknown until the config has loaded. */
  readonly distributorName?: string | undefined;
  readonly demo?: boolean | undefined;
  /** The customer's checklist, once the tab has read it. */
  readonly journey?: Journey | undefined;
}

export function TabHeader({ title = tabTexts.appTitle, distributorName, demo = false, journey }: TabHeaderProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <span className={styles.logo} aria-hidden>
        <HandshakeRegular />
      </span>
      <div className={styles.titles}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {t(title)}
        </Text>
        {distributorName !== undefined && (
          <Text size={200} className={styles.distributor}>
            {t(tabTexts.distributorLabel)}: {distributorName}
          </Text>
        )}
      </div>
      {demo && (
        <Badge appearance="tint" color="brand" className={styles.badge}>
          {t(tabTexts.demoBadge)}
        </Badge>
      )}
      {journey !== undefined && <JourneyChecklist journey={journey} />}
    </header>
  );
}
