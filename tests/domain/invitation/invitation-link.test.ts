import { describe, expect, it } from 'vitest';
import {
  DEMO_INVITATION_LINK,
  parseGdapApprovalLink,
  parseInvitationLink,
  renderGdapApprovalLink,
  renderInvitationLink,
  withDelegatedAdminChoice,
} from '../../../src/domain/invitation/invitation-link.js';
import type { InvitationLink } from '../../../src/domain/invitation/invitation-link.js';
import { configurationError } from '../../support/configuration-error.js';

const RESELLER = '60d2bbc8-7aaa-466e-b72d-a90f270a72ee';
const PROVIDER = '50d9236d-483e-4d08-a89c-2f3bd1c6491f';
const CURRENT_BASE = 'https://admin.microsoft.com/Adminportal/Home';
const CURRENT_FRAGMENT = '#/BillingAccounts/partner-invitation';

describe('parseInvitationLink', () => {
  const demo: InvitationLink = {
    relationship: 'indirectReseller',
    resellerTenantId: RESELLER,
    mpnId: '2063016',
    indirectProviderTenantId: PROVIDER,
    delegatedAdmin: true,
  };

  it('reads the distributor’s legacy link, which asks for no delegated admin rights', () => {
    expect(parseInvitationLink(DEMO_INVITATION_LINK)).toEqual({ ...demo, delegatedAdmin: false });
  });

  it('reads DAP=true on a legacy link too', () => {
    expect(parseInvitationLink(`${DEMO_INVITATION_LINK}&DAP=true`)).toEqual(demo);
  });

  it('reads the current admin center form', () => {
    const url = `${CURRENT_BASE}?invType=IndirectResellerRelationship&partnerId=${RESELLER}&msppId=2063016&indirectCSPId=${PROVIDER}&DAP=true${CURRENT_FRAGMENT}`;
    expect(parseInvitationLink(url)).toEqual(demo);
  });

  it('reads a direct reseller link, which has no indirect provider', () => {
    const link = parseInvitationLink(`${CURRENT_BASE}?invType=ResellerRelationship&partnerId=${RESELLER}&msppId=0&DAP=true${CURRENT_FRAGMENT}`);
    expect(link).toEqual({ relationship: 'reseller', resellerTenantId: RESELLER, mpnId: '0', delegatedAdmin: true });
    expect(link).not.toHaveProperty('indirectProviderTenantId');
  });

  it('is lenient on the case of host, path, keys and type, and normalizes tenant ids', () => {
    const url = `  HTTPS://Admin.Microsoft.COM/adminportal/home?INVTYPE=indirectresellerrelationship&PartnerID=${RESELLER.toUpperCase()}&MSPPID=2063016&IndirectCspId=${PROVIDER}&dap=TRUE${CURRENT_FRAGMENT}  `;
    expect(parseInvitationLink(url)).toEqual(demo);
  });

  it('reads a missing or false DAP as no delegated admin', () => {
    const base = `${CURRENT_BASE}?invType=ResellerRelationship&partnerId=${RESELLER}&msppId=0`;
    expect(parseInvitationLink(base).delegatedAdmin).toBe(false);
    expect(parseInvitationLink(`${base}&DAP=false`).delegatedAdmin).toBe(false);
  });

  const legacy = (query: string): string => `https://portal.office.com/partner/partnersignup.aspx?${query}`;
  const current = (query: string): string => `${CURRENT_BASE}?${query}${CURRENT_FRAGMENT}`;

  it.each([
    ['not a URL', 'portal.office.com/partner', /not a URL/],
    ['plain http', DEMO_INVITATION_LINK.replace('https:', 'http:'), /https/],
    ['another host', DEMO_INVITATION_LINK.replace('portal.office.com', 'portal.office.com.evil.example'), /expected https/],
    ['a port', DEMO_INVITATION_LINK.replace('portal.office.com', 'portal.office.com:8443'), /expected https/],
    ['another page', DEMO_INVITATION_LINK.replace('partnersignup.aspx', 'signup.aspx'), /expected https/],
    ['an unknown type', legacy(`type=PartnerRelationship&id=${RESELLER}&msppid=1&indirectCSP=${PROVIDER}`), /"type" must be/],
    ['an inherited property name as type', current(`invType=constructor&partnerId=${RESELLER}&msppId=1`), /"invtype" must be/],
    ['no type', current(`partnerId=${RESELLER}&msppId=1`), /"invtype" must be/],
    ['no tenant id', current(`invType=ResellerRelationship&msppId=1`), /"partnerid" \(a tenant id\) is missing/],
    ['a tenant id that is no GUID', legacy(`type=ResellerRelationship&id=contoso&msppid=1`), /"id" must be a tenant id \(GUID\), got "contoso"/],
    ['a non-numeric MPN id', current(`invType=ResellerRelationship&partnerId=${RESELLER}&msppId=12a`), /numeric MPN id, got "12a"/],
    ['no MPN id', current(`invType=ResellerRelationship&partnerId=${RESELLER}`), /numeric MPN id/],
    ['an indirect link without provider', current(`invType=IndirectResellerRelationship&partnerId=${RESELLER}&msppId=1`), /"indirectcspid" \(a tenant id\) is missing/],
    ['a direct link with a provider', current(`invType=ResellerRelationship&partnerId=${RESELLER}&msppId=1&indirectCSPId=${PROVIDER}`), /has no "indirectcspid"/],
    ['a DAP that is not a boolean', current(`invType=ResellerRelationship&partnerId=${RESELLER}&msppId=1&DAP=yes`), /"DAP" must be true or false/],
  ])('rejects %s, naming INVITATION_LINK', (_case, url, message) => {
    const error = configurationError(() => parseInvitationLink(url));
    expect(error.variable).toBe('INVITATION_LINK');
    expect(error.message).toMatch(message);
  });
});

describe('renderInvitationLink', () => {
  it('writes the legacy demo link in the current form, without adding DAP', () => {
    expect(renderInvitationLink(parseInvitationLink(DEMO_INVITATION_LINK))).toBe(
      `https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=${RESELLER}&msppId=2063016&indirectCSPId=${PROVIDER}#/BillingAccounts/partner-invitation`,
    );
  });

  it('writes a current link back as it was configured', () => {
    const url = `${CURRENT_BASE}?invType=IndirectResellerRelationship&partnerId=${RESELLER}&msppId=2063016&indirectCSPId=${PROVIDER}&DAP=true${CURRENT_FRAGMENT}`;
    expect(renderInvitationLink(parseInvitationLink(url))).toBe(url);
  });

  it('writes a direct reseller link without an indirect provider, and DAP only when asked', () => {
    expect(renderInvitationLink({ relationship: 'reseller', resellerTenantId: RESELLER, mpnId: '0', delegatedAdmin: false })).toBe(
      `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${RESELLER}&msppId=0#/BillingAccounts/partner-invitation`,
    );
  });

  it('round-trips through the parser', () => {
    const link: InvitationLink = { relationship: 'reseller', resellerTenantId: RESELLER, mpnId: '42', delegatedAdmin: true };
    expect(parseInvitationLink(renderInvitationLink(link))).toEqual(link);
  });
});

describe('withDelegatedAdminChoice', () => {
  const withoutDap = parseInvitationLink(DEMO_INVITATION_LINK);
  const withDap = parseInvitationLink(`${DEMO_INVITATION_LINK}&DAP=true`);

  it('keeps a link without DAP as it is when delegated admin is not chosen', () => {
    expect(withDelegatedAdminChoice(withoutDap, false)).toEqual(withoutDap);
  });

  it('asks for delegated admin only when the distributor chooses it', () => {
    const chosen = withDelegatedAdminChoice(withoutDap, true);
    expect(chosen.delegatedAdmin).toBe(true);
    expect(renderInvitationLink(chosen)).toContain('&DAP=true#');
    expect(withDelegatedAdminChoice(withDap, true)).toEqual(withDap);
  });

  it('refuses a link that asks for DAP when delegated admin is not chosen, naming both settings', () => {
    const error = configurationError(() => withDelegatedAdminChoice(withDap, false));
    expect(error.variable).toBe('INVITATION_LINK');
    expect(error.message).toMatch(/DAP=true/);
    expect(error.message).toMatch(/INVITATION_DELEGATED_ADMIN=true/);
  });
});

describe('GDAP approval links', () => {
  const single = 'c1b2d3e4-0000-4000-8000-00000000000a';
  const pair = `${single}-${PROVIDER}`;

  it.each([single, pair])('round-trips relationship id %s', (relationshipId) => {
    const url = renderGdapApprovalLink(relationshipId);
    expect(url).toBe(`https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${relationshipId}`);
    expect(parseGdapApprovalLink(url)).toEqual({ relationshipId });
  });

  it('is lenient on case and normalizes the id', () => {
    const url = `https://ADMIN.microsoft.com/adminportal/home#/Partners/Invitation/GranularAdminRelationships/${pair.toUpperCase()}`;
    expect(parseGdapApprovalLink(url)).toEqual({ relationshipId: pair });
  });

  it.each([
    ['plain http', `http://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${single}`, /https/],
    ['another host', `https://admin.example.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${single}`, /expected a GDAP/],
    ['another fragment', `https://admin.microsoft.com/AdminPortal/Home#/BillingAccounts/partner-invitation`, /expected a GDAP/],
    ['an id that is no GUID', `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/abc`, /not a GUID/],
    ['three GUIDs', `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${pair}-${single}`, /not a GUID/],
  ])('rejects %s, naming the variable', (_case, url, message) => {
    const error = configurationError(() => parseGdapApprovalLink(url, 'GDAP_INVITATION_LINK'));
    expect(error.message).toMatch(message);
    expect(error.variable).toBe('GDAP_INVITATION_LINK');
  });
});
