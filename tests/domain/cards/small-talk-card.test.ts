import { describe, expect, it } from 'vitest';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { smallTalkTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { buildSmallTalkCard } from '../../../src/domain/cards/small-talk-card.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { actionVerbs, cardTexts } from './card-fixtures.js';

const invitationUrl = 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=60d2bbc8-7aaa-466e-b72d-a90f270a72ee#/BillingAccounts/partner-invitation';

describe.each(['ru', 'en'] as const)('small talk card (%s)', (locale) => {
  it.each(['greeting', 'thanks'] as const)('answers %s in one line with the main buttons', (kind) => {
    const card = buildSmallTalkCard({ locale, kind, invitationUrl });

    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(cardTexts(card)).toEqual([smallTalkTexts[kind][locale]]);
    expect(actionVerbs(card)).toEqual([CardVerb.startOrder, CardVerb.showStatus]);
    expect(card.actions?.find((action) => action.type === 'Action.OpenUrl')).toMatchObject({ url: invitationUrl });
  });
});
