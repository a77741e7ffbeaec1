// The App Service plan and the Linux web app that runs the service (bot, tab and tab API) on Node 22 LTS,
// as the user-assigned managed identity, HTTPS only with TLS 1.2 or later. No secret in its settings: the
// bot and Cosmos DB authenticate with the identity.

@description('Web app name (globally unique: it is the host name <name>.azurewebsites.net).')
param name string

@description('App Service plan name.')
param planName string

@description('Region of the plan and the app.')
param location string

@description('App Service plan SKU. B1 suits a council; P0v3 or above for zone redundancy and more memory.')
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
param sku string

@description('Number of instances (scale out). The nudge sweep takes a lease, so only one instance sends.')
@minValue(1)
@maxValue(10)
param instanceCount int

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity: the bot\'s Microsoft App ID and AZURE_CLIENT_ID.')
param identityClientId string

@description('Entra tenant id.')
param tenantId string

@description('Cosmos DB account endpoint.')
param cosmosEndpoint string

@description('Cosmos DB database name.')
param cosmosDatabase string

@description('Application Insights resource name (its connection string goes into the app settings).')
param insightsName string

@description('Log Analytics workspace resource id for the app\'s console and HTTP logs.')
param workspaceId string

@description('Client id of the Entra app registered for single sign-on to the tab.')
param aadAppClientId string

@description('Years a leaver\'s records are kept before the nightly job deletes them (UK GDPR retention).')
@minValue(1)
@maxValue(100)
param retentionYears int

param tags object

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --enable-source-maps --disable-warning=DEP0111 dist/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        // PORT is set by App Service.
        {
          name: 'MicrosoftAppId'
          value: identityClientId
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenantId
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmosEndpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: cosmosDatabase
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
        {
          name: 'AAD_APP_CLIENT_ID'
          value: aadAppClientId
        }
        {
          // The tab's SSO audience is api://<TAB_DOMAIN>/<client id>; a site cannot read its own host name here.
          name: 'TAB_DOMAIN'
          value: '${name}.azurewebsites.net'
        }
        {
          name: 'RETENTION_YEARS'
          value: string(retentionYears)
        }
        {
          // The deployment is a built zip (dist/ and production node_modules): no build on the server.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
      ]
    }
  }
}

// No FTP or basic-auth deployment: deploy with `az webapp deploy`, signed in with Entra.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
