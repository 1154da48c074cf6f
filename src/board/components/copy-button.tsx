import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useText } from '../../tab/components/locale-context.js';
import { visuallyHidden } from '../../tab/components/visually-hidden.js';
import { boardTexts } from '../board-texts.js';

export interface CopyButtonProps {
  readonly value: string;
  /** What is copied, for the accessible name: «Копировать: skuId». */
  readonly what: string;
  /** The clipboard; `navigator.clipboard` unless a test passes its own. */
  readonly clipboard?: Pick<Clipboard, 'writeText'> | undefined;
}

/**
 * Copies one value for Partner Center. Teams' web views may refuse the
 * clipboard; then the button says to select and copy by hand.
 */
export function CopyButton({ value, what, clipboard }: CopyButtonProps): ReactElement {
  const t = useText();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [hovered, setHovered] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await (clipboard ?? navigator.clipboard).writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  const label = t(boardTexts.partnerCenter.copy(what));
  const feedback = state === 'copied' ? t(boardTexts.partnerCenter.copied) : state === 'failed' ? t(boardTexts.partnerCenter.copyFailed) : label;
  return (
    <>
      <Tooltip
        content={feedback}
        relationship="description"
        visible={hovered || state !== 'idle'}
        onVisibleChange={(_event, data) => setHovered(data.visible)}
      >
        <Button
          size="small"
          appearance="subtle"
          aria-label={label}
          icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={() => void copy()}
          onBlur={() => setState('idle')}
        />
      </Tooltip>
      <span role="status" style={visuallyHidden}>
        {state === 'idle' ? '' : feedback}
      </span>
    </>
  );
}

const useStyles = makeStyles({
  copyable: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontFamily: tokens.fontFamilyMonospace },
});

/** A value for Partner Center, shown as typed there, with its copy button. */
export function CopyableValue({ value, what }: { readonly value: string; readonly what: string }): ReactElement {
  const styles = useStyles();
  return (
    <span className={styles.copyable}>
      <span>{value}</span>
      <CopyButton value={value} what={what} />
    </span>
  );
}
