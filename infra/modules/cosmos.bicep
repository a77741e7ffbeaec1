// Azure Cosmos DB for NoSQL: the account (serverless by default, UK South by default, keys disabled), the
// database and every container the service uses, with the same partition key and indexing policy as
// bot/src/store/containers.ts (test/unit/infra checks they match), and data-plane access for the app's
// managed identity. The service only reads container definitions at start-up: with keys disabled it cannot
// create or change them, so a container missing here would stop it with a 403.

@description('Cosmos DB account name (lower case, globally unique).')
param accountName string

@description('Region of the account (the only region: data stays there).')
param location string

@description('Database name (the service reads COSMOS_DATABASE).')
param databaseName string

@description('serverless: pay per request, no throughput to manage. autoscale: a new account with throughput shared by the containers, scaling between 10% and 100% of autoscaleMaxThroughput. provisioned: an account already moved from serverless to provisioned throughput (README, Scaling out); the template then leaves throughput alone.')
@allowed([
  'serverless'
  'autoscale'
  'provisioned'
])
param capacityMode string

@description('Autoscale maximum RU/s for the database (capacityMode autoscale only); 1000 or more, in steps of 1000.')
@minValue(1000)
param autoscaleMaxThroughput int

@description('Point-in-time restore window: Continuous7Days (no charge) or Continuous30Days.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param backupTier string

@description('Principal (object) id of the app\'s user-assigned managed identity.')
param appPrincipalId string

@description('Object ids of people or groups given the same data access as the app (first roster import, support).')
param dataContributorPrincipalIds array

param tags object

var serverless = capacityMode == 'serverless'

// Cosmos DB Built-in Data Contributor: read and write items, read metadata; no control-plane rights.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// The containers, exactly as bot/src/store/containers.ts defines them (id, partition key, indexing).
var containers = [
  {
    // staff members (the roster)
    id: 'staff'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // one status document per person, rewritten on every write that concerns them
    id: 'status'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // supervision sessions with actions and the supervisee response
    id: 'supervision'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/experience/?' }
        { path: '/reflection/?' }
        { path: '/analysis/?' }
        { path: '/plan/?' }
        { path: '/cancellationReason/?' }
        { path: '/actions/[]/text/?' }
        { path: '/response/comment/?' }
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // training records
    id: 'training'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/note/?' }
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // the course catalogue
    id: 'courses'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // CPD entries for Social Work England
    id: 'cpd'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/learning/?' }
        { path: '/impact/?' }
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // caseload snapshots (counts by case type, no case details)
    id: 'caseloads'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // Teams conversation references for proactive messages
    id: 'conversations'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/reference/*' }
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // the nudge log (one document per recipient, kind and local date) and sweep leases
    id: 'nudges'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // the audit log: reads of others' records, imports, purges
    id: 'audit'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/details/*' }
        { path: '/"_etag"/?' }
      ]
    }
  }
  {
    // tenant settings: policy overrides
    id: 'settings'
    partitionKey: '/tenantId'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/"_etag"/?' }
      ]
    }
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
    enableMultipleWriteLocations: false
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: backupTier
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: capacityMode == 'autoscale' ? {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    } : {}
  }
}

resource containerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for c in containers: {
  parent: database
  name: c.id
  properties: {
    resource: {
      id: c.id
      partitionKey: {
        paths: [
          c.partitionKey
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: c.indexingPolicy
    }
  }
}]

resource appDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, appPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: appPrincipalId
    scope: account.id
  }
}

resource peopleDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [for principalId in dataContributorPrincipalIds: {
  parent: account
  name: guid(account.id, principalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: principalId
    scope: account.id
  }
}]

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
output databaseName string = database.name
