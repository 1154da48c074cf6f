import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, localDateTimeInTimeZone, startOfDayInTimeZone, todayInTimeZone } from '../../src/domain/calendar.js';

describe('todayInTimeZone', () => {
  const lateEveningUtc = new Date('2026-03-31T21:30:00Z');

  it('gives the date in the distributor’s zone, not in UTC', () => {
    expect(todayInTimeZone(lateEveningUtc, 'Europe/Moscow')).toBe('2026-04-01');
    expect(todayInTimeZone(lateEveningUtc, 'UTC')).toBe('2026-03-31');
    expect(todayInTimeZone(lateEveningUtc, 'America/New_York')).toBe('2026-03-31');
  });

  it('pads month and day', () => {
    expect(todayInTimeZone(new Date('2026-01-05T12:00:00Z'), 'Europe/Moscow')).toBe('2026-01-05');
  });

  it('rejects an unknown time zone', () => {
    expect(() => todayInTimeZone(lateEveningUtc, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-05-10', 1, '2026-05-11'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-05-10', 365, '2027-05-10'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('%s %+d days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses an invalid date or a fractional day count', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-05-10', 1.5)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it.each(['2026-05-10', '2028-02-29', '2026-12-31', '0050-01-01'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-05-00', '2026-5-10', '10.05.2026', ' 2026-05-10', '2026-05-10T00:00:00Z', ''])(
    'rejects %j',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});

describe('startOfDayInTimeZone and localDateTimeInTimeZone', () => {
  it('finds local midnight in a zone without DST and on both sides of a DST change', () => {
    expect(startOfDayInTimeZone('2026-12-05', 'Europe/Moscow').toISOString()).toBe('2026-12-04T21:00:00.000Z');
    expect(startOfDayInTimeZone('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayInTimeZone('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(() => startOfDayInTimeZone('2026-02-30', 'Europe/Moscow')).toThrow(RangeError);
  });

  it('shows an instant as local wall time', () => {
    expect(localDateTimeInTimeZone(new Date('2026-11-19T21:30:59Z'), 'Europe/Moscow')).toBe('2026-11-20 00:30');
    expect(localDateTimeInTimeZone(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01 14:00');
  });
});
