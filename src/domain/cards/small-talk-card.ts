import { pick } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { smallTalkTexts } from './chat-card-texts.js';

export interface SmallTalkCardInput {
  readonly locale: Locale;
  readonly kind: 'greeting' | 'thanks';
  readonly invitationUrl: string;
}

/** A greeting or a thank-you gets one friendly line and the main buttons, not the whole help. */
export function buildSmallTalkCard({ locale, kind, invitationUrl }: SmallTalkCardInput): AdaptiveCard {
  const message = pick(smallTalkTexts[kind], locale);
  return adaptiveCard({
    fallbackText: message,
    body: [{ type: 'TextBlock', text: message, wrap: true }],
    actions: [
      executeAction({ title: pick(smallTalkTexts.startOrder, locale), verb: CardVerb.startOrder, style: 'positive' }),
      executeAction({ title: pick(smallTalkTexts.showStatus, locale), verb: CardVerb.showStatus }),
      { type: 'Action.OpenUrl', title: pick(smallTalkTexts.openInvitation, locale), url: invitationUrl },
    ],
  });
}
