// Linux App Service (Node 22 LTS) that runs the whole server: the tab at `/`,
// the HTTP API, and the Bot Framework endpoint `/api/messages`.
//
// Code arrives by zip deploy (azureAppService/zipDeploy in teamsapp.yml) as
// the locally built `dist/` plus package.json and package-lock.json; Oryx then
// installs the production dependencies on the server (CUSTOM_BUILD_COMMAND).

@description('Globally unique name; the app is reached at https://<name>.azurewebsites.net.')
@minLength(2)
@maxLength(60)
param name string

param location string

@description('App Service plan size. Always On needs Basic (B1) or higher.')
param skuName string

// sku.capacity is the plan's instance count (https://learn.microsoft.com/azure/templates/microsoft.web/serverfarms).
@description('How many instances the plan runs.')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('The user-assigned managed identity the server runs as: the bot identity (Azure Bot type UserAssignedMSI) and the Table Storage identity.')
param identityResourceId string

@description('Client id of that identity: the server signs in to Table Storage with it (AZURE_CLIENT_ID).')
param identityClientId string

@description('Table endpoint of the Storage account (https://<account>.table.core.windows.net/).')
param storageTableEndpoint string

@description('The server\'s settings (bot/config.ts), already without empty optional ones; some values are secrets.')
@secure()
param serverSettings object

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: name
  location: location
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The same command as `npm run start:prod`: V8's heap is capped so the process stays well under 200 MB (README, Server figures).
      appCommandLine: 'node --disable-warning=DEP0111 --max-old-space-size=128 --max-semi-space-size=4 dist/server/bot/main.js'
      alwaysOn: true // the outbox worker retries deliveries in the background
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// The Agents Toolkit uploads with an Entra token, so publishing passwords are
// not needed; switching them off closes that door.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

var hostName = toLower(webApp.properties.defaultHostName)

// Declarative: every provision writes the whole set, so a setting changed in
// the portal is replaced by the value from the env files. Optional settings
// are parameters of azure.bicep (see the Deploy section of the README).
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(serverSettings, {
    // Where users and Bot Framework reach the server.
    BOT_DOMAIN: hostName
    PUBLIC_URL: 'https://${hostName}'
    // Table Storage through the managed identity: no key exists in any
    // setting (the account refuses shared keys; storage.bicep).
    AZURE_STORAGE_ACCOUNT_URL: storageTableEndpoint
    AZURE_CLIENT_ID: identityClientId
    // The Node image sends traffic to 8080; the server listens on PORT.
    PORT: '8080'
    WEBSITES_PORT: '8080'
    NODE_ENV: 'production'
    // Zip deploy ships the built dist/ without node_modules; Oryx installs
    // only the production dependencies from package-lock.json.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --no-audit --no-fund'
  })
}

output id string = webApp.id
output name string = webApp.name
output hostName string = hostName
