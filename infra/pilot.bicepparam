// The pilot: one B1 instance, Cosmos DB autoscale to 1,000 RU/s, a free (F0) Azure Bot.
//
//   PLANDESK_BOT_APP_PASSWORD=<client secret> PLANDESK_AUDIT_KEY="$(openssl rand -base64 32)" \
//     az deployment group create -g <group> -f infra/main.bicep -p infra/pilot.bicepparam
//
// Secrets are read from the deploying shell's environment, never written here. Replace the placeholder ids.
using 'main.bicep'

param name = 'plandesk-pilot'

// SingleTenant: an Entra app registration of this tenant and its client secret (README "Running in Azure").
// UserAssignedMSI: the identity this template creates is the bot's; botAppId and the password stay empty.
param botAppType = 'SingleTenant'

// The app registration's application (client) id: placeholder, replace.
param botAppId = '00000000-0000-0000-0000-000000000000'

// The tenant of the app registration: placeholder, replace (or remove the line to use the deploying tenant).
param tenantId = '00000000-0000-0000-0000-000000000000'

// Both are required on the first deployment; later ones may leave them out and keep the stored secrets.
param botAppPassword = readEnvironmentVariable('PLANDESK_BOT_APP_PASSWORD', '')
param auditKey = readEnvironmentVariable('PLANDESK_AUDIT_KEY', '')
param signAuditCheckpoints = true

param botSku = 'F0'
param appServiceSku = 'B1'
param cosmosAutoscaleMaxThroughput = 1000
