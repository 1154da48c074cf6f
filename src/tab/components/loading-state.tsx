import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import { tabTexts } from '../tab-texts.js';
import { useText } from './locale-context.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    justifyContent: 'center',
    paddingBlock: tokens.spacingVerticalXXXL,
  },
});

export interface LoadingStateProps {
  readonly label?: LocalizedText;
}

export function LoadingState({ label = tabTexts.loading }: LoadingStateProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Spinner label={t(label)} labelPosition="below" />
    </div>
  );
}
