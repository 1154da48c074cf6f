// Azure resources of the CSP onboarding service, deployed by `arm/deploy` in
// teamsapp.yml with the values of infra/azure.parameters.json (its ${{VAR}}
// placeholders come from env/.env.<env> and env/.env.<env>.user).
//
//   managed identity ─┬─ web app (Linux, Node 22): tab + API + /api/messages
//                     ├─ Azure Bot (UserAssignedMSI) + Microsoft Teams channel
//                     └─ "Storage Table Data Contributor" on the storage account
//   storage account (tables): shared keys off, reached with the identity
//
// Every output is written to env/.env.<env> (committed): outputs never carry
// secrets.

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name (web app, bot, identity, storage account); letters, digits and hyphens.')
param resourceBaseName string

param location string = resourceGroup().location

@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
@description('App Service plan size. Always On needs Basic (B1) or higher.')
param webAppSku string = 'B1'

// A string, as the lifecycle's ${{…}} substitution writes every parameter value.
@description('How many instances the App Service plan runs (its sku.capacity); the server gets the same number as INSTANCE_COUNT and divides its per-instance rate limit by it. Empty: 1.')
param instanceCount string = '1'

var instances = empty(trim(instanceCount)) ? 1 : int(instanceCount)

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier: Microsoft Teams is a standard channel, free on F0.')
param botServiceSku string = 'F0'

@maxLength(42)
@description('Name of the bot in the Azure portal.')
param botDisplayName string

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_LRS'

// ---- The server's settings (bot/config.ts) --------------------------------

@description('AAD_APP_CLIENT_ID: the multi-tenant Entra app of the tab SSO and the on-behalf-of Graph calls.')
param aadAppClientId string

@secure()
@description('AAD_APP_CLIENT_SECRET: that app\'s client secret (from SECRET_AAD_APP_CLIENT_SECRET).')
param aadAppClientSecret string

@description('DISTRIBUTOR_NAME, shown to customers.')
param distributorName string

@description('DISTRIBUTOR_TENANT_ID: the tenant whose team becomes the orders inbox.')
param distributorTenantId string

@description('INVITATION_LINK: the distributor\'s CSP reseller invitation link.')
param invitationLink string

@description('DISTRIBUTOR_TIME_ZONE (IANA).')
param distributorTimeZone string = 'Europe/Moscow'

@allowed([
  'ru'
  'en'
])
@description('DELIVERY_LOCALE: language of what the distributor\'s staff read.')
param deliveryLocale string = 'ru'

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

// Optional settings: an empty value leaves the setting out, so the server's
// default applies. The Agents Toolkit refuses a ${{VAR}} whose value is
// empty, so a setting is wired in azure.parameters.json only when it is used
// (the README's Deploy section shows how).

@description('TEAMS_APP_ID: the Teams app id (manifest id), for the "Open in board" links on order cards and e-mails.')
param teamsAppId string = ''

@description('OFFERED_SKUS: the subscriptions offered, comma-separated skuPartNumber or skuId.')
param offeredSkus string = ''

@description('INVITATION_DELEGATED_ADMIN: true makes the invitation also ask for delegated admin (DAP); default false.')
param invitationDelegatedAdmin string = ''

@description('GDAP_INVITATION_LINK: a GDAP approval link (…#/partners/invitation/granularAdminRelationships/{id}), shown as a separate step.')
param gdapInvitationLink string = ''

@description('PRIVACY_URL, TERMS_URL: the distributor\'s own https pages; /privacy and /terms then redirect there.')
param privacyUrl string = ''

param termsUrl string = ''

@description('DEFAULT_SKU: the offered subscription a head count typed in chat ("licenses for 20 people") is ordered for.')
param defaultSku string = ''

@description('DELIVERY_TEAMS: false turns off delivery to the Teams inbox channel (then a webhook or e-mail is needed).')
param deliveryTeams string = ''

@description('ORDER_RATE_LIMIT_PER_MINUTE: order submissions per customer tenant and minute (server default 30; 0 = off).')
param orderRateLimitPerMinute string = ''

@description('OPEN_ORDERS_PER_TENANT_MAX: orders not yet completed per customer tenant (server default 100; 0 = no cap).')
param openOrdersPerTenantMax string = ''

@description('ORDER_SUBMISSIONS_IN_FLIGHT_MAX: order writes one instance runs at once, all tenants together; one more answers 503 busy (server default 16; 0 = off).')
param orderSubmissionsInFlightMax string = ''

@description('OUTBOX_CONCURRENCY: deliveries one instance runs at once, to every channel (server default 16; 1 to 256).')
param outboxConcurrency string = ''

@description('REMINDER_AFTER_DAYS: days a customer may stay at one step before its one reminder (server default 3; 0 = no reminders).')
param reminderAfterDays string = ''

@description('TEAMS_APP_ID: the Teams app id (manifest id), for the reminder button that opens the personal tab.')
param teamsAppId string = ''
@description('DISTRIBUTOR_STAFF_GROUP_ID: object id of the Entra group whose members may use the orders board (unset: every non-guest user of the distributor tenant).')
param distributorStaffGroupId string = ''

@description('BOARD_RANGE_MAX_ORDERS: index rows one board request reads (server default 20000).')
param boardRangeMaxOrders string = ''

@description('BOARD_EXPORT_MAX_ORDERS: orders one board export holds (server default 5000).')
param boardExportMaxOrders string = ''

@secure()
@description('DELIVERY_WEBHOOK_URL: a Workflows "when a webhook request is received" URL; its signature makes it a secret.')
param deliveryWebhookUrl string = ''

@description('SMTP_HOST: turns e-mail delivery on.')
param smtpHost string = ''

param smtpPort string = ''

@description('SMTP_SECURE: true for implicit TLS (port 465).')
param smtpSecure string = ''

param smtpUser string = ''

@secure()
param smtpPassword string = ''

param smtpFrom string = ''

@description('DELIVERY_EMAIL_TO: the distributor mailbox(es), comma-separated.')
param deliveryEmailTo string = ''

@description('DISTRIBUTOR_ADMINS: Entra object ids (GUIDs) of the users who may choose the inbox channel, comma-separated.')
param distributorAdmins string = ''

@description('PARTNER_GRAPH_CLIENT_ID: app-only Graph credentials in the distributor tenant, to confirm partner relationships.')
param partnerGraphClientId string = ''

@secure()
param partnerGraphClientSecret string = ''

@description('GDAP_ROLES: Microsoft Entra role template ids requested per customer, comma-separated (server default: Directory Readers, License Administrator, Service Support Administrator).')
param gdapRoles string = ''

@description('GDAP_DURATION: how long a GDAP relationship lasts, ISO 8601 from P1D to P2Y (server default P730D).')
param gdapDuration string = ''

@description('GDAP_ACCESS_GROUP_ID: object id of the distributor\'s security group that gets the GDAP roles once a customer approves.')
param gdapAccessGroupId string = ''

@description('GDAP_REFRESH_INTERVAL_SECONDS: how often pending GDAP approvals are read from Graph (server default 300).')
param gdapRefreshIntervalSeconds string = ''

// ---------------------------------------------------------------------------

var baseName = toLower(resourceBaseName)
// Storage account names allow lower-case letters and digits only.
var storageBaseName = replace(replace(baseName, '-', ''), '_', '')

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: baseName
  location: location
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('${storageBaseName}${uniqueString(resourceGroup().id)}', 24)
    location: location
    skuName: storageSku
    tableDataContributorPrincipalId: botIdentity.properties.principalId
  }
}

var optionalSettings = {
  TEAMS_APP_ID: teamsAppId
  OFFERED_SKUS: offeredSkus
  INVITATION_DELEGATED_ADMIN: invitationDelegatedAdmin
  GDAP_INVITATION_LINK: gdapInvitationLink
  PRIVACY_URL: privacyUrl
  TERMS_URL: termsUrl
  DEFAULT_SKU: defaultSku
  DELIVERY_TEAMS: deliveryTeams
  ORDER_RATE_LIMIT_PER_MINUTE: orderRateLimitPerMinute
  OPEN_ORDERS_PER_TENANT_MAX: openOrdersPerTenantMax
  ORDER_SUBMISSIONS_IN_FLIGHT_MAX: orderSubmissionsInFlightMax
  OUTBOX_CONCURRENCY: outboxConcurrency
  REMINDER_AFTER_DAYS: reminderAfterDays
  TEAMS_APP_ID: teamsAppId
  DISTRIBUTOR_STAFF_GROUP_ID: distributorStaffGroupId
  BOARD_RANGE_MAX_ORDERS: boardRangeMaxOrders
  BOARD_EXPORT_MAX_ORDERS: boardExportMaxOrders
  DELIVERY_WEBHOOK_URL: deliveryWebhookUrl
  SMTP_HOST: smtpHost
  SMTP_PORT: smtpPort
  SMTP_SECURE: smtpSecure
  SMTP_USER: smtpUser
  SMTP_PASSWORD: smtpPassword
  SMTP_FROM: smtpFrom
  DELIVERY_EMAIL_TO: deliveryEmailTo
  DISTRIBUTOR_ADMINS: distributorAdmins
  PARTNER_GRAPH_CLIENT_ID: partnerGraphClientId
  PARTNER_GRAPH_CLIENT_SECRET: partnerGraphClientSecret
  GDAP_ROLES: gdapRoles
  GDAP_DURATION: gdapDuration
  GDAP_ACCESS_GROUP_ID: gdapAccessGroupId
  GDAP_REFRESH_INTERVAL_SECONDS: gdapRefreshIntervalSeconds
}

var requiredSettings = {
  DISTRIBUTOR_NAME: distributorName
  DISTRIBUTOR_TENANT_ID: distributorTenantId
  INVITATION_LINK: invitationLink
  DISTRIBUTOR_TIME_ZONE: distributorTimeZone
  DELIVERY_LOCALE: deliveryLocale
  LOG_LEVEL: logLevel
  INSTANCE_COUNT: string(instances)
  // The bot authenticates as the managed identity: no password exists.
  BOT_ID: botIdentity.properties.clientId
  BOT_TYPE: 'UserAssignedMSI'
  BOT_TENANT_ID: botIdentity.properties.tenantId
  AAD_APP_CLIENT_ID: aadAppClientId
  AAD_APP_CLIENT_SECRET: aadAppClientSecret
}

// An empty optional setting is left out, so the server applies its default.
var presentOptionalSettings = toObject(filter(items(optionalSettings), setting => !empty(trim(setting.value))), setting => setting.key, setting => setting.value)

var serverSettings = union(requiredSettings, presentOptionalSettings)

module webApp 'modules/web-app.bicep' = {
  name: 'web-app'
  params: {
    name: baseName
    location: location
    skuName: webAppSku
    instanceCount: instances
    identityResourceId: botIdentity.id
    identityClientId: botIdentity.properties.clientId
    storageTableEndpoint: storage.outputs.tableEndpoint
    serverSettings: serverSettings
  }
}

module azureBot 'modules/azure-bot.bicep' = {
  name: 'azure-bot'
  params: {
    name: baseName
    displayName: botDisplayName
    skuName: botServiceSku
    messagingHost: 'https://${webApp.outputs.hostName}'
    identityResourceId: botIdentity.id
    identityClientId: botIdentity.properties.clientId
    identityTenantId: botIdentity.properties.tenantId
  }
}

// Written to env/.env.<env> by the Agents Toolkit (names are upper-cased).
@description('Target of azureAppService/zipDeploy.')
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id
output AZURE_APP_SERVICE_NAME string = webApp.outputs.name
@description('Lower-case host name: the Teams manifest and the Entra Application ID URI use it.')
output BOT_DOMAIN string = webApp.outputs.hostName
output BOT_ENDPOINT string = 'https://${webApp.outputs.hostName}'
@description('Client id of the managed identity: the bot\'s Microsoft App ID.')
output BOT_ID string = botIdentity.properties.clientId
output BOT_TENANT_ID string = botIdentity.properties.tenantId
output AZURE_BOT_RESOURCE_ID string = azureBot.outputs.id
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
