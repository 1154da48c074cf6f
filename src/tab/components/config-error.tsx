import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { ConfigFailure } from '../config/load-tab-config.js';
import { tabTexts } from '../tab-texts.js';
import { useText } from './locale-context.js';

const useStyles = makeStyles({
  root: { maxWidth: '720px', marginInline: 'auto', paddingBlock: tokens.spacingVerticalXXL },
  text: { display: 'block', marginBlockStart: tokens.spacingVerticalXS },
  details: {
    display: 'block',
    marginBlockStart: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
});

export interface ConfigErrorProps {
  readonly failure: ConfigFailure;
  readonly onRetry: () => void;
}

export function ConfigError({ failure, onRetry }: ConfigErrorProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const texts = tabTexts.configError;
  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(texts.title)}</MessageBarTitle>
          <Text className={styles.text}>{t(texts[failure.kind])}</Text>
          <Text size={200} className={styles.details}>
            {t(texts.details)}: {failure.detail}
          </Text>
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={onRetry}>
            {t(texts.retry)}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
