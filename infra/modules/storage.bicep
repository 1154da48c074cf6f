// Storage account for the orders, deliveries, conversation references and the
// distributor inbox (Azure Table Storage). The server creates its tables at
// start, so only the account, its table service and the server identity's
// data role are declared here. No key is used: the server signs in with its
// managed identity (Entra ID), so shared-key access is switched off.

@description('Globally unique account name: 3-24 lower-case letters and digits.')
@minLength(3)
@maxLength(24)
param name string

param location string

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string

@description('Principal (object) id of the managed identity the server runs as; it gets "Storage Table Data Contributor" on this account.')
param tableDataContributorPrincipalId string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Requests signed with an account key (or a SAS made from one) are refused;
    // only Entra ID tokens are accepted ("Prevent Shared Key authorization for
    // an Azure Storage account",
    // https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent).
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    cors: {
      // Only the server talks to the tables; browsers never do.
      corsRules: []
    }
  }
}

// "Storage Table Data Contributor": read, write and delete tables and
// entities; built-in role id from "Azure built-in roles for Storage"
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-table-data-contributor),
// assigned as in "Assign Azure roles using Azure Resource Manager templates"
// (https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template).
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  // Deterministic, so provisioning again finds the same assignment.
  name: guid(storage.id, tableDataContributorPrincipalId, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: tableDataContributorPrincipalId
    // A new identity may not have replicated through Entra yet; the type lets
    // the assignment be made anyway.
    principalType: 'ServicePrincipal'
  }
}

output name string = storage.name
output id string = storage.id
@description('Table endpoint, e.g. https://<account>.table.core.windows.net/: the server\'s AZURE_STORAGE_ACCOUNT_URL.')
output tableEndpoint string = storage.properties.primaryEndpoints.table
