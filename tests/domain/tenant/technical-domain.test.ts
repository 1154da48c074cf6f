import { describe, expect, it } from 'vitest';
import { describeDomains } from '../../../src/domain/tenant/technical-domain.js';

describe('describeDomains', () => {
  it('takes the initial domain as the technical one and says when another domain is the default', () => {
    const domains = describeDomains([
      { name: 'Vasilek.onmicrosoft.com', isDefault: false, isInitial: true },
      { name: 'vasilek.mail.onmicrosoft.com', isDefault: false, isInitial: false },
      { name: 'VASILEK.RU', isDefault: true, isInitial: false },
    ]);

    expect(domains).toMatchObject({
      technicalDomain: 'vasilek.onmicrosoft.com',
      defaultDomain: 'vasilek.ru',
      technicalDomainIsDefault: false,
    });
    expect(domains.verified.map((domain) => domain.name)).toEqual(['vasilek.onmicrosoft.com', 'vasilek.mail.onmicrosoft.com', 'vasilek.ru']);
  });

  it('says so when the technical domain is the default', () => {
    const domains = describeDomains([
      { name: 'romashka.ru', isDefault: false, isInitial: false },
      { name: 'romashka.onmicrosoft.com', isDefault: true, isInitial: true },
    ]);

    expect(domains).toMatchObject({ technicalDomain: 'romashka.onmicrosoft.com', defaultDomain: 'romashka.onmicrosoft.com', technicalDomainIsDefault: true });
  });

  it('falls back to a name.onmicrosoft.com domain, never the mail routing one, when no domain is flagged initial', () => {
    const domains = describeDomains([
      { name: 'vasilek.mail.onmicrosoft.com', isDefault: false, isInitial: false },
      { name: 'vasilek.onmicrosoft.com', isDefault: true, isInitial: false },
    ]);

    expect(domains.technicalDomain).toBe('vasilek.onmicrosoft.com');
    expect(domains.technicalDomainIsDefault).toBe(true);
  });

  it('reports no technical domain, and so not default, when there is none', () => {
    expect(describeDomains([{ name: 'vasilek.ru', isDefault: true, isInitial: false }])).toEqual({
      technicalDomain: null,
      defaultDomain: 'vasilek.ru',
      technicalDomainIsDefault: false,
      verified: [{ name: 'vasilek.ru', isDefault: true, isInitial: false }],
    });
  });
});
