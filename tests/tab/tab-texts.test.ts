import { describe, expect, it } from 'vitest';
import { adminCenterLabels, tabTexts } from '../../src/tab/tab-texts.js';
import { collectTexts } from '../support/bilingual-texts.js';

describe('tabTexts', () => {
  const texts = collectTexts(tabTexts, 'tabTexts');

  it('has texts to check', () => {
    expect(texts.length).toBeGreaterThan(20);
  });

  it.each(texts)('%s exists in Russian and English', (_path, text) => {
    expect(text.ru.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(text.ru).toMatch(/[а-яё]/i);
    expect(text.en).not.toBe(text.ru);
  });

  it('quotes the admin center labels verbatim, as the distributor instruction does', () => {
    expect(adminCenterLabels.consent).toBe(
      'Да, я понимаю условия делегированного администрирования и имею право принимать их от имени своей организации',
    );
    expect(adminCenterLabels.authorize).toBe('Авторизация торгового посредника');
  });
});
