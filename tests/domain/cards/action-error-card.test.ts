import { describe, expect, it } from 'vitest';
import { buildActionErrorCard } from '../../../src/domain/cards/action-error-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import * as texts from '../../../src/domain/cards/distributor-card-texts.js';
import type { Locale, LocalizedText } from '../../../src/domain/i18n/locale.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { cardTexts } from './card-fixtures.js';

const order = { orderId: 'CSP-7K2M9Q4D', tenantId: '6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b', revision: 2 };

describe.each<Locale>(['ru', 'en'])('action error card (%s)', (locale) => {
  it('is a valid card that says what went wrong', () => {
    const card = buildActionErrorCard({ locale, message: texts.actionErrorTexts.commentRequired, order });

    expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
    expect(cardTexts(card)).toEqual([texts.actionErrorTexts.title[locale], texts.actionErrorTexts.commentRequired[locale]]);
    expect(card.fallbackText).toContain(texts.actionErrorTexts.commentRequired[locale]);
  });

  it('leads back to the order with a refresh action, and never refreshes by itself', () => {
    const card = buildActionErrorCard({ locale, message: texts.actionErrorTexts.tryAgain, order });

    expect(card.refresh).toBeUndefined();
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        title: texts.actionErrorTexts.backToOrder[locale],
        verb: CardVerb.refreshOrder,
        data: order,
        fallback: expect.objectContaining({ type: 'Action.Submit', data: { verb: CardVerb.refreshOrder, ...order } }),
      }),
    ]);
  });

  it('has no actions when there is no order to go back to', () => {
    const card = buildActionErrorCard({ locale, message: texts.actionErrorTexts.notDistributor });

    expect(card.actions).toBeUndefined();
    expect(() => expectValidAdaptiveCard(card)).not.toThrow();
  });
});

describe('distributor card texts', () => {
  const all: [string, LocalizedText][] = Object.entries(texts.actionErrorTexts).map(([name, value]) => [
    name,
    typeof value === 'function' ? value('CSP-7K2M9Q4D') : value,
  ]);

  it.each(all)('%s exists in Russian and English', (_name, text) => {
    expect(text.ru.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(text.ru).toMatch(/[а-яё]/i);
  });

  it('names the comment limit the card input enforces', () => {
    expect(texts.actionErrorTexts.commentTooLong.ru).toContain('1000 символов');
    expect(texts.actionErrorTexts.commentTooLong.en).toContain('1000 characters');
  });
});
