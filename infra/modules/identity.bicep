// The user-assigned managed identity the web app runs as. It is the bot's identity too (its client id is the
// bot's Microsoft App ID, MicrosoftAppType UserAssignedMSI) and signs in to Cosmos DB: no secret anywhere.

@description('Identity name.')
param name string

@description('Region of the identity.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
