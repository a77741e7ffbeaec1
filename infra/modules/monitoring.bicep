// Application Insights on a Log Analytics workspace: the service's requests, dependencies (Cosmos DB, Bot
// Connector) and exceptions through OpenTelemetry, and the web app's console and HTTP logs.

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights name.')
param insightsName string

@description('Region of both.')
param location string

@description('Days the workspace keeps logs (30 to 730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Client IP addresses are masked (the default): they are personal data and of no use here.
    DisableIpMasking: false
  }
}

output workspaceId string = workspace.id
output insightsName string = insights.name
