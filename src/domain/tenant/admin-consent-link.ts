/**
 * The tenant-wide admin-consent page for the app (Microsoft Learn, "Grant
 * tenant-wide admin consent to an application"). The
 * plain form needs no registered redirect URI; an administrator of the
 * customer's tenant opens it once and grants every permission the app lists.
 */
export function adminConsentUrl(tenantId: string, clientId: string): string {
  return (
    `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/adminconsent` +
    `?client_id=${encodeURIComponent(clientId)}`
  );
}
