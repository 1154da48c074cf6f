import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unicodeMailAddress } from '../../../src/domain/order/mail-address.js';

describe('unicodeMailAddress', () => {
  it('shows a punycode domain in Unicode, label by label', () => {
    expect(unicodeMailAddress('maria@xn--e1afmkfd.xn--p1ai')).toBe('maria@пример.рф');
    expect(unicodeMailAddress('it@mail.XN--P1AI')).toBe('it@mail.рф');
  });

  it('leaves ASCII domains, Unicode domains and invalid punycode as they are', () => {
    expect(unicodeMailAddress('it@romashka.ru')).toBe('it@romashka.ru');
    expect(unicodeMailAddress('it@почта.рф')).toBe('it@почта.рф');
    expect(unicodeMailAddress('it@xn--zz.ru')).toBe('it@xn--zz.ru');
    expect(unicodeMailAddress('not an address')).toBe('not an address');
  });

  it("undoes Node's IDNA encoding of any Cyrillic domain", () => {
    const label = fc.string({ unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя0123456789'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(label, (name) => {
        const domain = `${name}.рф`;
        const ascii = domainToASCII(domain);
        fc.pre(ascii !== '');
        expect(unicodeMailAddress(`a@${ascii}`)).toBe(`a@${domain}`);
      }),
      { numRuns: 300 },
    );
  });
});
