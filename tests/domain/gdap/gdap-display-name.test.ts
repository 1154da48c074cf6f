import { describe, expect, it } from 'vitest';
import { GDAP_DISPLAY_NAME_MAX, gdapDisplayName } from '../../../src/domain/gdap/gdap-display-name.js';

describe('gdapDisplayName', () => {
  it('is the organization and the order number', () => {
    expect(gdapDisplayName('ООО «Ромашка»', 'CSP-7K2M9QX4')).toBe('ООО «Ромашка» CSP-7K2M9QX4');
  });

  it('cuts a long organization, never the order number, to 50 characters', () => {
    const name = gdapDisplayName('Общество с ограниченной ответственностью «Очень длинное название»', 'CSP-7K2M9QX4');
    expect(name.length).toBeLessThanOrEqual(GDAP_DISPLAY_NAME_MAX);
    expect(name.endsWith(' CSP-7K2M9QX4')).toBe(true);
  });

  it('never splits a surrogate pair and drops control characters', () => {
    const name = gdapDisplayName(`${'😀'.repeat(30)}\n`, 'CSP-7K2M9QX4');
    expect(name.length).toBeLessThanOrEqual(GDAP_DISPLAY_NAME_MAX);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(gdapDisplayName('A\u0000B', 'X')).toBe('A B X');
  });

  it('falls back to the order number alone', () => {
    expect(gdapDisplayName('   ', 'CSP-7K2M9QX4')).toBe('CSP-7K2M9QX4');
  });
});
