/**
 * Calendar dates as ISO `YYYY-MM-DD` strings: what the order stores and what
 * compares correctly as plain strings. Callers pass the clock in.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date at `now` in an IANA time zone (e.g. `Europe/Moscow`); throws RangeError for an unknown zone. */
export function todayInTimeZone(now: Date, timeZone: string): string {
  const clock = wallClock(now, timeZone);
  return `${String(clock.year).padStart(4, '0')}-${String(clock.month).padStart(2, '0')}-${String(clock.day).padStart(2, '0')}`;
}

/** True for a real calendar date in `YYYY-MM-DD` form (rejects `2026-02-30`). */
export function isIsoDate(value: string): boolean {
  return toUtcMidnight(value) !== undefined;
}

/** `isoDate` moved by `days` (negative goes back); throws RangeError if `isoDate` is not a real date. */
export function addDays(isoDate: string, days: number): string {
  const start = toUtcMidnight(isoDate);
  if (start === undefined || !Number.isInteger(days)) {
    throw new RangeError(`addDays: invalid arguments (${isoDate}, ${days})`);
  }
  return new Date(start.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

function toUtcMidnight(value: string): Date | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  const roundTrips =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return roundTrips ? date : undefined;
}

/**
 * The instant a calendar day starts in an IANA time zone (its local 00:00), e.g.
 * `2026-12-05` in `Europe/Moscow` → `2026-12-04T21:00:00Z`. Throws RangeError
 * for an invalid date. Offsets come from Intl, so DST zones work too.
 */
export function startOfDayInTimeZone(isoDate: string, timeZone: string): Date {
  const midnight = toUtcMidnight(isoDate);
  if (midnight === undefined) throw new RangeError(`startOfDayInTimeZone: invalid date ${isoDate}`);
  // Local midnight = UTC midnight minus the zone's offset; the offset is read again at the
  // result, because a DST change between the two instants shifts it.
  const first = new Date(midnight.getTime() - zoneOffsetMs(midnight, timeZone));
  return new Date(midnight.getTime() - zoneOffsetMs(first, timeZone));
}

/** `instant` as local wall time `YYYY-MM-DD HH:MM` in an IANA time zone (what an export's cell shows). */
export function localDateTimeInTimeZone(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  return `${local.toISOString().slice(0, 10)} ${local.toISOString().slice(11, 16)}`;
}

/** An instant as the wall clock of a time zone shows it. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

// One per zone: constructing Intl.DateTimeFormat is costly, and cards, exports and the scheduler ask often.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** `instant` on the wall clock of an IANA time zone (RangeError for an unknown zone). */
export function wallClock(instant: Date, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const text = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const number = (type: Intl.DateTimeFormatPartTypes): number => Number(text(type) || '0');
  return {
    year: number('year'),
    month: number('month'),
    day: number('day'),
    hour: number('hour'),
    minute: number('minute'),
    second: number('second'),
    weekday: WEEKDAYS[text('weekday')] ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms (Moscow: +3 h). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const wall = new Date(0);
  wall.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  wall.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return wall.getTime() - Math.floor(instant.getTime() / 1000) * 1000;
}
