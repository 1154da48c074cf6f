import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { escapeCardText } from './card-text.js';
import { welcomeTexts } from './card-texts.js';

export interface WelcomeCardInput {
  readonly locale: Locale;
  readonly distributorName: string;
  readonly invitationUrl: string;
}

/** The distributor's instruction (accept the CSP invitation, send the order form) as a card with the next actions. */
export function buildWelcomeCard({ locale, distributorName, invitationUrl }: WelcomeCardInput): AdaptiveCard {
  const text = (value: LocalizedText, extra: Partial<TextBlock> = {}): TextBlock => ({
    type: 'TextBlock',
    text: pick(value, locale),
    wrap: true,
    ...extra,
  });
  const sectionTitle = (value: LocalizedText): TextBlock =>
    text(value, { weight: 'bolder', spacing: 'medium' });
  const title = welcomeTexts.title(escapeCardText(distributorName));

  return adaptiveCard({
    // Plain text for notifications: not markdown, so not escaped.
    fallbackText: pick(welcomeTexts.title(distributorName), locale),
    body: [
      text(title, { size: 'medium', weight: 'bolder', style: 'heading' }),
      text(welcomeTexts.intro),
      sectionTitle(welcomeTexts.step1Title),
      text(welcomeTexts.step1SignIn),
      text(welcomeTexts.step1Consent),
      text(welcomeTexts.step1Revocable, { isSubtle: true }),
      sectionTitle(welcomeTexts.step2Title),
      text(welcomeTexts.step2Text),
      sectionTitle(welcomeTexts.domainTitle),
      text(welcomeTexts.domainText),
    ],
    actions: [
      { type: 'Action.OpenUrl', title: pick(welcomeTexts.openInvitation, locale), url: invitationUrl },
      executeAction({
        title: pick(welcomeTexts.startOrder, locale),
        verb: CardVerb.startOrder,
        style: 'positive',
      }),
      executeAction({ title: pick(welcomeTexts.help, locale), verb: CardVerb.showHelp }),
    ],
  });
}
