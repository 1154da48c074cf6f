import { durationDays } from '../gdap/gdap-duration.js';
import { describeRole } from '../gdap/gdap-roles.js';
import { gdapTexts } from '../gdap/gdap-texts.js';
import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, TextBlock } from './adaptive-card.js';
import { escapeCardText } from './card-text.js';

export interface GdapRequestCardInput {
  readonly locale: Locale;
  readonly distributorName: string;
  readonly invitationUrl: string;
  readonly roles: readonly string[];
  readonly duration: string;
  readonly autoExtendDuration: string;
}

/** The customer admin's card: which roles in plain words, for how long, why, and the approval button. */
export function buildGdapRequestCard(input: GdapRequestCardInput): AdaptiveCard {
  const text = (value: LocalizedText, extra: Partial<TextBlock> = {}): TextBlock => ({ type: 'TextBlock', text: pick(value, input.locale), wrap: true, ...extra });
  return adaptiveCard({
    body: [
      text(gdapTexts.title, { size: 'medium', weight: 'bolder', style: 'heading' }),
      text(gdapTexts.why(escapeCardText(input.distributorName))),
      text(gdapTexts.rolesTitle, { weight: 'bolder', spacing: 'medium' }),
      ...input.roles.map((role) => text({ ru: `• ${describeRole(role).ru}`, en: `• ${describeRole(role).en}` }, { spacing: 'small' })),
      text(gdapTexts.howLong(durationDays(input.duration), input.autoExtendDuration !== 'PT0S' && input.autoExtendDuration !== 'P0D'), { spacing: 'medium' }),
      text(gdapTexts.how, { isSubtle: true }),
    ],
    actions: [{ type: 'Action.OpenUrl', title: pick(gdapTexts.approve, input.locale), url: input.invitationUrl, style: 'positive' }],
    fallbackText: pick(gdapTexts.title, input.locale),
  });
}

/** The distributor channel's short notice that a customer approved. */
export function buildGdapActiveNotice(input: { readonly locale: Locale; readonly organization: string; readonly tenantId: string }): AdaptiveCard {
  const notice = gdapTexts.activeNotice(escapeCardText(input.organization), input.tenantId);
  return adaptiveCard({ body: [{ type: 'TextBlock', text: pick(notice, input.locale), wrap: true }], fallbackText: pick(notice, input.locale) });
}
