import { randomUUID } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import type { AuditKeys } from '../../../src/store/audit-checkpoint';
import { openCosmosStore, type CosmosStore } from '../../../src/store/cosmos/cosmos-store';

/** The Azure Cosmos DB Emulator's published key; cosmosdb-server accepts any key. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/** Where the Cosmos tests run: the account or emulator named by COSMOS_ENDPOINT, or cosmosdb-server in this process. */
export interface CosmosTarget {
  endpoint: string;
  key: string;
  /** Accepts a self-signed certificate: cosmosdb-server's, or a local emulator's. Never used against a real account. */
  agent: https.Agent | undefined;
  /** True for cosmosdb-server (which reports 1 RU per request and applies a batch without rollback). */
  inProcess: boolean;
  stop(): Promise<void>;
}

const isLocal = (endpoint: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(endpoint).hostname);

/** Starts the target for a test file. */
export async function startCosmosTarget(env: NodeJS.ProcessEnv = process.env): Promise<CosmosTarget> {
  const endpoint = env.COSMOS_ENDPOINT?.trim();
  if (endpoint) {
    const agent = isLocal(endpoint) ? new https.Agent({ rejectUnauthorized: false }) : undefined;
    return {
      endpoint,
      key: env.COSMOS_KEY?.trim() || EMULATOR_KEY,
      agent,
      inProcess: false,
      stop: async () => agent?.destroy(),
    };
  }
  const server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  return {
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: EMULATOR_KEY,
    agent,
    inProcess: true,
    async stop() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A fresh database on the target: every store opened on it, and its removal. */
export interface CosmosDatabase {
  name: string;
  /** A store on the database; with `auditKeys`, one that signs and checks the audit checkpoints with them. */
  open(auditKeys?: AuditKeys): Promise<CosmosStore>;
  /** A plain client on the same database, as someone with the Data Explorer would have. */
  client: CosmosClient;
  cleanup(): Promise<void>;
}

export function freshDatabase(target: CosmosTarget): CosmosDatabase {
  const name = `plandesk-test-${randomUUID().slice(0, 8)}`;
  const opened: CosmosStore[] = [];
  const client = new CosmosClient({
    endpoint: target.endpoint,
    key: target.key,
    ...(target.agent ? { agent: target.agent } : {}),
  });
  return {
    name,
    client,
    async open(auditKeys) {
      const store = await openCosmosStore({
        endpoint: target.endpoint,
        key: target.key,
        database: name,
        ...(target.agent ? { agent: target.agent } : {}),
        ...(auditKeys ? { auditKeys } : {}),
      });
      opened.push(store);
      return store;
    },
    async cleanup() {
      for (const store of opened) await store.close();
      await client
        .database(name)
        .delete()
        .catch((error: { code?: number }) => {
          if (error.code !== 404) throw error;
        });
      client.dispose();
    },
  };
}
