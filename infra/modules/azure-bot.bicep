// Azure Bot registration with the Microsoft Teams channel. The bot's identity
// is the web app's user-assigned managed identity (no password to store or
// rotate): msaAppType UserAssignedMSI.
//
// Why not SingleTenant + federated identity credential, which Microsoft's
// newer "Agent tenancy" page recommends for new bots and calls the
// managed-identity type legacy
// (https://learn.microsoft.com/microsoftteams/platform/agents-in-teams/agent-tenancy)?
// - That page's how-to for the federated credential is still a placeholder
//   ("For more information, see TODO"; the "Federated identity credentials"
//   section of "Configure agent runtime authentication" is unwritten).
// - It needs a second Entra app (the bot's) with a federated credential that
//   trusts this identity; neither the Toolkit's aadApp actions nor this
//   template (without the Microsoft Graph Bicep extension) can create one,
//   and botbuilder 4.23's ConfigurationBotFrameworkAuthentication does not
//   read it (FederatedServiceClientCredentialsFactory must be wired by hand).
// - The official templates still provision this type (e.g. Teams samples'
//   M365Agent infra, azurebot.bicep of botRegistration), and the Toolkit's
//   maintainers state a UserAssignedMSI bot serves users of other tenants
//   (OfficeDev/microsoft-365-agents-toolkit pull request 11822).
// Bot type is not tenancy: the type names the kind of identity only. Moving
// to SingleTenant + federated credential is planned with the move to
// @microsoft/agents-hosting (README, "Deploy" → "The Azure Bot type").
// New MultiTenant registrations are closed since 2025-07-31.

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
