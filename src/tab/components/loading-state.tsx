import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { tabTexts } from '../tab-texts.js';
import { useText } from './locale-context.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    justifyContent: 'center',
    paddingBlock: tokens.spacingVerticalXXXL,
  },
});

export function LoadingState(): ReactElement {
  const t = useText();
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Spinner label={t(tabTexts.loading)} labelPosition="below" />
    </div>
  );
}
