import { todayInTimeZone, wallClock } from '../calendar.js';
import { DAY_MS } from './journey.js';

/**
 * When scheduled journey work may run, in the distributor's time zone:
 * reminders only between 09:00 and 20:00, the staff digest on working days
 * from 09:00. Working days are Monday to Friday: no maintained source of
 * Russian public holidays (the government's yearly decree on moved days off)
 * is available as a package, so holidays are not skipped.
 */

export const DAY_STARTS_AT_HOUR = 9;
export const QUIET_FROM_HOUR = 20;

interface LocalTime {
  /** ISO date `YYYY-MM-DD` in the zone. */
  readonly date: string;
  readonly hour: number;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

/** The date, hour and weekday at `now` in `timeZone` (an IANA name; RangeError when unknown). */
export function localTime(now: Date, timeZone: string): LocalTime {
  const { hour, weekday } = wallClock(now, timeZone);
  return { date: todayInTimeZone(now, timeZone), hour, weekday };
}

/** Between 20:00 and 09:00 nobody is reminded. */
export function isQuietTime(now: Date, timeZone: string): boolean {
  const { hour } = localTime(now, timeZone);
  return hour < DAY_STARTS_AT_HOUR || hour >= QUIET_FROM_HOUR;
}

export function isWorkingDay(now: Date, timeZone: string): boolean {
  return localTime(now, timeZone).weekday <= 5;
}

/**
 * The date whose digest is due at `now`: a working day from 09:00 on (an
 * instance that was down at 09:00 sends it later that day), else undefined.
 */
export function dueDigestDate(now: Date, timeZone: string): string | undefined {
  const local = localTime(now, timeZone);
  return local.weekday <= 5 && local.hour >= DAY_STARTS_AT_HOUR ? local.date : undefined;
}

/**
 * Since when a customer counts as new in the digest of `now`: the previous
 * working day's digest time, approximated as one day back (three on Monday).
 */
export function newCustomersSince(now: Date, timeZone: string): Date {
  const days = localTime(now, timeZone).weekday === 1 ? 3 : 1;
  return new Date(now.getTime() - days * DAY_MS);
}

/** A customer stuck since `stuckSince` is due a reminder once more than `afterDays` days passed. */
export function reminderDue(stuckSince: string | null, now: Date, afterDays: number): boolean {
  if (stuckSince === null) return false;
  return now.getTime() - Date.parse(stuckSince) > afterDays * DAY_MS;
}
