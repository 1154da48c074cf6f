import { describe, expect, it } from 'vitest';
import { prefillSignatory } from '../../../src/domain/customer-agreement/signatory-prefill.js';
import type { UserFacts } from '../../../src/domain/tenant/tenant-response.js';

const user: UserFacts = {
  displayName: 'Иванов Иван Иванович',
  givenName: 'Иван',
  surname: 'Иванов',
  mail: 'i.ivanov@romashka.ru',
  userPrincipalName: 'i.ivanov@romashka.onmicrosoft.com',
  mobilePhone: null,
  businessPhones: ['+7 495 123-45-67'],
};

describe('prefillSignatory', () => {
  it('takes first and last name as the directory keeps them, never the patronymic', () => {
    expect(prefillSignatory({ user })).toEqual({
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: '',
      email: 'i.ivanov@romashka.ru',
      phone: '+7 495 123-45-67',
    });
  });

  it('never splits a display name when the directory has no first and last name', () => {
    const draft = prefillSignatory({ user: { ...user, givenName: null, surname: null } });
    expect([draft.lastName, draft.firstName]).toEqual(['', '']);
    // Older servers send no givenName/surname at all.
    const older = prefillSignatory({ user: { displayName: 'Петрова Анна', mail: null, userPrincipalName: null, mobilePhone: null, businessPhones: [] } });
    expect([older.lastName, older.firstName, older.email]).toEqual(['', '', '']);
  });

  it('falls back to Teams’ profile, then to the latest order’s e-mail and phone', () => {
    expect(
      prefillSignatory({
        teamsMember: { givenName: 'Anna', surname: 'Petrova', userPrincipalName: 'anna@vasilek.ru' },
        lastOrderContact: { email: 'orders@vasilek.ru', phone: '+74951112233' },
      }),
    ).toEqual({ lastName: 'Petrova', firstName: 'Anna', middleName: '', email: 'anna@vasilek.ru', phone: '+74951112233' });
    expect(prefillSignatory({ lastOrderContact: { email: 'orders@vasilek.ru', phone: '+74951112233' } }).email).toBe('orders@vasilek.ru');
  });

  it('starts from the current acceptance when there is one', () => {
    const current = { lastName: 'Петрова', firstName: 'Анна', middleName: 'Сергеевна', email: 'a.petrova@romashka.ru' };
    expect(prefillSignatory({ current, user })).toEqual({ ...current, phone: '' });
  });
});
