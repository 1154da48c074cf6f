import { pick } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { JourneyStepId } from '../journey/journey.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, CardAction } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { escapeCardText } from './card-text.js';
import { reminderTexts } from './journey-card-texts.js';

/** The steps a reminder is sent for: the customer's own. */
export type RemindedStep = keyof typeof reminderTexts.step;

export function isRemindedStep(step: JourneyStepId): step is RemindedStep {
  return step in reminderTexts.step;
}

export interface ReminderCardInput {
  readonly locale: Locale;
  readonly distributorName: string;
  readonly step: RemindedStep;
  /** Where each step's button leads; a step without its link gets no button, only the text. */
  readonly links: {
    readonly invitationUrl: string;
    readonly gdapApprovalUrl?: string | undefined;
    /** A Teams deep link to the app's personal tab (the MCA step is there). */
    readonly tabUrl?: string | undefined;
  };
}

/** One friendly reminder for the step the customer is stuck at, its button, and «Не напоминать». */
export function buildReminderCard({ locale, distributorName, step, links }: ReminderCardInput): AdaptiveCard {
  const text = pick(reminderTexts.step[step], locale).replaceAll('{distributor}', escapeCardText(distributorName));
  const title = pick(reminderTexts.button[step], locale);
  const open = (url: string | undefined): CardAction[] => (url === undefined ? [] : [{ type: 'Action.OpenUrl', title, url }]);
  const stepActions: Readonly<Record<RemindedStep, () => CardAction[]>> = {
    invitationAccepted: () => open(links.invitationUrl),
    mcaAccepted: () => open(links.tabUrl),
    gdapActive: () => open(links.gdapApprovalUrl),
    orderSubmitted: () => [executeAction({ title, verb: CardVerb.startOrder, style: 'positive' })],
  };
  return adaptiveCard({
    fallbackText: text,
    body: [
      { type: 'TextBlock', text: pick(reminderTexts.title, locale), weight: 'bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text, wrap: true },
    ],
    actions: [
      ...stepActions[step](),
      executeAction({ title: pick(reminderTexts.stop, locale), verb: CardVerb.stopReminders, associatedInputs: 'none' }),
    ],
  });
}

/** The answer to «Не напоминать». */
export function buildRemindersStoppedCard(locale: Locale): AdaptiveCard {
  const text = pick(reminderTexts.stopped, locale);
  return adaptiveCard({ fallbackText: text, body: [{ type: 'TextBlock', text, wrap: true }] });
}
