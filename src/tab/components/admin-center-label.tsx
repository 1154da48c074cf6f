import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckboxCheckedRegular, CursorClickRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  icon: {
    flexShrink: 0,
    fontSize: '20px',
    color: tokens.colorBrandForeground1,
  },
});

export interface AdminCenterLabelProps {
  /** What the admin will see: a checkbox to tick or a button to press. */
  readonly control: 'checkbox' | 'button';
  /** The admin center's exact Russian wording. */
  readonly text: string;
}

/** An admin center label quoted verbatim; marked Russian so screen readers pronounce it right in either locale. */
export function AdminCenterLabel({ control, text }: AdminCenterLabelProps): ReactElement {
  const styles = useStyles();
  const Icon = control === 'checkbox' ? CheckboxCheckedRegular : CursorClickRegular;
  return (
    <span className={styles.root}>
      <Icon className={styles.icon} aria-hidden />
      <q lang="ru">{text}</q>
    </span>
  );
}
