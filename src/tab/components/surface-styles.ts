import { makeStyles, tokens } from '@fluentui/react-components';

/** The card look of Teams apps: a raised panel on the page background. */
export const useSurfaceStyles = makeStyles({
  surface: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    minWidth: 0,
    '@media (max-width: 767px)': { padding: tokens.spacingHorizontalL },
  },
});
