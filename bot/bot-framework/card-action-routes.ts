import { buildActionErrorCard } from '../../src/domain/cards/action-error-card.js';
import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import { isCardVerb } from '../../src/domain/cards/card-actions.js';
import type { CardVerb } from '../../src/domain/cards/card-actions.js';
import { chatErrorTexts } from '../../src/domain/cards/chat-card-texts.js';
import type { CardActionTurn, CustomerCardAction, DistributorCardAction, DistributorDesk } from '../conversation/chat-ports.js';
import type { OnboardingConversation } from '../conversation/onboarding-conversation.js';

/**
 * Which side answers each card verb: one handler per verb, typed with the
 * action it receives, and a compile error when a verb is added without one.
 * The idea of the typed `card.action` route in github.com/microsoft/teams.ts
 * (packages/apps/src/routes/invoke), one level down: per verb instead of per
 * invoke name. A handler returns the card that replaces the one pressed.
 */
export type CardActionRoutes = {
  readonly [V in CardVerb]: (action: CardActionTurn<V>) => Promise<AdaptiveCard>;
};

/** The customer's verbs go to their conversation, the order-card verbs straight to the distributor desk. */
export function cardActionRoutes(
  conversation: Pick<OnboardingConversation, 'cardAction'>,
  desk: Pick<DistributorDesk, 'handleCardAction'>,
): CardActionRoutes {
  const customer = (action: CustomerCardAction): Promise<AdaptiveCard> => conversation.cardAction(action);
  const distributor = (action: DistributorCardAction): Promise<AdaptiveCard> => desk.handleCardAction(action);
  return {
    startOrder: customer,
    showHelp: customer,
    showStatus: customer,
    submitOrder: customer,
    reviseOrder: customer,
    stopReminders: customer,
    showCustomerAgreement: customer,
    acceptCustomerAgreement: customer,
    acceptOrder: distributor,
    requestChanges: distributor,
    completeOrder: distributor,
    refreshOrder: distributor,
  };
}

/** Hands the action to its verb's handler; a verb no card of ours carries gets the "button no longer works" card. */
export async function routeCardAction(routes: CardActionRoutes, action: CardActionTurn): Promise<AdaptiveCard> {
  const { verb } = action;
  if (!isCardVerb(verb)) return buildActionErrorCard({ locale: action.actor.locale, message: chatErrorTexts.unknownAction });
  return dispatch(routes, { ...action, verb });
}

function dispatch<V extends CardVerb>(routes: CardActionRoutes, action: CardActionTurn<V>): Promise<AdaptiveCard> {
  return routes[action.verb](action);
}
