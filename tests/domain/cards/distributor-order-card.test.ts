import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, TextInput } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { orderStatusLabels } from '../../../src/domain/cards/card-texts.js';
import {
  CHANGES_COMMENT_INPUT_ID,
  buildDistributorOrderCard,
} from '../../../src/domain/cards/distributor-order-card.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import type { FieldChange, OrderStatus, StatusChange } from '../../../src/domain/order/order.js';
import { MAX_CHANGE_VALUE_LENGTH, MAX_FIELD_CHANGES } from '../../../src/domain/order/revision-changes.js';
import {
  BOT_MESSAGE_MAX_BYTES,
  WEBHOOK_CARD_MAX_BYTES,
  expectValidAdaptiveCard,
} from '../../support/adaptive-card-validator.js';
import { actionVerbs, cardNodes, cardTexts, catalog } from './card-fixtures.js';
import { ORDER_STATUSES, resubmittedOrder, storedOrder } from '../../support/order-fixtures.js';

const ACTION_VERBS_BY_STATUS: Readonly<Record<OrderStatus, readonly string[]>> = {
  submitted: [CardVerb.acceptOrder, CardVerb.requestChanges],
  accepted: [CardVerb.completeOrder, CardVerb.requestChanges],
  changesRequested: [],
  completed: [],
};

function submitOrExecuteCount(card: AdaptiveCard): number {
  return cardNodes(card).filter((node) => node.type === 'Action.Execute' || node.type === 'Action.Submit').length;
}

describe.each<Locale>(['ru', 'en'])('distributor order card (%s)', (locale) => {
  describe.each(ORDER_STATUSES)('status %s', (status) => {
    const order = storedOrder({ status });

    it('with universal actions is valid and offers only the transitions of the status', () => {
      const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale, order, catalog, actions: 'universal' });
      expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
      expect(actionVerbs(card)).toEqual(ACTION_VERBS_BY_STATUS[status]);
      for (const node of cardNodes(card)) {
        if (node.type === 'Action.Execute') {
          expect(node.data).toEqual({ orderId: order.id, tenantId: order.tenantId, revision: order.revision });
          expect(node.fallback).toMatchObject({ type: 'Action.Submit', data: { verb: node.verb, orderId: order.id } });
        }
      }
      expect(card.refresh).toEqual({
        action: {
          type: 'Action.Execute',
          verb: CardVerb.refreshOrder,
          data: { orderId: order.id, tenantId: order.tenantId, revision: order.revision },
        },
      });
    });

    it('for a webhook has no Submit/Execute actions, no refresh and stays under 28 KB', () => {
      const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale, order, catalog, actions: 'none' });
      const check = expectValidAdaptiveCard(card, { maxBytes: WEBHOOK_CARD_MAX_BYTES });
      expect(check.bytes).toBeLessThan(WEBHOOK_CARD_MAX_BYTES);
      expect(submitOrExecuteCount(card)).toBe(0);
      expect(card.actions).toBeUndefined();
      expect(card.refresh).toBeUndefined();
    });

    it('shows the order number, status, revision and history', () => {
      const texts = cardTexts(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale, order, catalog, actions: 'none' })).join('\n');
      expect(texts).toContain('CSP-7K2M9Q');
      expect(texts).toContain(orderStatusLabels[status][locale]);
      for (const change of order.history) {
        expect(texts).toContain(orderStatusLabels[change.status][locale]);
        if (change.by) expect(texts).toContain(change.by);
      }
    });
  });

  it('shows every field of the order', () => {
    const order = storedOrder();
    const texts = cardTexts(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale, order, catalog, actions: 'universal' })).join('\n');
    for (const expected of [
      'romashka\\.onmicrosoft\\.com',
      'Microsoft 365 Business Premium',
      '(SPB)',
      'Office 365 E3',
      '(ENTERPRISEPACK)',
      locale === 'ru' ? '25 лицензий' : '25 licenses',
      locale === 'ru' ? '1 лицензия' : '1 license',
      locale === 'ru' ? '01.12.2026' : '1 December 2026',
      locale === 'ru' ? 'Новая подписка' : 'New subscription',
      'ООО «Ромашка»',
      '0012345673',
      '101000, Москва, ул. Мясницкая, д. 1',
      'Иванов Иван Иванович',
      '+7 495 123 45 67',
      'it@romashka\\.ru',
      locale === 'ru' ? '01.05.2026 12:15 (Europe/Moscow)' : '1 May 2026, 12:15 (Europe/Moscow)',
      order.tenantId,
    ]) {
      expect(texts).toContain(expected);
    }
  });
});

describe('distributor order card actions', () => {
  it('asks for a required comment before requesting changes', () => {
    const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order: storedOrder(), catalog, actions: 'universal' });
    const showCard = card.actions?.find((action) => action.type === 'Action.ShowCard');
    if (showCard?.type !== 'Action.ShowCard') throw new Error('no ShowCard');
    const comment = showCard.card.body.find((element): element is TextInput => element.type === 'Input.Text');
    expect(comment).toMatchObject({ id: CHANGES_COMMENT_INPUT_ID, isRequired: true, isMultiline: true });
    expect(comment?.label).toBeTruthy();
    expect(comment?.errorMessage).toBeTruthy();
    expect(showCard.card.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: CardVerb.requestChanges })]);
  });

  it('says it waits for the customer while changes are requested', () => {
    const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order: storedOrder({ status: 'changesRequested' }), catalog, actions: 'universal' });
    expect(cardTexts(card)).toContain('Ждём исправленную заявку от клиента.');
  });

  it('lists the refresh users, at most 60', () => {
    const userIds = Array.from({ length: 70 }, (_, index) => `29:user-${index}`);
    const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'en', order: storedOrder(), catalog, actions: 'universal', refreshUserIds: userIds });
    expect(card.refresh?.userIds).toEqual(userIds.slice(0, 60));
    const few = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'en', order: storedOrder(), catalog, actions: 'universal', refreshUserIds: ['29:a'] });
    expect(few.refresh?.userIds).toEqual(['29:a']);
    expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
  });

  it('never refreshes or acts on a webhook card, even when refresh users are given', () => {
    const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'en', order: storedOrder(), catalog, actions: 'none', refreshUserIds: ['29:a'] });
    expect(card.refresh).toBeUndefined();
    expect(submitOrExecuteCount(card)).toBe(0);
  });
});

describe('distributor order card escaping', () => {
  const hostileName = '**Взлом** [нажмите](https://evil.example) <at>all</at>';
  const order = storedOrder({
    status: 'changesRequested',
    organization: { ...storedOrder().organization, name: hostileName },
    contact: { fullName: '# Admin', phone: '+74951234567', email: 'x@evil.example' },
    history: [
      { status: 'submitted', at: '2026-05-01T09:15:00.000Z', by: '_Иванов_', revision: 1 },
      { status: 'changesRequested', at: '2026-05-01T10:00:00.000Z', by: 'Петрова', comment: '1. см. https://evil.example', revision: 1 },
    ],
  });

  it.each<'universal' | 'none'>(['universal', 'none'])('shows a hostile organization name as typed, not as markdown (%s)', (actions) => {
    const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order, catalog, actions });
    const check = expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(check.rendered.textContent).toContain(hostileName);
    expect(check.rendered.querySelector('.ac-container a, strong, em, h1, ol, ul, at')).toBeNull();
    expect(cardTexts(card)).toContain('\\*\\*Взлом\\*\\* \\[нажмите\\]\\(https\\://evil\\.example\\) \\<at\\>all\\</at\\>');
  });

  it('escapes the history author and comment', () => {
    const texts = cardTexts(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order, catalog, actions: 'none' })).join('\n');
    expect(texts).toContain('\\_Иванов\\_');
    expect(texts).toContain('Комментарий: 1\\. см. https\\://evil\\.example');
  });
});

describe('distributor order card size', () => {
  const long = (length: number): string => '*[Я]'.repeat(Math.ceil(length / 4)).slice(0, length);
  const longHistory: StatusChange[] = Array.from({ length: 60 }, (_, index) => ({
    status: index % 2 === 0 ? 'submitted' : 'changesRequested',
    at: `2026-05-01T10:${String(index % 60).padStart(2, '0')}:00.000Z`,
    by: long(200),
    comment: long(1000),
    revision: Math.floor(index / 2) + 1,
  }));
  const order = storedOrder({
    status: 'changesRequested',
    revision: 30,
    lines: catalog.slice(0, 20).map((item) => ({ sku: item.sku, quantity: 100_000 })),
    organization: {
      name: long(300),
      inn: '500100732259',
      address: { postalCode: '101000', city: long(200), street: long(200) },
    },
    contact: { fullName: long(200), phone: '+74951234567', email: `${'a'.repeat(180)}@example.com` },
    history: longHistory,
  });

  it.each<'universal' | 'none'>(['universal', 'none'])(
    'keeps an order with the longest fields and a long history under 28 KB by showing the latest entries (%s)',
    (actions) => {
      const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order, catalog, actions });
      const check = expectValidAdaptiveCard(card, { maxBytes: WEBHOOK_CARD_MAX_BYTES });
      expect(check.bytes).toBeLessThan(WEBHOOK_CARD_MAX_BYTES);
      const texts = cardTexts(card);
      expect(texts.some((text) => text.startsWith('Более ранних записей не показано:'))).toBe(true);
      // The newest entry (10:59) is kept, the oldest (10:00) is dropped.
      expect(texts.some((text) => text.startsWith('01.05.2026 13:59 (Europe/Moscow)'))).toBe(true);
      expect(texts.some((text) => text.startsWith('01.05.2026 13:00 (Europe/Moscow)'))).toBe(false);
    },
  );

  it('shows the whole history when it fits', () => {
    const texts = cardTexts(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order: storedOrder({ status: 'completed' }), catalog, actions: 'none' }));
    expect(texts.some((text) => text.startsWith('Более ранних записей'))).toBe(false);
    expect(texts.filter((text) => / \(Europe\/Moscow\) · /.test(text))).toHaveLength(3);
  });
});

describe('distributor order card: a trial conversion', () => {
  it('names the trial to convert, so staff convert that very subscription', () => {
    const order = storedOrder({ subscriptionKind: 'trialConversion', trial: { sku: 'SPB', licenses: 25, endsOn: '2026-12-13' } });
    const card = buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order, catalog, actions: 'universal' });
    const facts = cardNodes(card).flatMap((node) => (node.type === 'FactSet' ? node.facts : []));
    expect(facts).toContainEqual({ title: 'Пробная подписка', value: 'Microsoft 365 Business Premium \\(SPB\\), 25 лицензий, действует до 13\\.12\\.2026' });
  });
});

describe('distributor order card: for the people who read the channel', () => {
  const resubmitted = resubmittedOrder();
  const link = 'https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000001/board?label=CSP-7K2M9Q';

  function texts(locale: Locale, order = resubmitted): string[] {
    return cardTexts(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale, order, catalog, actions: 'universal', boardLink: link }));
  }

  it('is titled with the organization, its INN and the first line, other lines counted', () => {
    expect(texts('ru')[0]).toBe('ООО «Ромашка», ИНН 7707083893 — 25 × Microsoft 365 Business Standard');
    expect(texts('en', storedOrder())[0]).toBe('ООО «Ромашка», INN 0012345673 — 25 × Microsoft 365 Business Premium +1');
    const card = buildDistributorOrderCard({ timeZone: 'UTC', locale: 'ru', order: resubmitted, catalog, actions: 'none' });
    expect(card.fallbackText).toBe('ООО «Ромашка», ИНН 7707083893 — 25 × Microsoft 365 Business Standard');
  });

  it("shows the customer's e-mail in Unicode even when it was stored in punycode", () => {
    expect(texts('ru')).toContain('maria@пример\\.рф');
    expect(texts('ru').join('\n')).not.toContain('xn--');
  });

  it('says what this revision changed, field by field', () => {
    const ru = texts('ru');
    expect(ru).toContain('Изменения по сравнению с редакцией 1');
    expect(ru).toContain('• Exchange Online \\(Plan 1\\): 40 → 45 лицензий');
    expect(ru).toContain('• Дата активации: 01\\.12\\.2026 → 15\\.12\\.2026');
    expect(texts('en')).toContain('• Exchange Online \\(Plan 1\\): 40 → 45 licenses');
    expect(texts('ru', storedOrder()).some((text) => text.startsWith('Изменения'))).toBe(false);
  });

  it('shows the tenant id and the evidence level at submission', () => {
    const facts = cardNodes(buildDistributorOrderCard({ timeZone: 'UTC', locale: 'ru', order: resubmitted, catalog, actions: 'none' }))
      .flatMap((node) => (node.type === 'FactSet' ? node.facts : []));
    expect(facts).toContainEqual({ title: 'ID клиента в Microsoft Entra (tenant ID)', value: resubmitted.tenantId });
    expect(facts).toContainEqual({ title: 'Связь с партнёром при отправке', value: 'Найдены признаки в организации клиента' });
    const unknown = cardTexts(buildDistributorOrderCard({ timeZone: 'UTC', locale: 'en', order: { ...resubmitted, evidenceAtSubmission: null }, catalog, actions: 'none' }));
    expect(unknown).toContain('Unknown: not checked');
  });

  it('gives every time in the distributor time zone, the zone named', () => {
    const ru = texts('ru').join('\n');
    expect(ru).toContain('03.05.2026 00:30 (Europe/Moscow) · Отправлена');
    expect(ru).not.toContain('UTC');
    expect(texts('en').join('\n')).toContain('3 May 2026, 00:30 (Europe/Moscow)');
  });

  it('cuts the list of changes last, saying how many more there are, to stay under 28 KB', () => {
    const value = 'Я'.repeat(MAX_CHANGE_VALUE_LENGTH);
    const changes = Array.from({ length: MAX_FIELD_CHANGES }, (): FieldChange => ({ field: 'address', before: value, after: value }));
    const order = resubmittedOrder({ history: [{ status: 'submitted', at: '2026-05-02T21:30:00.000Z', revision: 2, changes }] });
    const card = buildDistributorOrderCard({ timeZone: 'UTC', locale: 'ru', order, catalog, actions: 'none' });
    expect(expectValidAdaptiveCard(card, { maxBytes: WEBHOOK_CARD_MAX_BYTES }).bytes).toBeLessThan(WEBHOOK_CARD_MAX_BYTES);
    const more = cardTexts(card).find((text) => text.startsWith('Ещё изменений:'));
    const shown = cardTexts(card).filter((text) => text.startsWith('• Адрес:')).length;
    expect(shown).toBeGreaterThan(0);
    expect(more).toBe(`Ещё изменений: ${MAX_FIELD_CHANGES - shown} — они в письме и в панели заявок.`);
  });

  it.each<'universal' | 'none'>(['universal', 'none'])('opens the order on the board from a button (%s)', (actions) => {
    const card = buildDistributorOrderCard({ timeZone: 'UTC', locale: 'ru', order: resubmitted, catalog, actions, boardLink: link });
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Открыть в панели заявок', url: link });
    expect(() => expectValidAdaptiveCard(card, { maxBytes: WEBHOOK_CARD_MAX_BYTES })).not.toThrow();
  });
});
