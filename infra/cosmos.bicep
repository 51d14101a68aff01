// Cosmos DB for NoSQL: the account, database `plandesk` and container `plandesk` partitioned by /pk, with the
// indexing policy src/store/cosmos/container-setup.ts creates (test/deploy/bicep.test.ts keeps them equal),
// autoscale to the README's sizing, and the Built-in Data Contributor role for the app's identity.
@description('Cosmos DB account name (globally unique).')
param accountName string

param location string = resourceGroup().location

@description('The database PlanDesk uses (COSMOS_DATABASE).')
param databaseName string = 'plandesk'

@description('Autoscale maximum RU/s of the container (README "Throughput to start with": 1,000).')
param autoscaleMaxThroughput int = 1000

@description('Principal id of the app\'s managed identity, given the Cosmos DB Built-in Data Contributor role.')
param appPrincipalId string

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [ { locationName: location, failoverPriority: 0 } ]
    disableLocalAuth: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: { resource: { id: databaseName } }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'plandesk'
  properties: {
    resource: {
      id: 'plandesk'
      partitionKey: {
        paths: [ '/pk' ]
        kind: 'Hash'
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/pk/?' }
          { path: '/type/?' }
          { path: '/applicant/?' }
          { path: '/unit/?' }
          { path: '/state/?' }
          { path: '/submittedAt/?' }
          { path: '/seq/?' }
          { path: '/subject/?' }
          { path: '/messageId/?' }
          { path: '/jobId/?' }
          { path: '/status/?' }
          { path: '/pendingDue/?' }
          { path: '/leaseUntil/?' }
          { path: '/pendingSeq/?' }
          { path: '/reportSince/?' }
          { path: '/reportUntil/?' }
          { path: '/body/input/customer/groupId/?' }
          { path: '/body/input/activity/?' }
          { path: '/awaitedStep/?' }
          { path: '/awaitedRole/?' }
          { path: '/awaitedAssignee/?' }
          { path: '/awaitedDelegate/?' }
          { path: '/awaitedDueAt/?' }
          { path: '/flagged/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
        compositeIndexes: [
          [
            { path: '/submittedAt', order: 'descending' }
            { path: '/seq', order: 'descending' }
          ]
          [
            { path: '/state', order: 'ascending' }
            { path: '/submittedAt', order: 'ascending' }
            { path: '/seq', order: 'ascending' }
          ]
          [
            { path: '/flagged', order: 'ascending' }
            { path: '/submittedAt', order: 'descending' }
            { path: '/seq', order: 'descending' }
          ]
        ]
      }
    }
    options: { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

// Cosmos DB Built-in Data Contributor (data plane): read and write items, not create databases or containers.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, appPrincipalId, '00000000-0000-0000-0000-000000000002')
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    principalId: appPrincipalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
