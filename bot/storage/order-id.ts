import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so an id read aloud or retyped survives.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ORDER_ID = /^CSP-[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * A new human-readable order number, e.g. `CSP-7K2M9Q4D`: 40 random bits
 * (5 bytes = exactly 8 base32 digits, so no digit is biased).
 */
export function newOrderId(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let digits = '';
  for (let shift = 35n; shift >= 0n; shift -= 5n) digits += CROCKFORD[Number((bits >> shift) & 31n)];
  return `CSP-${digits}`;
}

/** True for strings shaped like `newOrderId()` output; anything else can never be stored. */
export function isOrderId(value: string): boolean {
  return ORDER_ID.test(value);
}
