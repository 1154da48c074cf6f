import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import { tabTexts } from '../tab-texts.js';
import type { WizardStep } from '../wizard/wizard-steps.js';
import { useText } from './locale-context.js';

const useStyles = makeStyles({
  eyebrow: { display: 'block', color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  title: {
    margin: 0,
    marginBlockStart: tokens.spacingVerticalXS,
    // Focused programmatically when the wizard moves here; the outline would only distract.
    ':focus': { outlineStyle: 'none' },
  },
  intro: { display: 'block', marginBlock: `${tokens.spacingVerticalM} ${tokens.spacingVerticalL}`, maxWidth: '72ch' },
});

export interface StepHeadingProps {
  readonly step: WizardStep;
  readonly stepCount: number;
  readonly title: string;
  readonly children?: ReactNode;
}

/** "Step N of M", the step's title (the panel's focus target) and its introduction. */
export function StepHeading({ step, stepCount, title, children }: StepHeadingProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  return (
    <>
      <Text size={200} className={styles.eyebrow}>
        {t(tabTexts.stepOf(step.number, stepCount))}
      </Text>
      <Text as="h2" id={stepTitleId(step.id)} tabIndex={-1} size={600} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {children !== undefined && (
        <Text as="p" className={styles.intro}>
          {children}
        </Text>
      )}
    </>
  );
}

export function stepTitleId(stepId: string): string {
  return `step-${stepId}-title`;
}
