import { describe, expect, it } from 'vitest';
import { fieldChangeCells } from '../../src/board/field-change-cells.js';

describe('fieldChangeCells', () => {
  it('names a line by its product and SKU, and counts licenses with their noun', () => {
    expect(fieldChangeCells({ field: 'line', sku: 'EXCHANGESTANDARD', product: 'Exchange Online (Plan 1)', before: '40', after: '45' }, 'ru')).toEqual({
      label: 'Exchange Online (Plan 1) (EXCHANGESTANDARD)',
      before: '40 лицензий',
      after: '45 лицензий',
    });
    expect(fieldChangeCells({ field: 'line', sku: 'SPB', product: 'Microsoft 365 Business Premium', after: '1' }, 'en')).toEqual({
      label: 'Microsoft 365 Business Premium (SPB)',
      before: undefined,
      after: '1 license',
    });
  });

  it('words dates, yes/no and the subscription kind, and names the field as the channel card does', () => {
    expect(fieldChangeCells({ field: 'activationDate', before: '2026-12-01', after: '2026-12-05' }, 'ru')).toEqual({
      label: 'Дата активации',
      before: '01.12.2026',
      after: '05.12.2026',
    });
    expect(fieldChangeCells({ field: 'invitationAccepted', before: 'false', after: 'true' }, 'en')).toMatchObject({ before: 'No', after: 'Yes' });
    expect(fieldChangeCells({ field: 'subscriptionKind', before: 'new', after: 'trialConversion' }, 'ru')).toMatchObject({
      before: 'Новая подписка',
      after: 'Переход с пробной версии',
    });
    expect(fieldChangeCells({ field: 'trial', sku: 'SPB', product: 'Microsoft 365 Business Premium', before: '10', after: '25' }, 'ru')).toEqual({
      label: 'Пробная подписка: Microsoft 365 Business Premium',
      before: '10 лицензий',
      after: '25 лицензий',
    });
    expect(fieldChangeCells({ field: 'contactEmail', before: 'a@пример.рф', after: 'b@пример.рф' }, 'ru')).toEqual({
      label: 'Эл. почта',
      before: 'a@пример.рф',
      after: 'b@пример.рф',
    });
  });
});
