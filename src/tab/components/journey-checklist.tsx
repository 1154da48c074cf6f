import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Circle16Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Journey } from '../../domain/journey/journey.js';
import { journeyStepTexts, journeyTexts, nextActionTexts } from '../../domain/journey/journey-texts.js';
import { useText } from './locale-context.js';
import { visuallyHidden } from './visually-hidden.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, flexBasis: '100%', minWidth: 0 },
  summary: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  next: { color: tokens.colorBrandForeground1 },
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    '@media (max-width: 767px)': { display: 'none' },
  },
  step: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The customer's onboarding checklist in the header: how much is done, the one next action, and every step. */
export function JourneyChecklist({ journey }: { readonly journey: Journey }): ReactElement {
  const t = useText();
  const styles = useStyles();
  const steps = journey.steps.filter((step) => step.state !== 'skipped');
  const done = steps.filter((step) => step.state === 'done').length;
  return (
    <section aria-label={t(journeyTexts.checklistTitle)} className={styles.root}>
      <div className={styles.summary}>
        <Text size={200} weight="semibold">
          {t(journeyTexts.progress(done, steps.length))}
        </Text>
        <Text size={200} className={styles.next}>
          {journey.nextAction === null ? t(journeyTexts.allDone) : `${t(journeyTexts.nextLabel)}: ${t(nextActionTexts[journey.nextAction])}`}
        </Text>
      </div>
      <ol className={styles.steps}>
        {steps.map((step) => {
          const isDone = step.state === 'done';
          return (
            <li key={step.id} className={mergeClasses(styles.step, step.id === journey.current && styles.current)}>
              {isDone ? <CheckmarkCircle16Filled className={styles.done} aria-hidden /> : <Circle16Regular aria-hidden />}
              <Text size={200}>{t(journeyStepTexts[step.id])}</Text>
              <span style={visuallyHidden}>({t(isDone ? journeyTexts.stepDone : journeyTexts.stepOpen)})</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
