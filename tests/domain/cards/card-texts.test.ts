import { describe, expect, it } from 'vitest';
import * as texts from '../../../src/domain/cards/card-texts.js';
import type { LocalizedText } from '../../../src/domain/i18n/locale.js';

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && 'ru' in value && 'en' in value;
}

/** Every text of the module, with templates called with a sample argument. */
function allTexts(): [string, LocalizedText][] {
  const found: [string, LocalizedText][] = [];
  for (const [groupName, group] of Object.entries(texts)) {
    if (typeof group === 'function') continue;
    for (const [name, value] of Object.entries(group as Record<string, unknown>)) {
      const text: unknown = typeof value === 'function' ? (value as (arg: unknown) => unknown)('X') : value;
      if (isLocalizedText(text)) found.push([`${groupName}.${name}`, text]);
    }
  }
  return found;
}

describe('card texts', () => {
  it('finds the texts to check', () => {
    expect(allTexts().length).toBeGreaterThan(60);
  });

  it.each(allTexts())('%s exists in Russian and English', (_name, text) => {
    expect(text.ru.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(text.ru).toMatch(/[а-яё]/i);
  });
});

describe('licenseCount', () => {
  it.each([
    [1, '1 лицензия', '1 license'],
    [2, '2 лицензии', '2 licenses'],
    [5, '5 лицензий', '5 licenses'],
    [11, '11 лицензий', '11 licenses'],
    [21, '21 лицензия', '21 licenses'],
    [24, '24 лицензии', '24 licenses'],
    [25, '25 лицензий', '25 licenses'],
  ])('agrees the noun with %i', (quantity, ru, en) => {
    expect(texts.licenseCount(quantity)).toEqual({ ru, en });
  });
});
