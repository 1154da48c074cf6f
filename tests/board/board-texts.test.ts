import { describe, expect, it } from 'vitest';
import { boardTexts } from '../../src/board/board-texts.js';
import { collectTexts } from '../support/bilingual-texts.js';

describe('boardTexts', () => {
  const texts = collectTexts(boardTexts, 'boardTexts');

  it('has texts to check', () => {
    expect(texts.length).toBeGreaterThan(40);
  });

  // skuPartNumber and skuId are Microsoft's field names, the same in both languages.
  it.each(texts.filter(([path]) => !/\.sku(PartNumber|Id)$|\.history\.empty$/.test(path)))('%s exists in Russian and English', (_path, text) => {
    expect(text.ru.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(text.ru).toMatch(/[а-яё]/i);
    expect(text.en).not.toBe(text.ru);
  });
});
