import { describe, expect, it } from 'vitest';
import { prefillFromTeamsMember, withTeamsMemberPrefill } from '../../../src/domain/tenant/teams-member-prefill.js';

describe('prefillFromTeamsMember', () => {
  it('takes the contact from the name and e-mail, the technical domain from an onmicrosoft.com UPN', () => {
    expect(prefillFromTeamsMember({ name: ' Иванов Иван ', email: 'i.ivanov@romashka.ru', userPrincipalName: 'I.Ivanov@Romashka.onmicrosoft.com' })).toEqual({
      technicalDomain: 'romashka.onmicrosoft.com',
      contact: { fullName: 'Иванов Иван', email: 'i.ivanov@romashka.ru' },
    });
  });

  it('uses the UPN as the e-mail when Teams sends no e-mail, and no domain from a custom one', () => {
    expect(prefillFromTeamsMember({ userPrincipalName: 'i.ivanov@romashka.ru' })).toEqual({ contact: { email: 'i.ivanov@romashka.ru' } });
  });

  it("never takes a guest's UPN for an e-mail, nor the routing domain for the technical one", () => {
    expect(prefillFromTeamsMember({ userPrincipalName: 'petrova_vasilek.ru#EXT#@romashka.onmicrosoft.com' })).toEqual({ technicalDomain: 'romashka.onmicrosoft.com' });
    expect(prefillFromTeamsMember({ userPrincipalName: 'i.ivanov@romashka.mail.onmicrosoft.com' })).toEqual({ contact: { email: 'i.ivanov@romashka.mail.onmicrosoft.com' } });
  });

  it('suggests nothing from blanks', () => {
    expect(prefillFromTeamsMember({ name: ' ', email: '' })).toEqual({});
  });
});

describe('withTeamsMemberPrefill', () => {
  it('fills only what the tenant facts left empty', () => {
    expect(
      withTeamsMemberPrefill(
        { technicalDomain: 'graph.onmicrosoft.com', contact: { fullName: 'Петрова Анна' } },
        { name: 'Petrova A.', email: 'ap@vasilek.ru', userPrincipalName: 'ap@teams.onmicrosoft.com' },
      ),
    ).toEqual({ technicalDomain: 'graph.onmicrosoft.com', contact: { fullName: 'Петрова Анна', email: 'ap@vasilek.ru' } });
  });

  it('changes nothing without a profile', () => {
    expect(withTeamsMemberPrefill({ technicalDomain: 'graph.onmicrosoft.com' }, undefined)).toEqual({ technicalDomain: 'graph.onmicrosoft.com' });
  });
});
