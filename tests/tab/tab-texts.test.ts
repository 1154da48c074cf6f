import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../src/domain/i18n/locale.js';
import { adminCenterLabels, tabTexts } from '../../src/tab/tab-texts.js';

/** Every text in the tree, with functions called on sample arguments. */
function collectTexts(node: unknown, path: string): [string, LocalizedText][] {
  if (typeof node === 'function') return collectTexts((node as (...args: unknown[]) => unknown)('Contoso', 5), path);
  if (node && typeof node === 'object') {
    if ('ru' in node && 'en' in node) return [[path, node as LocalizedText]];
    return Object.entries(node).flatMap(([key, value]) => collectTexts(value, `${path}.${key}`));
  }
  throw new Error(`${path} is not a text`);
}

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
