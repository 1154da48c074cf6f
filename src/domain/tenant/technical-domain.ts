import type { DomainFacts, VerifiedDomain } from './tenant-response.js';

const TECHNICAL_SUFFIX = '.onmicrosoft.com';

/**
 * The order form's "technical domain" is the tenant's initial
 * `*.onmicrosoft.com` domain (Graph `verifiedDomains[].isInitial`); the
 * distributor's instruction asks for it to be the default domain too.
 */
export function describeDomains(verified: readonly VerifiedDomain[]): DomainFacts {
  const domains = verified.map((domain) => ({ ...domain, name: domain.name.trim().toLowerCase() }));
  // Should no domain carry the initial flag, a `name.onmicrosoft.com` one is the technical domain.
  const technical = domains.find((domain) => domain.isInitial) ?? domains.find((domain) => isTechnicalDomainName(domain.name));
  const defaultDomain = domains.find((domain) => domain.isDefault);
  return {
    technicalDomain: technical?.name ?? null,
    defaultDomain: defaultDomain?.name ?? null,
    technicalDomainIsDefault: technical !== undefined && technical.name === defaultDomain?.name,
    verified: domains,
  };
}

/** `name.onmicrosoft.com`, but not `name.mail.onmicrosoft.com` (the Exchange hybrid routing domain). */
export function isTechnicalDomainName(name: string): boolean {
  if (!name.endsWith(TECHNICAL_SUFFIX)) return false;
  const label = name.slice(0, -TECHNICAL_SUFFIX.length);
  return label !== '' && !label.includes('.');
}
