import { ConfigurationError } from '../configuration-error.js';
import { isGuid } from '../guid.js';

/**
 * CSP reseller invitation and GDAP approval links. Microsoft has issued two
 * invitation URL forms over time; both are read, only the current one is
 * written: the old `partnersignup.aspx` page was replaced by the Microsoft 365
 * admin center, where the customer accepts the Microsoft Customer Agreement
 * and authorizes the partner ("Manage Microsoft-certified solution provider
 * partner relationships", learn.microsoft.com/microsoft-365/commerce/manage-partners).
 * Delegated admin (DAP) is asked for only when the link says `DAP=true`
 * (Partner Center, "Request a reseller relationship": the distributor
 * chooses whether to include delegated administration privileges); granular
 * delegated admin (GDAP) is approved on its own page.
 */

export interface InvitationLink {
  readonly relationship: 'indirectReseller' | 'reseller';
  /** Tenant id of the partner that invites (the reseller). */
  readonly resellerTenantId: string;
  /** The partner's MPN / Partner Location id (digits; `0` for some direct partners). */
  readonly mpnId: string;
  /** Tenant id of the indirect provider (distributor); only for `indirectReseller`. */
  readonly indirectProviderTenantId?: string;
  /** Whether the invitation also asks for delegated admin privileges (DAP). */
  readonly delegatedAdmin: boolean;
}

/** The distributor's own invitation from its customer instruction, in the legacy form. */
export const DEMO_INVITATION_LINK =
  'https://portal.office.com/partner/partnersignup.aspx?type=IndirectResellerRelationship' +
  '&id=60d2bbc8-7aaa-466e-b72d-a90f270a72ee&csp=1&msppid=2063016' +
  '&indirectCSP=50d9236d-483e-4d08-a89c-2f3bd1c6491f';

const VARIABLE = 'INVITATION_LINK';
const LEGACY_HOST = 'portal.office.com';
const LEGACY_PATH = '/partner/partnersignup.aspx';
const ADMIN_HOST = 'admin.microsoft.com';
const ADMIN_PATH = '/adminportal/home';
const GDAP_FRAGMENT = /^#\/partners\/invitation\/granularAdminRelationships\/([^/?#]+)$/i;

const RELATIONSHIPS: ReadonlyMap<string, InvitationLink['relationship']> = new Map([
  ['indirectresellerrelationship', 'indirectReseller'],
  ['resellerrelationship', 'reseller'],
]);

/** Query parameter names of each form, lower-cased: Microsoft's casing has varied. */
const LEGACY_KEYS = { type: 'type', tenant: 'id', mpn: 'msppid', indirect: 'indirectcsp' } as const;
const CURRENT_KEYS = { type: 'invtype', tenant: 'partnerid', mpn: 'msppid', indirect: 'indirectcspid' } as const;

/**
 * Reads a reseller invitation link of either form. Keys and host are matched
 * case-insensitively; the values are checked strictly. Throws
 * ConfigurationError (`INVITATION_LINK`) saying what is wrong.
 */
export function parseInvitationLink(url: string): InvitationLink {
  const parsed = parseHttpsUrl(url, VARIABLE);
  const isLegacy = isPage(parsed, LEGACY_HOST, LEGACY_PATH);
  const isCurrent = isPage(parsed, ADMIN_HOST, ADMIN_PATH);
  if (!isLegacy && !isCurrent) {
    throw invalid(`expected https://${ADMIN_HOST}/Adminportal/Home?… or https://${LEGACY_HOST}${LEGACY_PATH}?…, got ${parsed.host}${parsed.pathname}`);
  }
  const keys = isLegacy ? LEGACY_KEYS : CURRENT_KEYS;
  const query = new Map<string, string>();
  for (const [key, value] of parsed.searchParams) {
    if (!query.has(key.toLowerCase())) query.set(key.toLowerCase(), value);
  }

  const type = query.get(keys.type) ?? '';
  const relationship = RELATIONSHIPS.get(type.toLowerCase());
  if (relationship === undefined) {
    throw invalid(`"${keys.type}" must be IndirectResellerRelationship or ResellerRelationship, got "${type}"`);
  }
  const resellerTenantId = requiredGuid(query, keys.tenant);
  const mpnId = query.get(keys.mpn) ?? '';
  if (!/^\d+$/.test(mpnId)) throw invalid(`"${keys.mpn}" must be the partner's numeric MPN id, got "${mpnId}"`);

  const indirect = query.get(keys.indirect);
  if (relationship === 'reseller' && indirect !== undefined) {
    throw invalid(`a ResellerRelationship link has no "${keys.indirect}"; use IndirectResellerRelationship`);
  }
  const indirectProviderTenantId = relationship === 'indirectReseller' ? requiredGuid(query, keys.indirect) : undefined;

  return {
    relationship,
    resellerTenantId,
    mpnId,
    ...(indirectProviderTenantId === undefined ? {} : { indirectProviderTenantId }),
    // Read, never assumed: a link without DAP=true asks for no admin rights.
    delegatedAdmin: readDap(query.get('dap')),
  };
}

/** The current admin.microsoft.com form of an invitation link. */
export function renderInvitationLink(link: InvitationLink): string {
  const type = link.relationship === 'indirectReseller' ? 'IndirectResellerRelationship' : 'ResellerRelationship';
  const indirect =
    link.relationship === 'indirectReseller' && link.indirectProviderTenantId !== undefined
      ? `&indirectCSPId=${encodeURIComponent(link.indirectProviderTenantId)}`
      : '';
  return (
    `https://${ADMIN_HOST}/Adminportal/Home?invType=${type}` +
    `&partnerId=${encodeURIComponent(link.resellerTenantId)}` +
    `&msppId=${encodeURIComponent(link.mpnId)}` +
    indirect +
    (link.delegatedAdmin ? '&DAP=true' : '') +
    '#/BillingAccounts/partner-invitation'
  );
}

/**
 * Delegated admin is the distributor's explicit choice (`INVITATION_DELEGATED_ADMIN`),
 * never a side effect of the link: the link is rendered with `DAP=true` only
 * when the choice is on, and a link that asks for DAP while the choice is off
 * is refused rather than silently changed. Throws ConfigurationError.
 */
export function withDelegatedAdminChoice(link: InvitationLink, delegatedAdmin: boolean): InvitationLink {
  if (link.delegatedAdmin && !delegatedAdmin) {
    throw new ConfigurationError(
      'the link asks for delegated admin rights (DAP=true), which give the partner standing Global Administrator access; ' +
        'set INVITATION_DELEGATED_ADMIN=true to keep them, or remove DAP=true from the link',
      VARIABLE,
    );
  }
  return { ...link, delegatedAdmin };
}

/**
 * Reads a GDAP approval link in the form Microsoft documents ("Granular
 * delegated admin privileges (GDAP) API overview", learn.microsoft.com/graph/api/resources/delegatedadminrelationships-api-overview):
 * `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}`.
 * Relationship ids are a GUID, or (as Partner Center makes them) two GUIDs
 * joined by `-`. Throws ConfigurationError naming `variable`.
 */
export function parseGdapApprovalLink(url: string, variable?: string): { relationshipId: string } {
  const parsed = parseHttpsUrl(url, variable);
  const fragment = GDAP_FRAGMENT.exec(parsed.hash);
  if (!isPage(parsed, ADMIN_HOST, ADMIN_PATH) || !fragment) {
    throw new ConfigurationError(
      `expected a GDAP approval link https://${ADMIN_HOST}/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{relationshipId}`,
      variable,
    );
  }
  const relationshipId = fragment[1] ?? '';
  if (!isGdapRelationshipId(relationshipId)) {
    throw new ConfigurationError(`GDAP relationship id "${relationshipId}" is not a GUID or GUID-GUID`, variable);
  }
  return { relationshipId: relationshipId.toLowerCase() };
}

export function renderGdapApprovalLink(relationshipId: string): string {
  return `https://${ADMIN_HOST}/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${encodeURIComponent(relationshipId)}`;
}

function parseHttpsUrl(url: string, variable: string | undefined): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ConfigurationError(`"${url}" is not a URL`, variable);
  }
  if (parsed.protocol !== 'https:') {
    throw new ConfigurationError(`the link must use https, got ${parsed.protocol}`, variable);
  }
  return parsed;
}

/** Host (with no port) and path compared case-insensitively, a trailing slash allowed. */
function isPage(url: URL, host: string, path: string): boolean {
  return url.host === host && url.pathname.toLowerCase().replace(/\/$/, '') === path;
}

function isGdapRelationshipId(id: string): boolean {
  const pairLength = 36 + 1 + 36;
  return isGuid(id) || (id.length === pairLength && id[36] === '-' && isGuid(id.slice(0, 36)) && isGuid(id.slice(37)));
}

function requiredGuid(query: ReadonlyMap<string, string>, key: string): string {
  const value = query.get(key);
  if (value === undefined || value === '') throw invalid(`"${key}" (a tenant id) is missing`);
  if (!isGuid(value)) throw invalid(`"${key}" must be a tenant id (GUID), got "${value}"`);
  return value.toLowerCase();
}

function readDap(value: string | undefined): boolean {
  if (value === undefined) return false;
  const normalized = value.toLowerCase();
  if (normalized !== 'true' && normalized !== 'false') throw invalid(`"DAP" must be true or false, got "${value}"`);
  return normalized === 'true';
}

function invalid(detail: string): ConfigurationError {
  return new ConfigurationError(detail, VARIABLE);
}
