import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { actionErrorTexts } from './distributor-card-texts.js';

/** The order a distributor card was about, as its action data names it. */
export interface OrderCardReference {
  readonly orderId: string;
  /** The customer's tenant. */
  readonly tenantId: string;
  readonly revision: number;
}

export interface ActionErrorCardInput {
  readonly locale: Locale;
  /** Why nothing happened; markdown source, so user text in it must be escaped. */
  readonly message: LocalizedText;
  /** Adds a button that brings back the order's current card (for errors the actor can fix or retry). */
  readonly order?: OrderCardReference;
}

/**
 * What the person who pressed a button on a distributor card sees instead of
 * the order when the action was refused or failed. It has no `refresh`, or
 * Teams would replace it at once and the reason would never be read; the
 * message itself stays as it was for everyone else.
 */
export function buildActionErrorCard({ locale, message, order }: ActionErrorCardInput): AdaptiveCard {
  const title = pick(actionErrorTexts.title, locale);
  const reason = pick(message, locale);
  return adaptiveCard({
    fallbackText: `${title}: ${reason}`,
    body: [
      { type: 'TextBlock', text: title, weight: 'bolder', color: 'attention', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: reason, wrap: true },
    ],
    ...(order
      ? {
          actions: [
            executeAction({
              title: pick(actionErrorTexts.backToOrder, locale),
              verb: CardVerb.refreshOrder,
              data: { orderId: order.orderId, tenantId: order.tenantId, revision: order.revision },
              associatedInputs: 'none',
            }),
          ],
        }
      : {}),
  });
}
