import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUTH_END_PATH } from '../../src/domain/auth/auth-window.js';
import { projectFile } from './support/project-file.js';

const MICROSOFT_GRAPH = '00000003-0000-0000-c000-000000000000';

/**
 * Delegated (Scope) ids from Microsoft's Graph permissions reference
 * (https://learn.microsoft.com/graph/permissions-reference), for the calls
 * in bot/graph/customer-fact-requests.ts.
 */
const GRAPH_DELEGATED = {
  'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', // /me, /organization
  'Organization.Read.All': '4908d5b9-3fb2-4b1e-9336-1888b7937185', // /directory/subscriptions
  'AuditLog.Read.All': 'e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20', // /auditLogs/directoryAudits
  'Directory.Read.All': '06da0dbc-49e2-44d2-8312-53f166ab848a', // /auditLogs/directoryAudits, GDAP service principals
  'Policy.Read.All': '572fea84-0151-49b2-9301-11cb16974376', // /policies/crossTenantAccessPolicy/partners
} as const;

/**
 * Client ids that get the tab's SSO token without a consent prompt, from
 * "Configure your tab app in Microsoft Entra ID", "To configure authorized
 * client application"
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad).
 * The Microsoft 365 and Outlook clients let the personal tab open, signed in,
 * in Outlook and the Microsoft 365 app; d3590ed6 serves both Microsoft 365
 * mobile and Outlook desktop.
 */
const SSO_CLIENTS = {
  teamsDesktopAndMobile: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  teamsWeb: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  microsoft365Web: '4765445b-32c6-49b0-83e6-1d93765276ca',
  microsoft365Desktop: '0ec893e0-5785-4de6-99da-4ed124e5296c',
  microsoft365MobileAndOutlookDesktop: 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  outlookWeb: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  outlookMobile: '27922004-5251-4030-b22d-91ecd9a37ea4',
} as const;

const entraManifest = z
  .object({
    id: z.string(),
    appId: z.string(),
    displayName: z.string(),
    signInAudience: z.string(),
    identifierUris: z.array(z.string()),
    api: z.object({
      requestedAccessTokenVersion: z.number(),
      oauth2PermissionScopes: z.array(
        z.object({ id: z.string(), value: z.string(), type: z.string(), isEnabled: z.boolean() }).loose(),
      ),
      preAuthorizedApplications: z.array(z.object({ appId: z.string(), delegatedPermissionIds: z.array(z.string()) })),
    }),
    requiredResourceAccess: z.array(
      z.object({ resourceAppId: z.string(), resourceAccess: z.array(z.object({ id: z.string(), type: z.string() })) }),
    ),
  })
  .loose()
  .parse(JSON.parse(readFileSync(projectFile('aad.manifest.json'), 'utf8')));

const teamsManifest = z
  .object({
    manifestVersion: z.string(),
    staticTabs: z.array(z.object({ contentUrl: z.string().optional(), scopes: z.array(z.string()) }).loose()),
    webApplicationInfo: z.object({ id: z.string(), resource: z.string() }),
  })
  .loose()
  .parse(JSON.parse(readFileSync(projectFile('appPackage', 'manifest.json'), 'utf8')));

describe('aad.manifest.json (the Entra app of the tab SSO and the on-behalf-of calls)', () => {
  it('is the app the Teams manifest points SSO at', () => {
    expect(entraManifest.appId).toBe(teamsManifest.webApplicationInfo.id);
    // Teams asks Entra for a token for this resource: it must be an Application ID URI.
    expect(entraManifest.identifierUris).toContain(teamsManifest.webApplicationInfo.resource);
    expect(teamsManifest.webApplicationInfo.resource).toBe('api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}');
  });

  it('lets the sign-in window return to /auth/end as a single-page app (auth code + PKCE from the browser)', () => {
    const spa = z.object({ spa: z.object({ redirectUris: z.array(z.string()) }) }).loose().parse(entraManifest);
    expect(spa.spa.redirectUris).toEqual([`https://\${{BOT_DOMAIN}}${AUTH_END_PATH}`]);
  });

  it('is multi-tenant and issues v2 access tokens (aud = client id, v2 issuer)', () => {
    expect(entraManifest.signInAudience).toBe('AzureADMultipleOrgs');
    expect(entraManifest.api.requestedAccessTokenVersion).toBe(2);
  });

  it('exposes access_as_user and pre-authorizes the Teams, Microsoft 365 and Outlook clients for it', () => {
    const [scope, ...others] = entraManifest.api.oauth2PermissionScopes;
    expect(others).toEqual([]);
    expect(scope).toMatchObject({ value: 'access_as_user', type: 'User', isEnabled: true });
    expect(entraManifest.api.preAuthorizedApplications).toEqual(
      Object.values(SSO_CLIENTS).map((appId) => ({ appId, delegatedPermissionIds: [scope?.id] })),
    );
  });

  it('offers the tab to Outlook and the Microsoft 365 app: a personal tab in a manifest of version 1.13 or later', () => {
    // "Extend Teams apps across Microsoft 365": personal tabs run in Outlook and the
    // Microsoft 365 app from manifest version 1.13 (https://learn.microsoft.com/microsoftteams/platform/m365-apps/overview).
    const [major = 0, minor = 0] = teamsManifest.manifestVersion.split('.').map(Number);
    expect(major > 1 || (major === 1 && minor >= 13)).toBe(true);
    expect(teamsManifest.staticTabs.filter((tab) => tab.contentUrl !== undefined).flatMap((tab) => tab.scopes)).toContain('personal');
  });

  it('asks for exactly the delegated Graph permissions the server uses, and no application permission', () => {
    expect(entraManifest.requiredResourceAccess).toEqual([
      {
        resourceAppId: MICROSOFT_GRAPH,
        resourceAccess: Object.values(GRAPH_DELEGATED).map((id) => ({ id, type: 'Scope' })),
      },
    ]);
  });
});
