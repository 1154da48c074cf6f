import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, Container } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { orderStatusLabels } from '../../../src/domain/cards/card-texts.js';
import { orderListTexts } from '../../../src/domain/cards/chat-card-texts.js';
import { buildOrderListCard } from '../../../src/domain/cards/order-list-card.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { actionVerbs, cardTexts } from './card-fixtures.js';
import { ORDER_STATUSES, storedOrder } from '../../support/order-fixtures.js';

/** `count` orders, newest first, with distinct ids. */
function orders(count: number, overrides: Partial<StoredOrder> = {}): StoredOrder[] {
  return Array.from({ length: count }, (_, index) => storedOrder({ id: `CSP-ORDER${String(index + 1).padStart(2, '0')}`, ...overrides }));
}

/** The containers that each show one order. */
function orderRows(card: AdaptiveCard): Container[] {
  return card.body.filter((element): element is Container => element.type === 'Container');
}

function text(card: AdaptiveCard): string {
  return cardTexts(card).join('\n');
}

describe.each<Locale>(['ru', 'en'])('order list card (%s)', (locale) => {
  const other: Locale = locale === 'ru' ? 'en' : 'ru';

  it('says there are no orders yet and offers to start one', () => {
    const card = buildOrderListCard({ locale, orders: [] });

    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(cardTexts(card)).toEqual([orderListTexts.title[locale], orderListTexts.empty[locale]]);
    expect(orderRows(card)).toEqual([]);
    expect(actionVerbs(card)).toEqual([CardVerb.startOrder]);
    expect(card.actions?.[0]?.title).toBe(orderListTexts.startOrder[locale]);
  });

  it('shows each order with its number, status, organization, licenses and activation date', () => {
    const card = buildOrderListCard({
      locale,
      orders: ORDER_STATUSES.map((status, index) => storedOrder({ id: `CSP-${index}STATUS`, status })),
    });

    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(orderRows(card)).toHaveLength(ORDER_STATUSES.length);
    const all = text(card);
    ORDER_STATUSES.forEach((status, index) => {
      expect(all).toContain(`CSP-${index}STATUS`);
      expect(all).toContain(orderStatusLabels[status][locale]);
      expect(all).not.toContain(orderStatusLabels[status][other]);
    });
    // 25 + 1 licenses on 1 December 2026.
    expect(all).toContain(locale === 'ru' ? 'ООО «Ромашка» · 26 лицензий · 01.12.2026' : 'ООО «Ромашка» · 26 licenses · 1 December 2026');
    expect(all).not.toContain(orderListTexts.empty[locale]);
  });

  it('notes the revision of a resubmitted order only', () => {
    const card = buildOrderListCard({ locale, orders: [storedOrder({ id: 'CSP-REV2', revision: 2 }), storedOrder({ id: 'CSP-REV1' })] });

    const [revised, first] = orderRows(card).map((row) => cardTexts({ ...card, body: [row] }).join(' '));
    expect(revised).toContain(orderListTexts.revision(2)[locale]);
    expect(first).not.toContain(orderListTexts.revision(1)[locale]);
  });

  it('shows the newest 10 and says there are more', () => {
    const all = orders(12);

    const card = buildOrderListCard({ locale, orders: all });

    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(orderRows(card)).toHaveLength(10);
    expect(text(card)).toContain('CSP-ORDER10');
    expect(text(card)).not.toContain('CSP-ORDER11');
    expect(cardTexts(card).at(-1)).toBe(orderListTexts.more(10)[locale]);
  });

  it('has no "more" note when every order fits', () => {
    const card = buildOrderListCard({ locale, orders: orders(10) });

    expect(orderRows(card)).toHaveLength(10);
    expect(text(card)).not.toContain(orderListTexts.more(10)[locale]);
  });
});

describe('order list card texts', () => {
  it('points to the tab by its name in the app manifest', () => {
    expect(orderListTexts.more(10)).toEqual({
      ru: 'Показаны последние 10; все заявки — во вкладке «Подключение».',
      en: 'Showing the latest 10; all orders are in the Onboarding tab.',
    });
  });

  it('honours a smaller limit', () => {
    const card = buildOrderListCard({ locale: 'en', orders: orders(5), limit: 3 });

    expect(orderRows(card)).toHaveLength(3);
    expect(cardTexts(card).at(-1)).toBe(orderListTexts.more(3).en);
  });
});

describe('order list card escaping and size', () => {
  it('shows a hostile organization name as text, not as a link or markup', () => {
    const hostile = '[Жми](https://evil.example) **жирный** <img src=x onerror=alert(1)> _курсив_ www.evil.example';

    const check = expectValidAdaptiveCard(buildOrderListCard({ locale: 'ru', orders: [storedOrder({ organization: { ...storedOrder().organization, name: hostile } })] }));

    for (const selector of ['a', 'img', 'strong', 'em']) {
      expect(check.rendered.querySelector(`.ac-textBlock ${selector}`)).toBeNull();
    }
    expect(check.rendered.textContent).toContain(hostile);
  });

  it('stays within the bot message limit with ten orders of the longest organization names', () => {
    const longest = 'Общество с ограниченной ответственностью «Ромашка» '.repeat(10).slice(0, 300);

    const card = buildOrderListCard({ locale: 'ru', orders: orders(25, { organization: { ...storedOrder().organization, name: longest }, revision: 12 }) });

    expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
  });
});
