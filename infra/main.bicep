// PlanDesk's whole deployment in one resource group (README "Running in Azure"):
//   Log Analytics + Application Insights (workspace-based), a user-assigned managed identity, Key Vault (RBAC)
//   with the bot's app password (and the audit key, if given), an App Service plan (Linux) and Web App on Node 22
//   LTS, Cosmos DB for NoSQL (cosmos.bicep: account, database, container, Built-in Data Contributor for the
//   identity), the Azure Bot with its Teams channel.
//
//   az deployment group create -g <group> -f infra/main.bicep -p infra/pilot.bicepparam
//
// The app's settings are the environment variables src/config.ts reads (test/deploy/bicep.test.ts checks each
// name); secrets reach it only as Key Vault references resolved with the user-assigned identity.

@description('Short name the resources are named after (letters, digits and dashes), e.g. plandesk-pilot.')
@minLength(3)
@maxLength(20)
param name string

param location string = resourceGroup().location

@description('How the bot signs in: an Entra app registration of this tenant with a client secret (SingleTenant), or the user-assigned managed identity this template creates (UserAssignedMSI, no secret).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('SingleTenant: the app registration\'s application (client) id. UserAssignedMSI: ignored (the identity\'s client id is used); leave empty.')
param botAppId string = ''

@description('SingleTenant: the app registration\'s client secret, stored in Key Vault (the app reads it through a Key Vault reference); required on the first deployment, empty later keeps the stored one. UserAssignedMSI: leave empty.')
@secure()
param botAppPassword string = ''

@description('The tenant of the bot\'s identity.')
param tenantId string = tenant().tenantId

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free on both), S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan SKU (Linux); Always On needs Basic (B1) or above.')
param appServiceSku string = 'B1'

@description('Autoscale maximum RU/s of the Cosmos DB container (README "Throughput to start with": 1,000).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('PLANDESK_AUDIT_KEY: signs the audit trail\'s checkpoints (at least 32 characters, e.g. openssl rand -base64 32). Stored in Key Vault when given; empty keeps the secret stored before.')
@secure()
param auditKey string = ''

@description('Whether the app signs the audit trail\'s checkpoints with the audit key stored in Key Vault (give the key on the first deployment).')
param signAuditCheckpoints bool = false

@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, name)
var usesSecret = botAppType == 'SingleTenant'
var botSecretName = 'bot-app-password'
var auditKeySecretName = 'plandesk-audit-key'
// Built-in role: Key Vault Secrets User (read secret contents).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// The app's one identity: Key Vault references, Cosmos DB (no key), and the bot itself when UserAssignedMSI.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  // 3 to 24 letters, digits and single dashes: the name's dashes are dropped, so none doubles up before the suffix.
  name: take('kv-${take(replace(name, '-', ''), 10)}-${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

// Secrets are written only when given, so a later deployment without them in its shell keeps the stored ones.
resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usesSecret && !empty(botAppPassword)) {
  parent: vault
  name: botSecretName
  properties: { value: botAppPassword }
}

resource auditKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(auditKey)) {
  parent: vault
  name: auditKeySecretName
  properties: { value: auditKey }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Account, database `plandesk`, container `plandesk` (/pk, the code's indexing policy), autoscale, and the
// Cosmos DB Built-in Data Contributor role (sqlRoleAssignments, 00000000-0000-0000-0000-000000000002) for the identity.
module cosmos 'cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: toLower('${name}-${suffix}')
    location: location
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    appPrincipalId: identity.properties.principalId
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

var botAppIdInUse = usesSecret ? botAppId : identity.properties.clientId
// Unversioned references: the app reads the secret's current version (App Service refreshes them within a day,
// or at once on a restart).
var secretSettings = concat(
  usesSecret
    ? [
        {
          name: 'MicrosoftAppPassword'
          value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${botSecretName})'
        }
      ]
    : [],
  signAuditCheckpoints
    ? [
        {
          name: 'PLANDESK_AUDIT_KEY'
          value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${auditKeySecretName})'
        }
      ]
    : []
)

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      // The process answers, not /readyz: App Service takes an instance failing its check out of the load balancer
      // and replaces it if it stays unhealthy, while a Cosmos DB outage would fail every instance's /readyz at once,
      // which no replacement mends. /readyz is for a person or an alert to read.
      healthCheckPath: '/livez'
      // `npm start` would first rebuild with tsc, a dev dependency the deployed package leaves out.
      appCommandLine: 'node --disable-warning=DEP0111 dist/main.js'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: concat(
        [
          { name: 'MicrosoftAppType', value: botAppType }
          { name: 'MicrosoftAppId', value: botAppIdInUse }
          { name: 'MicrosoftAppTenantId', value: tenantId }
          { name: 'PLANDESK_STORE', value: 'cosmos' }
          { name: 'COSMOS_ENDPOINT', value: cosmos.outputs.endpoint }
          { name: 'COSMOS_DATABASE', value: cosmos.outputs.databaseName }
          // An empty store is not seeded with the sample directory and applications.
          { name: 'PLANDESK_SAMPLES', value: 'none' }
          // DefaultAzureCredential (Cosmos DB without COSMOS_KEY) picks the user-assigned identity by its client id.
          { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
          { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
          // The zip deployed is mounted read-only as wwwroot, built beforehand (README "Running in Azure").
          { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        ],
        secretSettings
      )
    }
  }
  // A Key Vault reference resolves only once the identity may read the secret.
  dependsOn: [
    secretsUser
    botPasswordSecret
    auditKeySecret
  ]
}

// The JSON lines the app writes to stderr, and the HTTP log, into Log Analytics.
resource webLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: web
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: union(
    {
      displayName: 'PlanDesk'
      endpoint: 'https://${web.properties.defaultHostName}/api/messages'
      msaAppId: botAppIdInUse
      msaAppType: botAppType
      msaAppTenantId: tenantId
    },
    usesSecret ? {} : { msaAppMSIResourceId: identity.id }
  )
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('The web app\'s host name: BOT_DOMAIN for the Teams app package (env/.env.<env>).')
output webAppHostName string = web.properties.defaultHostName
@description('The web app\'s name, for az webapp deploy.')
output webAppName string = web.name
@description('The bot\'s Microsoft app id: BOT_ID for the Teams app package.')
output botId string = botAppIdInUse
output botResourceName string = bot.name
output keyVaultName string = vault.name
output cosmosEndpoint string = cosmos.outputs.endpoint
