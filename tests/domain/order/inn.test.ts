import { describe, expect, it } from 'vitest';
import { checkInn, isValidInn } from '../../../src/domain/order/inn.js';

describe('checkInn', () => {
  it.each([
    ['7707083893', 'Sberbank, legal entity'],
    ['7736207543', 'Yandex, legal entity'],
    ['500100732259', 'individual entrepreneur'],
    // The examples in the app, README and screenshots: region 00 does not exist, so no company holds it.
    ['0012345673', 'fictional example, legal entity'],
  ])('accepts %s (%s)', (inn) => {
    expect(checkInn(inn)).toBe('ok');
    expect(isValidInn(inn)).toBe(true);
  });

  it.each([
    ['7707083894', 'last digit changed'],
    ['7707083983', 'two digits swapped'],
    ['1707083893', 'first digit changed'],
    ['500100732269', '11th digit changed'],
    ['500100732258', '12th digit changed'],
    ['600100732259', 'first digit of 12 changed'],
  ])('reports a checksum error for %s (%s)', (inn) => {
    expect(checkInn(inn)).toBe('checksum');
    expect(isValidInn(inn)).toBe(false);
  });

  it.each(['', '770708389', '77070838931', '7707083893 ', '770708389O', '+707083893', '5001007322590', '７７０７０８３８９３'])(
    'reports a format error for %j',
    (inn) => {
      expect(checkInn(inn)).toBe('format');
      expect(isValidInn(inn)).toBe(false);
    },
  );
});
