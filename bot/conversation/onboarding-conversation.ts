import { buildWelcomeCard } from '../../src/domain/cards/welcome-card.js';
import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import type { Locale } from '../../src/domain/i18n/locale.js';

/** What the bot says, decided without any Bot Framework types. */
export interface ChatReply {
  readonly text?: string;
  readonly card?: AdaptiveCard;
}

export interface OnboardingConversationSettings {
  readonly distributorName: string;
  readonly invitationUrl: string;
}

/**
 * The chat journey of the customer admin. Kept free of botbuilder so the
 * planned move to `@microsoft/agents-hosting` only touches bot/bot-framework.
 */
export class OnboardingConversation {
  constructor(private readonly settings: OnboardingConversationSettings) {}

  /** The app was installed in a personal chat. */
  welcome(locale: Locale): ChatReply {
    return { card: this.welcomeCard(locale) };
  }

  /** Any text the admin typed. */
  message(_text: string, locale: Locale): ChatReply {
    return { card: this.welcomeCard(locale) };
  }

  private welcomeCard(locale: Locale): AdaptiveCard {
    return buildWelcomeCard({ locale, ...this.settings });
  }
}
