import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGES, isValidationCode } from '../../../src/domain/order/validation-messages.js';

describe('VALIDATION_MESSAGES', () => {
  it.each(Object.entries(VALIDATION_MESSAGES))('%s has a Russian and an English text', (_code, text) => {
    expect(text.ru).toMatch(/[а-яё]/i);
    expect(text.en).toMatch(/^[\x20-\x7e]+$/);
    expect(text.ru.trim()).toBe(text.ru);
    expect(text.en.trim()).toBe(text.en);
  });

  it('recognizes its own codes only', () => {
    expect(isValidationCode('inn_checksum')).toBe(true);
    expect(isValidationCode('toString')).toBe(false);
    expect(isValidationCode('Invalid input')).toBe(false);
  });
});
