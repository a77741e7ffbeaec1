import https from 'node:https';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { CONTAINERS, type ContainerName } from './containers';
import { startEmbeddedCosmos } from './embedded-cosmos';
import { withRetry } from './retry';

export interface CosmosSettings {
  /** Absent: start the embedded in-memory server. */
  endpoint?: string;
  /** Absent with an endpoint: managed identity (DefaultAzureCredential). */
  key?: string;
  database: string;
  /**
   * Accept a self-signed certificate. Only for a loopback endpoint (tests put a fault proxy in front of the
   * embedded server); refused for anything else.
   */
  selfSignedLoopback?: boolean;
}

export interface CosmosConnection {
  embedded: boolean;
  endpoint: string;
  database: Database;
  containers: Record<ContainerName, Container>;
  close(): Promise<void>;
}

// Our own withRetry owns 429/503 handling (capped, honouring retry-after); the SDK's would stack on top.
const NO_SDK_RETRIES = { maxRetryAttemptCount: 0, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 0 };

function client(endpoint: string, key: string | undefined, agent?: https.Agent): CosmosClient {
  const common = {
    endpoint,
    agent,
    connectionPolicy: { enableEndpointDiscovery: !agent, retryOptions: NO_SDK_RETRIES },
  };
  return key ? new CosmosClient({ ...common, key }) : new CosmosClient({ ...common, aadCredentials: new DefaultAzureCredential() });
}

/**
 * Connects to Cosmos DB (or starts the embedded server) and makes sure the database and every container in
 * CONTAINERS exist with their partition key and indexing policy.
 */
export async function connectCosmos(settings: CosmosSettings): Promise<CosmosConnection> {
  const embedded = settings.endpoint ? undefined : await startEmbeddedCosmos();
  const endpoint = settings.endpoint ?? embedded!.endpoint;
  let agent = embedded?.agent;
  if (!embedded && settings.selfSignedLoopback) {
    if (new URL(endpoint).hostname !== '127.0.0.1') throw new Error('selfSignedLoopback is only for a 127.0.0.1 endpoint');
    agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  }
  const cosmos = client(endpoint, embedded ? 'embedded' : settings.key, agent);
  try {
    const { database } = await withRetry(() => cosmos.databases.createIfNotExists({ id: settings.database }));
    const containers = {} as Record<ContainerName, Container>;
    for (const [name, def] of Object.entries(CONTAINERS) as [ContainerName, (typeof CONTAINERS)[ContainerName]][]) {
      const { container } = await withRetry(() =>
        database.containers.createIfNotExists({ id: def.id, partitionKey: { paths: [def.partitionKey] }, indexingPolicy: def.indexingPolicy }),
      );
      containers[name] = container;
    }
    return {
      embedded: !!embedded,
      endpoint,
      database,
      containers,
      close: async () => {
        cosmos.dispose();
        await embedded?.close();
      },
    };
  } catch (err) {
    cosmos.dispose();
    await embedded?.close();
    throw err;
  }
}
