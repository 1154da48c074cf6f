import { describe, expect, it } from 'vitest';
import { currentStep, wizardSteps } from '../../../src/tab/wizard/wizard-steps.js';
import type { WizardStepId } from '../../../src/tab/wizard/wizard-steps.js';

describe('wizardSteps', () => {
  it('lists the six steps of the journey in order, numbered from 1', () => {
    expect(wizardSteps.map((step) => [step.number, step.id])).toEqual([
      [1, 'invitation'],
      [2, 'confirmation'],
      [3, 'customerAgreement'],
      [4, 'technicalDomain'],
      [5, 'order'],
      [6, 'orders'],
    ]);
  });

  it('titles every step in both languages', () => {
    expect(wizardSteps.map((step) => step.title.ru)).toEqual([
      'Приглашение',
      'Подтверждение',
      'Соглашение Microsoft',
      'Технический домен',
      'Заявка',
      'Мои заявки',
    ]);
    expect(wizardSteps.every((step) => step.title.en.length > 0)).toBe(true);
  });
});

describe('currentStep', () => {
  const only =
    (...ids: WizardStepId[]) =>
    (id: WizardStepId): boolean =>
      ids.includes(id);

  it('shows the requested step when it is available', () => {
    expect(currentStep('order', only('invitation', 'order'))).toBe('order');
  });

  it('falls back to the first available step when the requested one is not', () => {
    expect(currentStep('order', only('invitation'))).toBe('invitation');
    expect(currentStep(undefined, only('technicalDomain', 'order'))).toBe('technicalDomain');
  });

  it('has nothing to show when no step is available', () => {
    expect(currentStep('invitation', only())).toBeUndefined();
  });
});
