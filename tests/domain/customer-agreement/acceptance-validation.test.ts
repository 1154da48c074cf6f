import { describe, expect, it } from 'vitest';
import { validateAcceptance } from '../../../src/domain/customer-agreement/acceptance-validation.js';
import { localizeErrors } from '../../../src/domain/order/order-validation.js';

const valid = {
  accepted: true,
  signatory: { lastName: ' Иванова ', firstName: 'Мария', middleName: 'Петровна', email: 'M.Ivanova@Romashka.RU', phone: '8 (495) 123-45-67' },
};

function errorsOf(input: unknown) {
  const result = validateAcceptance(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('validateAcceptance', () => {
  it('normalizes a valid acceptance: trimmed names, lower-case domain, E.164 phone', () => {
    expect(validateAcceptance(valid)).toEqual({
      ok: true,
      signatory: { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', email: 'M.Ivanova@romashka.ru', phone: '+74951234567' },
    });
  });

  it('treats a blank, null or missing middle name and phone as absent', () => {
    for (const blank of ['', '   ', null, undefined]) {
      const result = validateAcceptance({ ...valid, signatory: { ...valid.signatory, middleName: blank, phone: blank } });
      expect(result.ok && result.signatory).toEqual({ lastName: 'Иванова', firstName: 'Мария', email: 'M.Ivanova@romashka.ru' });
    }
  });

  it('needs the box ticked', () => {
    expect(errorsOf({ ...valid, accepted: false }).map((error) => [error.field, error.code])).toEqual([['accepted', 'agreement_not_accepted']]);
    expect(errorsOf({ signatory: valid.signatory }).map((error) => [error.field, error.code])).toEqual([['accepted', 'required']]);
  });

  it('reports every invalid field once, in Russian and English', () => {
    const errors = errorsOf({ accepted: true, signatory: { lastName: '', firstName: 'Ма\tрия', email: 'not-an-email', phone: '123' } });
    expect(errors.map((error) => [error.field, error.code])).toEqual([
      ['signatory.lastName', 'required'],
      ['signatory.firstName', 'control_characters'],
      ['signatory.email', 'email_invalid'],
      ['signatory.phone', 'phone_invalid'],
    ]);
    expect(localizeErrors(errors, 'ru')[2]?.message).toBe('Укажите корректный адрес электронной почты, например it@romashka.ru.');
    expect(localizeErrors(errors, 'en')[3]?.message).toBe('Enter a valid phone number, for example +7 495 123-45-67.');
  });

  it('refuses a name longer than the order form allows', () => {
    expect(errorsOf({ ...valid, signatory: { ...valid.signatory, firstName: 'М'.repeat(201) } })[0]?.code).toBe('too_long');
  });

  it('answers a non-object with one error on the root', () => {
    expect(errorsOf('yes').map((error) => [error.field, error.code])).toEqual([['', 'invalid_type']]);
    expect(errorsOf({ accepted: true }).map((error) => [error.field, error.code])).toEqual([['signatory', 'required']]);
  });

  it('ignores any tenant or evidence the body claims', () => {
    const result = validateAcceptance({ ...valid, tenantId: 'other-tenant', evidence: { userId: 'someone-else' } });
    expect(result.ok && Object.keys(result.signatory)).toEqual(['lastName', 'firstName', 'middleName', 'email', 'phone']);
    expect(result).not.toHaveProperty('tenantId');
  });
});
