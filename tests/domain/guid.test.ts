import { describe, expect, it } from 'vitest';
import { isGuid } from '../../src/domain/guid.js';

describe('isGuid', () => {
  it.each(['60d2bbc8-7aaa-466e-b72d-a90f270a72ee', '50D9236D-483E-4D08-A89C-2F3BD1C6491F'])('accepts %s', (value) => {
    expect(isGuid(value)).toBe(true);
  });

  it.each([
    '',
    '60d2bbc8-7aaa-466e-b72d-a90f270a72e',
    '60d2bbc8-7aaa-466e-b72d-a90f270a72eee',
    '{60d2bbc8-7aaa-466e-b72d-a90f270a72ee}',
    '60d2bbc87aaa466eb72da90f270a72ee',
    '60d2bbc8-7aaa-466e-b72d-a90f270a72eg',
    ' 60d2bbc8-7aaa-466e-b72d-a90f270a72ee',
  ])('rejects %j', (value) => {
    expect(isGuid(value)).toBe(false);
  });
});
