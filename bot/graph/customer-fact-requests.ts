import { AUDIT_LOG_READER_ROLES, CROSS_TENANT_POLICY_READER_ROLES } from '../../src/domain/tenant/directory-roles.js';
import { GDAP_APP_IDS } from '../../src/domain/tenant/relationship-evidence.js';
import type { GraphBatchRequest } from './graph-batch.js';
import type { PermissionNeeds } from './graph-part-outcome.js';

/**
 * The customer-side Graph requests (tenant facts and relationship evidence), all sent in
 * one `$batch`. Each names the delegated permission(s) it needs, per its
 * Microsoft Graph v1.0 reference page, among those the app registration
 * (aad.manifest.json) requests: the admin-consent link grants only those.
 */

export type CustomerFactId =
  | 'organization'
  | 'me'
  | 'subscriptions'
  | 'partnerAuditEvents'
  | 'crossTenantPartners'
  | 'gdapServicePrincipals'
  | 'directoryRoles';

export interface CustomerFactRequest extends GraphBatchRequest, PermissionNeeds {
  readonly id: CustomerFactId;
}

/** OData `$filter` values go through encodeURIComponent: spaces and quotes must survive the URL. */
const filter = (expression: string): string => `$filter=${encodeURIComponent(expression)}`;

const appIdList = GDAP_APP_IDS.map((appId) => `'${appId}'`).join(',');

export const CUSTOMER_FACT_REQUESTS: Readonly<Record<CustomerFactId, CustomerFactRequest>> = {
  organization: {
    id: 'organization',
    url: '/organization?$select=id,displayName,verifiedDomains,street,city,postalCode,state,country,businessPhones',
    permissions: ['User.Read'],
    roleTemplateIds: [],
  },
  me: {
    id: 'me',
    url: '/me?$select=id,displayName,givenName,surname,mail,userPrincipalName,mobilePhone,businessPhones',
    permissions: ['User.Read'],
    roleTemplateIds: [],
  },
  subscriptions: {
    id: 'subscriptions',
    url: '/directory/subscriptions',
    permissions: ['Organization.Read.All'],
    roleTemplateIds: [],
  },
  partnerAuditEvents: {
    id: 'partnerAuditEvents',
    url: `/auditLogs/directoryAudits?${filter("activityDisplayName eq 'Add partner to company'")}&$top=20`,
    permissions: ['AuditLog.Read.All', 'Directory.Read.All'],
    roleTemplateIds: AUDIT_LOG_READER_ROLES,
  },
  crossTenantPartners: {
    id: 'crossTenantPartners',
    url: '/policies/crossTenantAccessPolicy/partners?$select=tenantId,isServiceProvider',
    permissions: ['Policy.Read.All'],
    roleTemplateIds: CROSS_TENANT_POLICY_READER_ROLES,
  },
  // Application.Read.All is the least privileged choice, but Directory.Read.All (already
  // needed for the audit log) covers it: one permission fewer for the customer to consent to.
  gdapServicePrincipals: {
    id: 'gdapServicePrincipals',
    url: `/servicePrincipals?${filter(`appId in (${appIdList})`)}&$select=id,appId,displayName`,
    permissions: ['Directory.Read.All'],
    roleTemplateIds: [],
  },
  // The OData cast needs ConsistencyLevel and $count (Graph v1.0, "List a user's memberships").
  directoryRoles: {
    id: 'directoryRoles',
    url: '/me/transitiveMemberOf/microsoft.graph.directoryRole?$count=true&$select=id,displayName,roleTemplateId',
    headers: { ConsistencyLevel: 'eventual' },
    permissions: ['User.Read'],
    roleTemplateIds: [],
  },
};

/**
 * The batch for one tenant. The roles are looked up in Graph only when the
 * SSO token did not name them (its `wids` claim needs `groupMembershipClaims`).
 */
export function customerFactRequests(options: { readonly rolesFromToken: boolean }): CustomerFactRequest[] {
  return Object.values(CUSTOMER_FACT_REQUESTS).filter((request) => request.id !== 'directoryRoles' || !options.rolesFromToken);
}
