import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../../src/tab/components/format-date.js';

describe('tab dates', () => {
  it('shows a Russian date as дд.мм.гггг and an English one in words', () => {
    expect(formatDate('2026-12-01', 'ru')).toBe('01.12.2026');
    expect(formatDate('2026-12-01', 'en')).toBe('1 December 2026');
  });

  it("shows a moment in the distributor's time zone and names the zone", () => {
    expect(formatDateTime('2026-11-24T11:05:00Z', 'ru', 'Europe/Moscow')).toBe('24.11.2026, 14:05 (Москва)');
    expect(formatDateTime('2026-11-24T11:05:00Z', 'en', 'Asia/Yekaterinburg')).toMatch(/^24 Nov 2026, 16:05 \(.+\)$/);
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatDate('soon', 'ru')).toBe('soon');
    expect(formatDateTime('soon', 'en', 'Europe/Moscow')).toBe('soon');
  });
});
