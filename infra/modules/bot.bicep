// The Azure Bot: the Bot Framework registration of the service's messaging endpoint, signed in as the
// user-assigned managed identity (no app password), with the Microsoft Teams channel.

@description('Bot resource name.')
param name string

@description('Name people see in the Azure portal.')
param displayName string

@description('Messaging endpoint, https://<web app host>/api/messages.')
param endpoint string

@description('Client id of the user-assigned managed identity (the bot\'s Microsoft App ID).')
param identityClientId string

@description('Resource id of that identity.')
param identityId string

@description('Entra tenant id.')
param tenantId string

@description('F0 is free and has no limit on Teams messages (Teams is a standard channel); S1 only adds premium channels.')
@allowed([
  'F0'
  'S1'
])
param sku string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Azure Bot is a global resource; its data-residency region is the messaging endpoint's.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output name string = bot.name
