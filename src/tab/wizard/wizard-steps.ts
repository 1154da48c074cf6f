import type { LocalizedText } from '../../domain/i18n/locale.js';
import { tabTexts } from '../tab-texts.js';

/** The customer admin's journey through the tab, in order. */
export type WizardStepId = 'invitation' | 'confirmation' | 'customerAgreement' | 'technicalDomain' | 'order' | 'orders';

export interface WizardStep {
  readonly id: WizardStepId;
  /** 1-based position shown to the user. */
  readonly number: number;
  readonly title: LocalizedText;
}

export const wizardSteps: readonly WizardStep[] = (
  ['invitation', 'confirmation', 'customerAgreement', 'technicalDomain', 'order', 'orders'] as const
).map((id, index) => ({ id, number: index + 1, title: tabTexts.steps[id] }));

/**
 * The step to show: the requested one when it can be shown, else the first
 * step that can. `undefined` only when no step has content.
 */
export function currentStep(
  requested: WizardStepId | undefined,
  isAvailable: (id: WizardStepId) => boolean,
): WizardStepId | undefined {
  if (requested !== undefined && isAvailable(requested)) return requested;
  return wizardSteps.find((step) => isAvailable(step.id))?.id;
}
