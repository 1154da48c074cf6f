import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, CardAction, CardElement, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { escapeCardText } from './card-text.js';
import { invitationPageTexts } from '../invitation/invitation-page-texts.js';
import { welcomeTexts } from './card-texts.js';

export interface WelcomeCardInput {
  readonly locale: Locale;
  readonly distributorName: string;
  readonly invitationUrl: string;
  /** The invitation asks for delegated admin (DAP): said plainly, since it gives the partner Global Administrator. */
  readonly invitationDelegatedAdmin?: boolean;
  /** A GDAP approval link: a second, separate step with its own button. */
  readonly gdapApprovalUrl?: string;
}

/** The distributor's instruction, as today's invitation page asks for it, with the next actions. */
export function buildWelcomeCard({
  locale,
  distributorName,
  invitationUrl,
  invitationDelegatedAdmin = false,
  gdapApprovalUrl,
}: WelcomeCardInput): AdaptiveCard {
  const text = (value: LocalizedText, extra: Partial<TextBlock> = {}): TextBlock => ({
    type: 'TextBlock',
    text: pick(value, locale),
    wrap: true,
    ...extra,
  });
  const sectionTitle = (value: LocalizedText): TextBlock =>
    text(value, { weight: 'bolder', spacing: 'medium' });
  const title = welcomeTexts.title(escapeCardText(distributorName));
  const withGdap = gdapApprovalUrl !== undefined;
  const openUrl = (label: LocalizedText, url: string): CardAction => ({ type: 'Action.OpenUrl', title: pick(label, locale), url });
  // The GDAP step is its own container with its own button, so it never reads as part of step 1.
  const gdapStep: CardElement[] = withGdap
    ? [
        {
          type: 'Container',
          style: 'emphasis',
          spacing: 'medium',
          items: [
            sectionTitle(welcomeTexts.gdapTitle),
            text(invitationPageTexts.gdapRequest(escapeCardText(distributorName))),
            { type: 'ActionSet', actions: [openUrl(invitationPageTexts.approveGdap, gdapApprovalUrl)] },
          ],
        },
      ]
    : [];

  return adaptiveCard({
    // Plain text for notifications: not markdown, so not escaped.
    fallbackText: pick(welcomeTexts.title(distributorName), locale),
    body: [
      text(title, { size: 'medium', weight: 'bolder', style: 'heading' }),
      text(withGdap ? welcomeTexts.introWithGdap : welcomeTexts.intro),
      sectionTitle(welcomeTexts.step1Title),
      text(welcomeTexts.step1SignIn),
      text(invitationPageTexts.agreement),
      text(invitationDelegatedAdmin ? invitationPageTexts.delegatedAdmin : invitationPageTexts.noAdminRights),
      text(welcomeTexts.step1OlderPage, { isSubtle: true }),
      text(invitationPageTexts.revocable, { isSubtle: true }),
      { type: 'ActionSet', actions: [openUrl(welcomeTexts.openInvitation, invitationUrl)] },
      ...gdapStep,
      sectionTitle(welcomeTexts.orderTitle(withGdap ? 3 : 2)),
      text(welcomeTexts.orderText),
      sectionTitle(welcomeTexts.domainTitle),
      text(welcomeTexts.domainText),
    ],
    actions: [
      executeAction({
        title: pick(welcomeTexts.startOrder, locale),
        verb: CardVerb.startOrder,
        style: 'positive',
      }),
      executeAction({ title: pick(welcomeTexts.help, locale), verb: CardVerb.showHelp }),
    ],
  });
}
