// Storage account for the orders, deliveries, conversation references and the
// distributor inbox (Azure Table Storage). The server creates its tables at
// start, so only the account and its table service are declared here.

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
    // The server authenticates with the account's connection string
    // (AZURE_STORAGE_CONNECTION_STRING), which needs shared-key access.
    allowSharedKeyAccess: true
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

// Names only: the connection string is built where it is used (web-app.bicep)
// so that no key ever passes through an output.
output name string = storage.name
output id string = storage.id
