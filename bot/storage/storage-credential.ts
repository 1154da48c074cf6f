import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';

/**
 * The Entra credential the server signs in to Table Storage with when no
 * connection string is set. With a client id it is that user-assigned
 * managed identity (in Azure the web app's identity, which the Bicep gives
 * "Storage Table Data Contributor"); without one, `DefaultAzureCredential`
 * tries the system-assigned identity and, on a developer's machine, the
 * Azure CLI sign-in. @azure/identity README:
 * https://learn.microsoft.com/javascript/api/overview/azure/identity-readme
 */
export function createStorageCredential(managedIdentityClientId: string | undefined): TokenCredential {
  return managedIdentityClientId === undefined
    ? new DefaultAzureCredential()
    : new ManagedIdentityCredential({ clientId: managedIdentityClientId });
}
