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

  it("formats timestamps in the distributor's time zone, naming it", () => {
    expect(formatCardTimestamp('2026-05-01T21:30:00.000Z', 'ru', 'Europe/Moscow')).toBe('02.05.2026 00:30 (Europe/Moscow)');
    expect(formatCardTimestamp('2026-05-01T21:30:00.000Z', 'en', 'Asia/Vladivostok')).toBe('2 May 2026, 07:30 (Asia/Vladivostok)');
    // A zone with summer time follows it; UTC stays "UTC".
    expect(formatCardTimestamp('2026-07-01T12:00:00.000Z', 'en', 'Europe/Berlin')).toBe('1 July 2026, 14:00 (Europe/Berlin)');
    expect(formatCardTimestamp('2026-01-01T12:00:00.000Z', 'en', 'Europe/Berlin')).toBe('1 January 2026, 13:00 (Europe/Berlin)');
    expect(formatCardTimestamp('2026-05-01T09:15:00.000Z', 'ru', 'UTC')).toBe('01.05.2026 09:15 UTC');
    expect(formatCardTimestamp('2026-05-01T21:00:00.000Z', 'ru', 'Europe/Moscow')).toBe('02.05.2026 00:00 (Europe/Moscow)');
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
