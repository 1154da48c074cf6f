// Azure Bot registration with the Microsoft Teams channel. The bot's identity
// is the web app's user-assigned managed identity (no password to store or
// rotate). New multi-tenant registrations are closed since 2025-07-31; an
// UserAssignedMSI bot still talks with users of every tenant.

@description('Globally unique bot handle.')
@minLength(2)
@maxLength(64)
param name string

@maxLength(42)
param displayName string

@allowed([
  'F0'
  'S1'
])
@description('F0 is free for standard channels, and Microsoft Teams is one.')
param skuName string

@description('https://<host>: the bot endpoint is <messagingHost>/api/messages.')
param messagingHost string

param identityResourceId string
param identityClientId string
param identityTenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: '${messagingHost}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output id string = bot.id
output name string = bot.name
