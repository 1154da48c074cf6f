import { ConfigurationError } from '../configuration-error.js';

export const DEFAULT_GDAP_DURATION = 'P730D';

/** Graph takes P1D to P2Y inclusive (delegatedAdminRelationship: `duration`); P2Y written in days is 730. */
const MAX_DAYS = 730;

/**
 * `GDAP_DURATION`: an ISO 8601 duration in days (`P730D`) or years
 * (`P1Y`, `P2Y`), between one day and two years, as "Create
 * delegatedAdminRelationship" requires
 * (https://learn.microsoft.com/graph/api/tenantrelationship-post-delegatedadminrelationships).
 * Months are refused: their length in days is not fixed.
 */
export function parseGdapDuration(raw: string | undefined, variable = 'GDAP_DURATION'): string {
  if (raw === undefined || raw.trim() === '') return DEFAULT_GDAP_DURATION;
  const value = raw.trim().toUpperCase();
  const match = /^P(?:(\d{1,4})D|([12])Y)$/.exec(value);
  if (!match) throw new ConfigurationError(`"${raw}" is not an ISO 8601 duration in days or years, e.g. P730D or P1Y`, variable);
  const days = durationDays(value);
  if (days < 1 || days > MAX_DAYS) throw new ConfigurationError(`"${raw}" must be between P1D and P2Y (730 days)`, variable);
  return value;
}

/** Days in a duration `parseGdapDuration` accepted (a year counted as 365 days). */
export function durationDays(duration: string): number {
  const match = /^P(?:(\d+)D|(\d+)Y)$/.exec(duration);
  if (!match) throw new RangeError(`not a day or year duration: ${duration}`);
  return match[1] !== undefined ? Number(match[1]) : Number(match[2]) * 365;
}
