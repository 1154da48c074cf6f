import { describe, expect, it } from 'vitest';
import { asciiMailAddress } from '../../../bot/delivery/ascii-mail-address.js';

describe('asciiMailAddress', () => {
  it.each([
    ['it@почта.рф', 'it@xn--80a1acny.xn--p1ai'],
    ['Заявки@Дистрибьютор.РФ', 'Заявки@xn--90afma5ajddjd3iya.xn--p1ai'],
    ['it@romashka.ru', 'it@romashka.ru'],
    ['not an address', 'not an address'],
  ])('sends %j to SMTP as %j', (address, ascii) => {
    expect(asciiMailAddress(address)).toBe(ascii);
  });
});
