import { describe, expect, it } from 'vitest';
import { localeFromTag, pick } from '../../../src/domain/i18n/locale.js';

describe('localeFromTag', () => {
  it.each([
    ['ru-RU', 'ru'],
    ['ru', 'ru'],
    [' RU-ru ', 'ru'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['uk-UA', 'en'],
  ])('maps %j to %s', (tag, locale) => {
    expect(localeFromTag(tag)).toBe(locale);
  });

  it('speaks Russian when the client states no locale', () => {
    expect(localeFromTag(undefined)).toBe('ru');
    expect(localeFromTag(null)).toBe('ru');
    expect(localeFromTag('  ')).toBe('ru');
  });
});

describe('pick', () => {
  it('returns the text in the requested language', () => {
    expect(pick({ ru: 'Заявка', en: 'Order' }, 'ru')).toBe('Заявка');
    expect(pick({ ru: 'Заявка', en: 'Order' }, 'en')).toBe('Order');
  });
});
