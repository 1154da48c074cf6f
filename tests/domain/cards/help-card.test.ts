import { describe, expect, it } from 'vitest';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { helpTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { buildHelpCard } from '../../../src/domain/cards/help-card.js';
import { parseChatCommand } from '../../../src/domain/chat/chat-command.js';
import type { ChatCommand } from '../../../src/domain/chat/chat-command.js';
import type { Locale, LocalizedText } from '../../../src/domain/i18n/locale.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { actionVerbs, cardNodes, cardTexts } from './card-fixtures.js';

const invitationUrl =
  'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=60d2bbc8-7aaa-466e-b72d-a90f270a72ee&msppId=2063016&indirectCSPId=50d9236d-483e-4d08-a89c-2f3bd1c6491f&DAP=true#/BillingAccounts/partner-invitation';
const DISTRIBUTOR_NAME = 'ООО «Демо Дистрибуция»';

const FIXED_TEXTS: readonly LocalizedText[] = [
  helpTexts.title,
  helpTexts.commandsTitle,
  helpTexts.orderCommand,
  helpTexts.statusCommand,
  helpTexts.helpCommand,
  helpTexts.languageNote,
  helpTexts.startOrder,
  helpTexts.showStatus,
  helpTexts.openInvitation,
];

/** Every text of the card a reader sees, button titles included. */
function visibleTexts(locale: Locale, distributorName = DISTRIBUTOR_NAME): string[] {
  const card = buildHelpCard({ locale, distributorName, invitationUrl });
  const titles = cardNodes(card).flatMap((node) => ('title' in node && typeof node.title === 'string' ? [node.title] : []));
  return [...cardTexts(card), ...titles];
}

describe.each<Locale>(['ru', 'en'])('help card (%s)', (locale) => {
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  const card = buildHelpCard({ locale, distributorName: DISTRIBUTOR_NAME, invitationUrl });

  it('is a valid Adaptive Card 1.5 within the bot message limit', () => {
    expect(card.version).toBe('1.5');
    expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
  });

  it(`speaks ${locale} only`, () => {
    const texts = visibleTexts(locale);
    for (const text of FIXED_TEXTS) {
      expect(texts).toContain(text[locale]);
      expect(texts).not.toContain(text[other]);
    }
    expect(card.fallbackText).toBe(helpTexts.title[locale]);
  });

  it('names the distributor', () => {
    expect(cardTexts(card)).toContain(helpTexts.intro(DISTRIBUTOR_NAME)[locale]);
  });

  it('offers a new order, the order list and the invitation link', () => {
    expect(actionVerbs(card)).toEqual([CardVerb.startOrder, CardVerb.showStatus]);
    expect(card.actions?.find((action) => action.type === 'Action.OpenUrl')).toMatchObject({ url: invitationUrl });
  });

  it.each<[LocalizedText, ChatCommand]>([
    [helpTexts.orderCommand, 'order'],
    [helpTexts.statusCommand, 'status'],
    [helpTexts.helpCommand, 'help'],
  ])('names a command word the bot understands: %j', (line, command) => {
    const word = /\*\*(.+?)\*\*/.exec(line[locale])?.[1];
    expect(word).toBeDefined();
    expect(parseChatCommand(word ?? '')).toBe(command);
  });
});

describe('help card escaping', () => {
  it('shows a hostile distributor name as text, not as a link or markup', () => {
    const hostile = '[Партнёр](https://evil.example) **жирный** <img src=x onerror=alert(1)>';

    const check = expectValidAdaptiveCard(buildHelpCard({ locale: 'ru', distributorName: hostile, invitationUrl }));

    expect(check.rendered.querySelector('.ac-textBlock a')).toBeNull();
    expect(check.rendered.querySelector('.ac-textBlock img')).toBeNull();
    expect(check.rendered.textContent).toContain(hostile);
  });
});
