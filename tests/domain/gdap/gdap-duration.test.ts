import { describe, expect, it } from 'vitest';
import { DEFAULT_GDAP_DURATION, durationDays, parseGdapDuration } from '../../../src/domain/gdap/gdap-duration.js';

describe('parseGdapDuration', () => {
  it('defaults to P730D and accepts days or years from P1D to P2Y', () => {
    expect(parseGdapDuration(undefined)).toBe(DEFAULT_GDAP_DURATION);
    expect(parseGdapDuration('p90d')).toBe('P90D');
    expect(parseGdapDuration('P2Y')).toBe('P2Y');
    expect(parseGdapDuration('P1D')).toBe('P1D');
  });

  it.each(['P0D', 'P731D', 'P3Y', 'P6M', '730', 'PT24H', 'P1Y2D'])('refuses %s, naming GDAP_DURATION', (value) => {
    expect(() => parseGdapDuration(value)).toThrow(/^GDAP_DURATION: /);
  });
});

describe('durationDays', () => {
  it('counts days and years', () => {
    expect(durationDays('P730D')).toBe(730);
    expect(durationDays('P1Y')).toBe(365);
  });
});
