import { describe, expect, it } from 'vitest';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { orderStatusLabels } from '../../../src/domain/cards/card-texts.js';
import { buildCustomerStatusCard } from '../../../src/domain/cards/customer-status-card.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import type { OrderStatus } from '../../../src/domain/order/order.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { actionVerbs, cardTexts, catalog } from './card-fixtures.js';
import { ORDER_STATUSES, storedOrder } from '../../support/order-fixtures.js';

const distributorName = 'Дистрибьютор Плюс';

const SENTENCES: Readonly<Record<OrderStatus, Readonly<Record<Locale, RegExp>>>> = {
  submitted: { ru: /отправлена дистрибьютору Дистрибьютор Плюс/, en: /has been sent to Дистрибьютор Плюс/ },
  accepted: { ru: /принята в работу: дистрибьютор Дистрибьютор Плюс оформляет/, en: /has accepted the order and is processing it/ },
  changesRequested: { ru: /просит исправить заявку/, en: /asks you to make changes/ },
  completed: { ru: /лицензии действуют с 01\.12\.2026/, en: /licenses are active from 1 December 2026/ },
};

describe.each<Locale>(['ru', 'en'])('customer status card (%s)', (locale) => {
  describe.each(ORDER_STATUSES)('status %s', (status) => {
    const card = buildCustomerStatusCard({ locale, order: storedOrder({ status }), catalog, distributorName });
    const texts = cardTexts(card).join('\n');

    it('is a valid card', () => {
      expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
    });

    it('shows the order number, the status and what it means', () => {
      expect(texts).toContain('CSP-7K2M9Q');
      expect(texts).toContain(orderStatusLabels[status][locale]);
      expect(texts).toMatch(SENTENCES[status][locale]);
    });

    it('summarizes the order', () => {
      expect(texts).toContain('Microsoft 365 Business Premium');
      expect(texts).toContain(locale === 'ru' ? '25 лицензий' : '25 licenses');
      expect(texts).toContain('romashka\\.onmicrosoft\\.com');
      expect(texts).toContain('ООО «Ромашка»');
    });

    it(status === 'changesRequested' ? 'offers to revise the order' : 'has no actions', () => {
      expect(actionVerbs(card)).toEqual(status === 'changesRequested' ? [CardVerb.reviseOrder] : []);
    });
  });
});

describe('customer status card when changes are requested', () => {
  const order = storedOrder({ status: 'changesRequested' });

  it('shows the distributor comment', () => {
    const texts = cardTexts(buildCustomerStatusCard({ locale: 'ru', order, catalog, distributorName }));
    expect(texts).toContain('Комментарий: Уточните количество лицензий E3.');
  });

  it('reopens the prefilled form through reviseOrder with a Submit fallback', () => {
    const card = buildCustomerStatusCard({ locale: 'en', order, catalog, distributorName });
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: CardVerb.reviseOrder,
        data: { orderId: order.id },
        fallback: expect.objectContaining({ type: 'Action.Submit', data: { verb: CardVerb.reviseOrder, orderId: order.id } }),
      }),
    ]);
  });

  it('uses the latest change request comment', () => {
    const revised = storedOrder({
      status: 'changesRequested',
      history: [
        ...order.history,
        { status: 'submitted', at: '2026-05-02T09:00:00.000Z', revision: 2 },
        { status: 'changesRequested', at: '2026-05-02T10:00:00.000Z', comment: 'Нужен другой домен.', revision: 2 },
      ],
    });
    const texts = cardTexts(buildCustomerStatusCard({ locale: 'ru', order: revised, catalog, distributorName }));
    expect(texts).toContain('Комментарий: Нужен другой домен.');
    expect(texts.join('\n')).not.toContain('Уточните количество');
  });
});

describe('customer status card escaping', () => {
  it('escapes the distributor name and the comment', () => {
    const order = storedOrder({
      status: 'changesRequested',
      history: [
        { status: 'submitted', at: '2026-05-01T09:15:00.000Z', revision: 1 },
        { status: 'changesRequested', at: '2026-05-01T10:00:00.000Z', comment: '[Оплатить](https://evil.example)', revision: 1 },
      ],
    });
    const card = buildCustomerStatusCard({ locale: 'ru', order, catalog, distributorName: '**Партнёр**' });
    const check = expectValidAdaptiveCard(card);
    expect(check.rendered.querySelector('a, strong')).toBeNull();
    expect(check.rendered.textContent).toContain('[Оплатить](https://evil.example)');
    expect(check.rendered.textContent).toContain('**Партнёр**');
  });
});
