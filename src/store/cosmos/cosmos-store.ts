import type { Agent } from 'node:https';
import { CosmosClient, type RetryOptions } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Store } from '../../app/ports/store';
import { checkpointSigner, type AuditKeys } from '../audit-checkpoint';
import { cosmosApplicationRepository } from './application-repository';
import { cosmosAuditTrail } from './audit-trail';
import { cosmosCatalogRepository } from './catalog-repository';
import { ensureContainer } from './container-setup';
import type { CosmosContext } from './cosmos-context';
import { cosmosIo } from './cosmos-io';
import { cosmosCardCopyRepository, cosmosConversationRepository } from './conversation-repository';
import { cosmosDirectoryRepository } from './directory-repository';
import { writeSequence } from './item-keys';
import { cosmosJobRepository } from './job-repository';
import { cosmosOutboxRepository } from './outbox-repository';
import { cosmosConversationPace } from './pace-repository';
import { cosmosPolicyRepository } from './policy-repository';
import { cosmosTransfer } from './transfer';
import { cachedCatalogs, cachedDirectory, cachedPolicies } from './reference-cache';
import { chargeMeter, type ChargeLog, type RequestCharges } from './request-charges';

export interface CosmosStoreOptions {
  /** The account's endpoint, e.g. https://plandesk.documents.azure.com:443/. */
  endpoint: string;
  /** The account key; without one the store signs in with Microsoft Entra ID (DefaultAzureCredential: managed identity in Azure). */
  key?: string;
  database: string;
  /** Each request's charge is logged here at debug level. */
  log?: ChargeLog;
  /**
   * Only for a local emulator or cosmosdb-server, whose certificate is self-signed: an agent that
   * accepts it. Tests pass one; configuration never does.
   */
  agent?: Agent;
  /** How throttled requests (429) are retried; THROTTLING_RETRIES unless given. */
  retry?: RetryOptions;
  /** The keys each partition's audit checkpoint is signed and checked with; none: written unsigned, never checked. */
  auditKeys?: AuditKeys;
  /**
   * How long what is current in the reference data (the directory, the catalog, the policy in force) is
   * kept before it is read again (reference-cache.ts); 0, the default, reads it on every use.
   */
  referenceTtlMs?: number;
}

/**
 * 429s are retried by the SDK after the wait the service asks for (x-ms-retry-after-ms), up to 9
 * times and 30 s in all for one operation (the SDK's defaults, stated here so they are a decision);
 * a request still throttled after that fails the use case, which is retried like every other failure.
 */
export const THROTTLING_RETRIES: RetryOptions = { maxRetryAttemptCount: 9, maxWaitTimeInSeconds: 30 };

/** The Cosmos store, with what its requests have cost (for the benchmark's charge per use case). */
export interface CosmosStore extends Store {
  charges: RequestCharges;
}

/**
 * Opens the Cosmos DB (NoSQL API) store: creates the database and its container if missing (partition
 * key and indexing policy as container-setup.ts says), then serves the store port. Several instances
 * may share an account: writes are conditional on ETags and claims are leases (see README.md).
 */
export async function openCosmosStore(options: CosmosStoreOptions): Promise<CosmosStore> {
  const client = new CosmosClient({
    endpoint: options.endpoint,
    ...(options.key ? { key: options.key } : { aadCredentials: new DefaultAzureCredential() }),
    ...(options.agent ? { agent: options.agent } : {}),
    connectionPolicy: { retryOptions: options.retry ?? THROTTLING_RETRIES },
    userAgentSuffix: 'plandesk',
  });
  try {
    const container = await ensureContainer(client, options.database);
    const charges = chargeMeter(options.log);
    const ttl = options.referenceTtlMs ?? 0;
    const ctx: CosmosContext = {
      io: cosmosIo(container, charges),
      nextSeq: writeSequence(),
      chainHeads: new Map(),
      checkpoints: checkpointSigner(options.auditKeys),
    };
    return {
      charges,
      applications: cosmosApplicationRepository(ctx),
      jobs: cosmosJobRepository(ctx),
      outbox: cosmosOutboxRepository(ctx),
      conversations: cosmosConversationRepository(ctx),
      cardCopies: cosmosCardCopyRepository(ctx),
      catalogs: cachedCatalogs(cosmosCatalogRepository(ctx), ttl),
      policies: cachedPolicies(cosmosPolicyRepository(ctx), ttl),
      directory: cachedDirectory(cosmosDirectoryRepository(ctx), ttl),
      audit: cosmosAuditTrail(ctx),
      transfer: cosmosTransfer(ctx),
      pace: cosmosConversationPace(ctx),
      async close() {
        // Disposing twice is harmless, so a test's cleanup need not know whether the test closed it.
        client.dispose();
      },
    };
  } catch (error) {
    client.dispose();
    throw error;
  }
}
