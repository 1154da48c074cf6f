import { describe, expect, it } from 'vitest';
import { isOrderId, newOrderId } from '../../../bot/storage/order-id.js';

describe('newOrderId', () => {
  it('makes CSP- plus 8 Crockford base32 digits', () => {
    for (let i = 0; i < 200; i++) {
      const id = newOrderId();
      expect(id).toMatch(/^CSP-[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(isOrderId(id)).toBe(true);
    }
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newOrderId()));
    expect(ids.size).toBe(10_000);
  });

  it('uses every digit of the alphabet', () => {
    const digits = new Set(Array.from({ length: 500 }, () => newOrderId().slice(4)).join(''));
    expect(digits.size).toBe(32);
  });
});

describe('isOrderId', () => {
  it.each(['CSP-0000000', 'CSP-000000000', 'csp-7K2M9Q4D', 'CSP-7K2M9Q4I', 'CSP-7K2M9Q4U', "CSP-7K2M9Q4' ", ''])(
    'rejects %j',
    (value) => {
      expect(isOrderId(value)).toBe(false);
    },
  );
});
