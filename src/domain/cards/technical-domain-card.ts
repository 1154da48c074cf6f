import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { escapeCardText } from './card-text.js';
import { technicalDomainAnswerTexts as texts } from './chat-card-texts.js';

/** Where the bot learned the technical domain, strongest first. */
export type TechnicalDomainSource =
  /** Microsoft Graph: the tenant's initial domain (the tab or the bot's sign-in read it). */
  | { readonly kind: 'microsoft365' }
  /** The suffix of the user's Teams account name (`name@xxxx.onmicrosoft.com`). */
  | { readonly kind: 'teamsAccount' }
  /** What the admin typed in an earlier order. */
  | { readonly kind: 'order'; readonly orderId: string };

export interface TechnicalDomainCardInput {
  readonly locale: Locale;
  /** Absent when nothing names the domain yet. */
  readonly found?: { readonly domain: string; readonly source: TechnicalDomainSource };
}

/** The technical domain, how it was found, and why the distributor needs it. */
export function buildTechnicalDomainCard({ locale, found }: TechnicalDomainCardInput): AdaptiveCard {
  const text = (value: LocalizedText, extra: Partial<TextBlock> = {}): TextBlock => ({ type: 'TextBlock', text: pick(value, locale), wrap: true, ...extra });
  const facts: TextBlock[] =
    found === undefined
      ? [text(texts.unknown)]
      : [text(texts.known(escapeCardText(found.domain))), text(sourceText(found.source), { isSubtle: true, spacing: 'small' })];
  return adaptiveCard({
    fallbackText: found === undefined ? pick(texts.title, locale) : `${pick(texts.title, locale)}: ${found.domain}`,
    body: [
      text(texts.title, { size: 'medium', weight: 'bolder', style: 'heading' }),
      ...facts,
      text(texts.why, { spacing: 'medium' }),
    ],
    actions: [executeAction({ title: pick(texts.startOrder, locale), verb: CardVerb.startOrder, style: 'positive' })],
  });
}

function sourceText(source: TechnicalDomainSource): LocalizedText {
  switch (source.kind) {
    case 'microsoft365':
      return texts.fromMicrosoft365;
    case 'teamsAccount':
      return texts.fromTeamsAccount;
    case 'order':
      return texts.fromOrder(escapeCardText(source.orderId));
  }
}
