import { describe, expect, it } from 'vitest';
import { signatoryDisplayName } from '../../../src/domain/customer-agreement/signatory-name.js';

describe('signatoryDisplayName', () => {
  it('puts the names in Russian order and leaves out a missing middle name', () => {
    expect(signatoryDisplayName({ lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', email: 'a@b.ru' })).toBe('Иванова Мария Петровна');
    expect(signatoryDisplayName({ lastName: 'Smith', firstName: 'Anna', email: 'a@b.com' })).toBe('Smith Anna');
  });
});
