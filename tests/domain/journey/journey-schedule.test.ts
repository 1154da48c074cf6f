import { describe, expect, it } from 'vitest';
import { dueDigestDate, isQuietTime, isWorkingDay, newCustomersSince, reminderDue } from '../../../src/domain/journey/journey-schedule.js';

const MOSCOW = 'Europe/Moscow';

describe('journey schedule (Moscow is UTC+3)', () => {
  it('is quiet from 20:00 to 09:00 local time', () => {
    expect(isQuietTime(new Date('2026-12-04T05:59:00Z'), MOSCOW)).toBe(true); // 08:59
    expect(isQuietTime(new Date('2026-12-04T06:00:00Z'), MOSCOW)).toBe(false); // 09:00
    expect(isQuietTime(new Date('2026-12-04T16:59:00Z'), MOSCOW)).toBe(false); // 19:59
    expect(isQuietTime(new Date('2026-12-04T17:00:00Z'), MOSCOW)).toBe(true); // 20:00
    expect(isQuietTime(new Date('2026-12-04T21:00:00Z'), MOSCOW)).toBe(true); // 00:00
  });

  it('counts Monday to Friday as working days in the zone, not in UTC', () => {
    expect(isWorkingDay(new Date('2026-12-04T12:00:00Z'), MOSCOW)).toBe(true); // Friday
    expect(isWorkingDay(new Date('2026-12-05T12:00:00Z'), MOSCOW)).toBe(false); // Saturday
    // Sunday 22:00 UTC is Monday 01:00 in Moscow.
    expect(isWorkingDay(new Date('2026-12-06T22:00:00Z'), MOSCOW)).toBe(true);
  });

  it('makes the digest due from 09:00 on working days only', () => {
    expect(dueDigestDate(new Date('2026-12-07T05:59:00Z'), MOSCOW)).toBeUndefined(); // Monday 08:59
    expect(dueDigestDate(new Date('2026-12-07T06:00:00Z'), MOSCOW)).toBe('2026-12-07');
    expect(dueDigestDate(new Date('2026-12-07T15:00:00Z'), MOSCOW)).toBe('2026-12-07');
    expect(dueDigestDate(new Date('2026-12-05T06:00:00Z'), MOSCOW)).toBeUndefined(); // Saturday
  });

  it('looks back over the weekend for new customers on Monday', () => {
    const monday = new Date('2026-12-07T06:00:00Z');
    expect(newCustomersSince(monday, MOSCOW).toISOString()).toBe('2026-12-04T06:00:00.000Z');
    const tuesday = new Date('2026-12-08T06:00:00Z');
    expect(newCustomersSince(tuesday, MOSCOW).toISOString()).toBe('2026-12-07T06:00:00.000Z');
  });

  it('makes a reminder due only after more than the given days', () => {
    const since = '2026-12-01T10:00:00.000Z';
    expect(reminderDue(since, new Date('2026-12-04T10:00:00.000Z'), 3)).toBe(false);
    expect(reminderDue(since, new Date('2026-12-04T10:00:01.000Z'), 3)).toBe(true);
    expect(reminderDue(null, new Date('2026-12-24T10:00:00.000Z'), 3)).toBe(false);
  });
});
