/**
 * Russian taxpayer id (ИНН): 10 digits for a legal entity, 12 for an
 * individual entrepreneur, ending in check digits: each is the weighted sum
 * of the digits before it, mod 11, mod 10 (weights below).
 */

export type InnCheck = 'ok' | 'format' | 'checksum';

const LEGAL_ENTITY_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INDIVIDUAL_11TH_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INDIVIDUAL_12TH_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

export function checkInn(inn: string): InnCheck {
  if (!/^(?:\d{10}|\d{12})$/.test(inn)) return 'format';
  const digits = [...inn].map(Number);
  const matches = (weights: readonly number[]): boolean =>
    checkDigit(digits, weights) === digits[weights.length];
  const valid =
    digits.length === 10
      ? matches(LEGAL_ENTITY_WEIGHTS)
      : matches(INDIVIDUAL_11TH_WEIGHTS) && matches(INDIVIDUAL_12TH_WEIGHTS);
  return valid ? 'ok' : 'checksum';
}

export function isValidInn(inn: string): boolean {
  return checkInn(inn) === 'ok';
}

/** The digit that must follow the weighted digits: weighted sum mod 11 mod 10. */
function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0);
  return (sum % 11) % 10;
}
