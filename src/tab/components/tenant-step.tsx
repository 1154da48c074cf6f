import type { ReactElement } from 'react';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import type { TenantResponse } from '../../domain/tenant/tenant-response.js';
import { useText } from './locale-context.js';
import type { StepPanelProps } from './step-panel.js';
import { StepHeading } from './step-heading.js';
import { useSurfaceStyles } from './surface-styles.js';
import { TenantGate } from './tenant-gate.js';

export interface TenantStepProps extends Pick<StepPanelProps, 'step' | 'stepCount' | 'host' | 'session'> {
  readonly title: LocalizedText;
  readonly intro: LocalizedText;
  /** The step's content, once the tenant's facts are in. */
  readonly children: (tenant: TenantResponse) => ReactElement;
}

/** A wizard step built on the tenant's facts: its heading, then the content or the state that stands in for it. */
export function TenantStep({ step, stepCount, host, session, title, intro, children }: TenantStepProps): ReactElement {
  const t = useText();
  const surface = useSurfaceStyles();
  return (
    <section aria-labelledby={`step-${step.id}-title`} className={surface.surface}>
      <StepHeading step={step} stepCount={stepCount} title={t(title)}>
        {t(intro)}
      </StepHeading>
      <TenantGate session={session} host={host}>
        {children}
      </TenantGate>
    </section>
  );
}
