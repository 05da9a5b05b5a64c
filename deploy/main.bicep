// Starling on Azure: App Service (Linux container), Azure Bot with the Web Chat, Direct Line and Teams channels,
// Azure Cache for Redis, and Key Vault holding every secret (the app reads them through Key Vault references).
// The bot signs in as a user-assigned managed identity: there is no app password to leak or rotate.
//
//   az deployment group create -g <resource-group> -f deploy/main.bicep -p deploy/main.parameters.example.json \
//     -p idHashSecret=<...> alertEncryptionKey=<...> reportApiKey=<...>
// See deploy/README.md.

targetScope = 'resourceGroup'

@description('Short name used in every resource name (letters and digits, 3-12).')
@minLength(3)
@maxLength(12)
param name string = 'starling'

@description('Azure region for everything except the bot registration (which is global).')
param location string = resourceGroup().location

@description('Container image to run, e.g. myregistry.azurecr.io/starling:1.0.0 (built from deploy/Dockerfile).')
param containerImage string

@description('Name of the Azure Container Registry (in this resource group) holding the image; the app pulls it with its managed identity. Empty for a public image.')
param containerRegistryName string = ''

@description('App Service plan size. P1v3 for production; B1 is enough for a pilot.')
@allowed(['B1', 'B2', 'P0v3', 'P1v3', 'P2v3'])
param appServiceSku string = 'P1v3'

@description('Azure Cache for Redis size. Standard C1 (replicated) for production; Basic C0 for a pilot.')
@allowed(['Basic', 'Standard', 'Premium'])
param redisSku string = 'Standard'
@allowed([0, 1, 2, 3])
param redisCapacity int = 1

@description('School websites allowed to embed the chat and call Starling from the browser, e.g. https://www.example.sch.uk')
param allowedOrigins array = []

@description('Entra ID object ids of the duty workers.')
param dutyWorkerIds array = []

@description('Duty hours, e.g. "mon-thu 08:30-17:30,fri 08:30-17:00".')
param dutyHours string = 'mon-thu 08:30-17:30,fri 08:30-17:00'

@secure()
@description('Secret for hashing ids in logs and records (at least 32 random characters).')
param idHashSecret string

@secure()
@description('32 random bytes as base64, for encrypting alert text at rest (openssl rand -base64 32).')
param alertEncryptionKey string

@secure()
@description('API key for the commissioner report endpoint (at least 24 characters).')
param reportApiKey string

var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-app-${suffix}'
var keyVaultName = take('${name}kv${suffix}', 24)
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

// ---------- identity ----------
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

// ---------- Key Vault ----------
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(containerRegistryName)) {
  name: containerRegistryName
}

resource registryPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(containerRegistryName)) {
  name: guid(resourceGroup().id, containerRegistryName, identity.id, acrPull)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
  }
}

// ---------- Redis ----------
resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: '${name}-redis-${suffix}'
  location: location
  properties: {
    sku: {
      name: redisSku
      family: redisSku == 'Premium' ? 'P' : 'C'
      capacity: redisCapacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    redisVersion: '6'
  }
}

// ---------- secrets ----------
resource redisUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'redis-url'
  properties: {
    value: 'rediss://:${redis.listKeys().primaryKey}@${redis.properties.hostName}:${redis.properties.sslPort}'
  }
}

resource idHashSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'id-hash-secret'
  properties: { value: idHashSecret }
}

resource alertKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'alert-encryption-key'
  properties: { value: alertEncryptionKey }
}

resource reportKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'report-api-key'
  properties: { value: reportApiKey }
}

// ---------- App Service ----------
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

// A Key Vault reference, resolved by App Service with the managed identity: the value never appears in settings.
func kvRef(vaultName string, secretName string) string => '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      acrUseManagedIdentityCreds: !empty(containerRegistryName)
      acrUserManagedIdentityID: empty(containerRegistryName) ? null : identity.properties.clientId
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'WEBSITES_PORT', value: '3978' }
        { name: 'NODE_ENV', value: 'production' }
        { name: 'PORT', value: '3978' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'PUBLIC_URL', value: 'https://${appName}.azurewebsites.net' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'REDIS_URL', value: kvRef(keyVaultName, 'redis-url') }
        { name: 'ID_HASH_SECRET', value: kvRef(keyVaultName, 'id-hash-secret') }
        { name: 'ALERT_ENCRYPTION_KEY', value: kvRef(keyVaultName, 'alert-encryption-key') }
        { name: 'REPORT_API_KEY', value: kvRef(keyVaultName, 'report-api-key') }
        { name: 'DIRECT_LINE_SECRET', value: kvRef(keyVaultName, 'direct-line-secret') }
        { name: 'WEBCHAT_MODE', value: 'azure' }
        { name: 'ALLOWED_ORIGINS', value: join(allowedOrigins, ',') }
        { name: 'ALERT_ROUTES', value: 'teams' }
        { name: 'DUTY_WORKER_IDS', value: join(dutyWorkerIds, ',') }
        { name: 'DUTY_HOURS', value: dutyHours }
      ]
    }
  }
  dependsOn: [vaultReader, registryPull]
}

// ---------- Azure Bot ----------
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Starling'
    description: 'Check-ins, signposting and safety for young people'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Starling web'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

// The Direct Line secret goes straight into Key Vault: the app exchanges it for tokens server-side.
resource directLineSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'direct-line-secret'
  properties: {
    value: directLineChannel.listChannelWithKeys().properties.properties.sites[0].key
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output botAppId string = identity.properties.clientId
output keyVaultName string = vault.name
output embedSnippet string = '<script src="https://${app.properties.defaultHostName}/embed.js" async></script>'
