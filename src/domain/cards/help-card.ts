import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { escapeCardText } from './card-text.js';
import { helpTexts } from './chat-card-texts.js';

export interface HelpCardInput {
  readonly locale: Locale;
  readonly distributorName: string;
  readonly invitationUrl: string;
}

/** The answer to "help" and to anything the bot does not understand. */
export function buildHelpCard({ locale, distributorName, invitationUrl }: HelpCardInput): AdaptiveCard {
  const text = (value: LocalizedText, extra: Partial<TextBlock> = {}): TextBlock => ({ type: 'TextBlock', text: pick(value, locale), wrap: true, ...extra });
  return adaptiveCard({
    fallbackText: pick(helpTexts.title, locale),
    body: [
      text(helpTexts.title, { size: 'medium', weight: 'bolder', style: 'heading' }),
      text(helpTexts.intro(escapeCardText(distributorName))),
      text(helpTexts.commandsTitle, { weight: 'bolder', spacing: 'medium' }),
      text(helpTexts.orderCommand, { spacing: 'small' }),
      text(helpTexts.statusCommand, { spacing: 'small' }),
      text(helpTexts.helpCommand, { spacing: 'small' }),
      text(helpTexts.languageNote, { isSubtle: true, spacing: 'medium' }),
    ],
    actions: [
      executeAction({ title: pick(helpTexts.startOrder, locale), verb: CardVerb.startOrder, style: 'positive' }),
      executeAction({ title: pick(helpTexts.showStatus, locale), verb: CardVerb.showStatus }),
      { type: 'Action.OpenUrl', title: pick(helpTexts.openInvitation, locale), url: invitationUrl },
    ],
  });
}
