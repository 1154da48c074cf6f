/** A Microsoft Graph access token and what it allows. */
export interface GraphToken {
  readonly accessToken: string;
  /**
   * The delegated Graph permissions the token carries (e.g. `User.Read`),
   * or undefined when Entra did not list them: then a 403 cannot be told
   * apart from missing consent.
   */
  readonly grantedScopes: ReadonlySet<string> | undefined;
  readonly expiresOn: Date | null;
}

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

const GRAPH_RESOURCE_PREFIX = 'https://graph.microsoft.com/';
const NOT_GRAPH_PERMISSIONS = new Set(['.default', 'openid', 'profile', 'email', 'offline_access']);

/** Reduces the scopes of a token answer to Graph permission names, e.g. `Organization.Read.All`. */
export function grantedGraphScopes(scopes: readonly string[]): ReadonlySet<string> | undefined {
  const permissions = scopes
    .map((scope) => (scope.toLowerCase().startsWith(GRAPH_RESOURCE_PREFIX) ? scope.slice(GRAPH_RESOURCE_PREFIX.length) : scope))
    .filter((scope) => scope !== '' && !NOT_GRAPH_PERMISSIONS.has(scope.toLowerCase()));
  return permissions.length === 0 ? undefined : new Set(permissions.map((permission) => permission.toLowerCase()));
}

/** Whether every permission is among the granted ones (names compare case-insensitively). */
export function grantsAll(granted: ReadonlySet<string> | undefined, permissions: readonly string[]): boolean {
  return granted !== undefined && permissions.every((permission) => granted.has(permission.toLowerCase()));
}
