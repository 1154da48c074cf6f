import type { ReactElement } from 'react';
import type { TabConfig } from '../config/tab-config.js';
import type { TabHost } from '../host/tab-host.js';
import type { TabSession } from '../session/tab-session.js';
import type { WizardStep } from '../wizard/wizard-steps.js';

export interface StepPanelProps {
  readonly step: WizardStep;
  readonly stepCount: number;
  readonly config: TabConfig;
  readonly host: TabHost;
  /** Sign-in, the tenant's facts and the order in progress, shared by the steps. */
  readonly session: TabSession;
}

/** The content of one wizard step; the wizard enables exactly the steps that have one. */
export type StepPanel = (props: StepPanelProps) => ReactElement;
