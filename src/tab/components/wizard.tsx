import { Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import type { FetchLike } from '../config/load-tab-config.js';
import type { TabConfig } from '../config/tab-config.js';
import type { TabHost } from '../host/tab-host.js';
import type { Journey } from '../../domain/journey/journey.js';
import { useTabSession } from '../session/use-tab-session.js';
import { tabTexts } from '../tab-texts.js';
import { currentStep, wizardSteps } from '../wizard/wizard-steps.js';
import type { WizardStepId } from '../wizard/wizard-steps.js';
import { ConfirmationStep } from './confirmation-step.js';
import { CustomerAgreementStep } from './customer-agreement-step.js';
import { InvitationStep } from './invitation-step.js';
import { LazyOrderStep, preloadOrderStep } from './lazy-order-step.js';
import { useLocale, useText } from './locale-context.js';
import { OrdersStep } from './orders-step.js';
import type { StepPanel } from './step-panel.js';
import { stepTitleId } from './step-heading.js';
import { TechnicalDomainStep } from './technical-domain-step.js';
import { useMediaQuery } from './use-media-query.js';

/**
 * A step is enabled exactly when it has a panel. Every step can be opened at
 * any time: the admin may come back to check the relationship or follow an
 * order. Steps that need sign-in say so themselves when it is unavailable.
 */
const stepPanels: Partial<Record<WizardStepId, StepPanel>> = {
  invitation: InvitationStep,
  confirmation: ConfirmationStep,
  customerAgreement: CustomerAgreementStep,
  technicalDomain: TechnicalDomainStep,
  order: LazyOrderStep,
  orders: OrdersStep,
};

const narrowLayoutQuery = '(max-width: 767px)';

const useStyles = makeStyles({
  layout: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXL,
    width: '100%',
    maxWidth: '1280px',
    marginInline: 'auto',
    boxSizing: 'border-box',
  },
  layoutNarrow: {
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalM,
  },
  nav: {
    flexShrink: 0,
    width: '220px',
    position: 'sticky',
    top: tokens.spacingVerticalXL,
  },
  navNarrow: { width: 'auto', position: 'static', overflowX: 'auto' },
  main: { flexGrow: 1, minWidth: 0 },
  // A tab is a <button>, which centres text; the space Fluent reserves for the bold selected label
  // then shifts unselected labels by a few pixels. Start-aligned, the step titles line up.
  tabContent: { textAlign: 'start' },
  stepNumber: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxSizing: 'border-box',
    width: '20px',
    height: '20px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: 1,
  },
  stepNumberCurrent: {
    backgroundColor: tokens.colorCompoundBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorCompoundBrandBackground}`,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  stepNumberDisabled: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeDisabled}`,
    color: tokens.colorNeutralForegroundDisabled,
  },
});

export interface WizardProps {
  readonly config: TabConfig;
  readonly host: TabHost;
  /** `fetch` for the signed-in `/api/*` calls. */
  readonly fetchApi: FetchLike;
  /** Each checklist the session read, for the header. */
  readonly onJourney?: ((journey: Journey) => void) | undefined;
}

const tabId = (id: WizardStepId): string => `wizard-step-${id}`;
const panelId = 'wizard-step-panel';

export function Wizard({ config, host, fetchApi, onJourney }: WizardProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  const narrow = useMediaQuery(narrowLayoutQuery);
  const [requested, setRequested] = useState<WizardStepId>();
  // A move made by the app (not by a tab click) takes the focus to the new step's heading.
  const [focusStep, setFocusStep] = useState<WizardStepId>();
  const goTo = useCallback((id: WizardStepId) => {
    setRequested(id);
    setFocusStep(id);
  }, []);
  const session = useTabSession({ config, host, fetchApi, locale, goTo });
  const isAvailable = (id: WizardStepId): boolean => stepPanels[id] !== undefined;
  const current = currentStep(requested, isAvailable);
  const step = wizardSteps.find((candidate) => candidate.id === current);
  const Panel = current === undefined ? undefined : stepPanels[current];

  useEffect(() => {
    if (session.api !== undefined) preloadOrderStep();
  }, [session.api]);

  useEffect(() => {
    if (session.journey !== undefined) onJourney?.(session.journey);
  }, [session.journey, onJourney]);

  useEffect(() => {
    if (focusStep === undefined || focusStep !== current) return;
    const heading = document.getElementById(stepTitleId(focusStep));
    if (heading === null) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
    setFocusStep(undefined);
  });

  return (
    <div className={mergeClasses(styles.layout, narrow && styles.layoutNarrow)}>
      <nav aria-label={t(tabTexts.stepsNavLabel)} className={mergeClasses(styles.nav, narrow && styles.navNarrow)}>
        <TabList
          vertical={!narrow}
          selectedValue={current}
          onTabSelect={(_event, data) => setRequested(wizardSteps.find((s) => s.id === data.value)?.id)}
        >
          {wizardSteps.map((candidate) => {
            const available = isAvailable(candidate.id);
            return (
              <Tab
                key={candidate.id}
                id={tabId(candidate.id)}
                value={candidate.id}
                content={{ className: styles.tabContent }}
                disabled={!available}
                aria-controls={candidate.id === current ? panelId : undefined}
                icon={
                  <span
                    className={mergeClasses(
                      styles.stepNumber,
                      candidate.id === current && styles.stepNumberCurrent,
                      !available && styles.stepNumberDisabled,
                    )}
                  >
                    {candidate.number}
                  </span>
                }
              >
                {t(candidate.title)}
              </Tab>
            );
          })}
        </TabList>
      </nav>
      <main className={styles.main}>
        {step && Panel && (
          <div role="tabpanel" id={panelId} aria-labelledby={tabId(step.id)}>
            <Panel step={step} stepCount={wizardSteps.length} config={config} host={host} session={session} />
          </div>
        )}
      </main>
    </div>
  );
}
