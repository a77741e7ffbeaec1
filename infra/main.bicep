// Reflect in Azure: one resource group holding the web app (Node 22 LTS, Linux) running as a user-assigned
// managed identity, the Azure Bot with the Teams channel, Cosmos DB (serverless, keys disabled) and
// Application Insights on Log Analytics. Everything but the bot (a global resource) is in one UK region.
// No secret remains (the bot and Cosmos DB use the managed identity), so there is no Key Vault.
//
//   az deployment group create -g <resource group> -n reflect -f infra/main.bicep \
//     -p infra/main.parameters.json -p aadAppClientId=<client id of the Entra app for single sign-on>
//
// The outputs botId, tabDomain and aadAppClientId feed `npm run package` (see README, Deployment guide).

targetScope = 'resourceGroup'

@description('Short name used in every resource name (lower case letters and digits).')
@minLength(3)
@maxLength(12)
param name string = 'reflect'

@description('Azure region for everything but the bot. UK South keeps staff records in the UK (UK West is the other UK region).')
param location string = 'uksouth'

@description('Azure region of Cosmos DB (defaults to location).')
param cosmosLocation string = location

@description('Years a leaver\'s supervision, training and caseload records are kept after they leave, then deleted (RETENTION_YEARS).')
@minValue(1)
@maxValue(100)
param retentionYears int = 6

@description('Application (client) id of the Entra app registered for single sign-on to the tab (README, step 1).')
@minLength(36)
@maxLength(36)
param aadAppClientId string

@description('App Service plan SKU: B1 suits a council of a few hundred staff; P0v3 or above for more memory and zone redundancy.')
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
param appServiceSku string = 'B1'

@description('Web app instances (scale out).')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('serverless (pay per request); autoscale (a new account with shared autoscale throughput); provisioned (an account moved from serverless in place: throughput is then managed outside this template).')
@allowed([
  'serverless'
  'autoscale'
  'provisioned'
])
param cosmosCapacityMode string = 'serverless'

@description('Autoscale maximum RU/s shared by the containers (cosmosCapacityMode autoscale only).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Cosmos DB database name.')
param cosmosDatabaseName string = 'reflect'

@description('Cosmos DB point-in-time restore window.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param cosmosBackupTier string = 'Continuous7Days'

@description('Object ids of people or groups who may read and write the data directly (e.g. for the first roster import). Leave empty in normal running.')
param dataContributorPrincipalIds array = []

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Azure Bot pricing tier (F0 is free for Teams).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Tags on every resource.')
param tags object = {
  application: 'reflect'
}

var suffix = uniqueString(subscription().id, resourceGroup().id, name)
var names = {
  identity: 'id-${name}-${suffix}'
  workspace: 'log-${name}-${suffix}'
  insights: 'appi-${name}-${suffix}'
  cosmos: 'cosmos-${name}-${suffix}'
  plan: 'plan-${name}-${suffix}'
  web: '${name}-${suffix}'
  bot: 'bot-${name}-${suffix}'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    insightsName: names.insights
    location: location
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: names.cosmos
    location: cosmosLocation
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    backupTier: cosmosBackupTier
    appPrincipalId: identity.outputs.principalId
    dataContributorPrincipalIds: dataContributorPrincipalIds
    tags: tags
  }
}

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    name: names.web
    planName: names.plan
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenant().tenantId
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    insightsName: monitoring.outputs.insightsName
    workspaceId: monitoring.outputs.workspaceId
    aadAppClientId: aadAppClientId
    retentionYears: retentionYears
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: 'Reflect'
    endpoint: 'https://${web.outputs.hostName}/api/messages'
    identityClientId: identity.outputs.clientId
    identityId: identity.outputs.id
    tenantId: tenant().tenantId
    sku: botSku
    tags: tags
  }
}

@description('BOT_ID for npm run package: the bot\'s Microsoft App ID (the managed identity\'s client id).')
output botId string = identity.outputs.clientId

@description('TAB_DOMAIN for npm run package: the web app host name.')
output tabDomain string = web.outputs.hostName

@description('AAD_APP_CLIENT_ID for npm run package: the Entra app for single sign-on.')
output aadAppClientId string = aadAppClientId

@description('Where to deploy the code (az webapp deploy -n).')
output webAppName string = web.outputs.name

@description('Application ID URI to set on the Entra app (README, step 3).')
output ssoApplicationIdUri string = 'api://${web.outputs.hostName}/${aadAppClientId}'

@description('Cosmos DB endpoint (COSMOS_ENDPOINT for npm run seed and support tools).')
output cosmosEndpoint string = cosmos.outputs.endpoint

@description('Cosmos DB account name (restore, scale).')
output cosmosAccountName string = cosmos.outputs.accountName

@description('Application Insights resource name.')
output appInsightsName string = monitoring.outputs.insightsName
