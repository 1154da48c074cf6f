import { describe, expect, it } from 'vitest';
import { describeFieldChange } from '../../../src/domain/cards/revision-change-texts.js';
import type { FieldChange } from '../../../src/domain/order/order.js';

const exchange = { sku: 'EXCHANGESTANDARD', product: 'Exchange Online (Plan 1)' };

describe('describeFieldChange', () => {
  it.each<[string, FieldChange, string, string]>([
    ['a quantity', { field: 'line', ...exchange, before: '40', after: '45' }, 'Exchange Online (Plan 1): 40 → 45 лицензий', 'Exchange Online (Plan 1): 40 → 45 licenses'],
    ['an added line', { field: 'line', ...exchange, after: '1' }, 'Добавлено: Exchange Online (Plan 1), 1 лицензия', 'Added: Exchange Online (Plan 1), 1 license'],
    ['a removed line', { field: 'line', ...exchange, before: '3' }, 'Удалено: Exchange Online (Plan 1) (было 3 лицензии)', 'Removed: Exchange Online (Plan 1) (was 3 licenses)'],
    ['a line outside the catalog', { field: 'line', sku: 'RETIRED_SKU', after: '2' }, 'Добавлено: RETIRED_SKU, 2 лицензии', 'Added: RETIRED_SKU, 2 licenses'],
    ['the trial licenses', { field: 'trial', ...exchange, before: '25', after: '30' }, 'Пробная подписка Exchange Online (Plan 1): 25 → 30 лицензий', 'Trial Exchange Online (Plan 1): 25 → 30 licenses'],
    ['a trial picked', { field: 'trial', ...exchange, after: '25' }, 'Пробная подписка для перехода: Exchange Online (Plan 1), 25 лицензий', 'Trial to convert: Exchange Online (Plan 1), 25 licenses'],
    ['a trial dropped', { field: 'trial', ...exchange, before: '25' }, 'Пробная подписка больше не указана: Exchange Online (Plan 1) (было 25 лицензий)', 'Trial no longer given: Exchange Online (Plan 1) (was 25 licenses)'],
    ['the invitation answer', { field: 'invitationAccepted', before: 'false', after: 'true' }, 'Приглашение CSP принято: Нет → Да', 'CSP invitation accepted: No → Yes'],
    ['the subscription kind', { field: 'subscriptionKind', before: 'new', after: 'trialConversion' }, 'Новая подписка или переход с пробной версии: Новая подписка → Переход с пробной версии', 'New subscription or trial conversion: New subscription → Conversion from a trial'],
    ['the activation date', { field: 'activationDate', before: '2026-12-01', after: '2026-12-15' }, 'Дата активации: 01.12.2026 → 15.12.2026', 'Activation date: 1 December 2026 → 15 December 2026'],
    ['the INN', { field: 'inn', before: '0012345673', after: '7707083893' }, 'ИНН: 0012345673 → 7707083893', 'INN: 0012345673 → 7707083893'],
    ['the e-mail', { field: 'contactEmail', before: 'it@romashka.ru', after: 'maria@пример.рф' }, 'Эл. почта: it@romashka.ru → maria@пример.рф', 'E-mail: it@romashka.ru → maria@пример.рф'],
    ['an emptied value', { field: 'organizationName', before: 'ООО «Ромашка»', after: '' }, 'Организация: ООО «Ромашка» → (пусто)', 'Organization: ООО «Ромашка» → (empty)'],
  ])('words %s in Russian and English', (_what, change, ru, en) => {
    expect(describeFieldChange(change)).toEqual({ ru, en });
  });
});
