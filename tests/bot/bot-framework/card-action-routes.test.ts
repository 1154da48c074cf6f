import { describe, expect, it } from 'vitest';
import { cardActionRoutes, routeCardAction } from '../../../bot/bot-framework/card-action-routes.js';
import type { CardActionTurn, CustomerCardAction, DistributorCardAction } from '../../../bot/conversation/chat-ports.js';
import { buildActionErrorCard } from '../../../src/domain/cards/action-error-card.js';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { chatErrorTexts } from '../../../src/domain/cards/chat-card-texts.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { cardTexts } from '../../domain/cards/card-fixtures.js';

/** Both sides record what reached them and answer with a card of their own. */
function sides() {
  const customerActions: CustomerCardAction[] = [];
  const deskActions: DistributorCardAction[] = [];
  const customerCard = buildActionErrorCard({ locale: 'ru', message: { ru: 'ответ чата', en: 'chat answer' } });
  const deskCard = buildActionErrorCard({ locale: 'ru', message: { ru: 'ответ стола', en: 'desk answer' } });
  const routes = cardActionRoutes(
    {
      cardAction: async (action) => {
        customerActions.push(action);
        return customerCard;
      },
    },
    {
      handleCardAction: async (action) => {
        deskActions.push(action);
        return deskCard;
      },
    },
  );
  return { routes, customerActions, deskActions, customerCard, deskCard };
}

function action(verb: string, locale: Locale = 'ru'): CardActionTurn {
  return {
    actor: { tenantId: 'b1c2d3e4-0000-4000-8000-000000000001', teamsUserId: '29:1staff-petrova', name: 'Петрова Анна', locale },
    conversation: { conversation: { id: '19:inbox@thread.tacv2', conversationType: 'channel' } },
    verb,
    data: { orderId: 'CSP-7K2M9Q', tenantId: 'customer', revision: 1, comment: 'Уточните ИНН' },
    via: 'submit',
    messageId: '1700000000001',
  };
}

describe('card action routes', () => {
  it.each([
    [CardVerb.acceptOrder, 'desk'],
    [CardVerb.requestChanges, 'desk'],
    [CardVerb.completeOrder, 'desk'],
    [CardVerb.refreshOrder, 'desk'],
    [CardVerb.startOrder, 'customer'],
    [CardVerb.showHelp, 'customer'],
    [CardVerb.showStatus, 'customer'],
    [CardVerb.submitOrder, 'customer'],
    [CardVerb.reviseOrder, 'customer'],
  ] as const)('hands %s to the %s side unchanged, and nothing to the other', async (verb, side) => {
    const s = sides();
    const pressed = action(verb);

    const card = await routeCardAction(s.routes, pressed);

    expect(card).toBe(side === 'desk' ? s.deskCard : s.customerCard);
    expect(s.deskActions).toEqual(side === 'desk' ? [pressed] : []);
    expect(s.customerActions).toEqual(side === 'customer' ? [pressed] : []);
  });

  it.each(['ru', 'en'] as const)('answers an unknown verb with the "button no longer works" card (%s), asking neither side', async (locale) => {
    const s = sides();

    const card: AdaptiveCard = await routeCardAction(s.routes, action('deleteEverything', locale));

    expect(cardTexts(card).join('\n')).toContain(chatErrorTexts.unknownAction[locale]);
    expect(s.customerActions).toEqual([]);
    expect(s.deskActions).toEqual([]);
  });
});
