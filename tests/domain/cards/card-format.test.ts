import { describe, expect, it } from 'vitest';
import { formatCardDate, formatCardInteger, formatCardTimestamp } from '../../../src/domain/cards/card-format.js';

describe('card date formats', () => {
  it('formats ISO dates the Russian and the English way', () => {
    expect(formatCardDate('2026-12-01', 'ru')).toBe('01.12.2026');
    expect(formatCardDate('2026-12-01', 'en')).toBe('1 December 2026');
  });

  it('formats timestamps in UTC', () => {
    expect(formatCardTimestamp('2026-05-01T09:15:42.123Z', 'ru')).toBe('01.05.2026 09:15 UTC');
    expect(formatCardTimestamp('2026-05-01T23:30:00+03:00', 'en')).toBe('1 May 2026, 20:30 UTC');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatCardDate('soon', 'ru')).toBe('soon');
    expect(formatCardTimestamp('yesterday', 'en')).toBe('yesterday');
  });
});

describe('formatCardInteger', () => {
  it('groups thousands', () => {
    expect(formatCardInteger(100_000, 'ru')).toBe('100\u00a0000');
    expect(formatCardInteger(1_234_567, 'en')).toBe('1,234,567');
    expect(formatCardInteger(999, 'en')).toBe('999');
  });
});
