import type { Store } from '../app/ports/store';
import { ConfigError, type Config } from '../config';
import type { ChargeLog } from './cosmos/request-charges';
import { openSqliteStore } from './sqlite/sqlite-store';

/** The store the configuration names, as it is (the composition root seeds it); `log` gets Cosmos DB's request charges. */
export async function openStore(config: Pick<Config, 'store' | 'dbPath' | 'cosmos'>, log?: ChargeLog): Promise<Store> {
  return config.store === 'cosmos' ? openCosmos(config, log) : openSqliteStore(config.dbPath);
}

/**
 * A store named on the command line (a migration's source or target), opened as it is: never seeded.
 * Null for Cosmos DB when COSMOS_ENDPOINT is not set.
 */
export async function openStoreAt(
  location: { kind: 'sqlite'; path: string } | { kind: 'cosmos' },
  config: Pick<Config, 'cosmos'>,
  log?: ChargeLog,
): Promise<Store | null> {
  if (location.kind === 'sqlite') return openSqliteStore(location.path);
  return config.cosmos ? openCosmos(config, log) : null;
}

async function openCosmos(config: Pick<Config, 'cosmos'>, log: ChargeLog | undefined): Promise<Store> {
  if (!config.cosmos) throw new ConfigError(['COSMOS_ENDPOINT: is required when PLANDESK_STORE is cosmos']);
  // Loaded only when chosen: the Azure SDK adds a fifth of a second to every start of a SQLite bot or CLI.
  const { openCosmosStore } = await import('./cosmos/cosmos-store');
  return openCosmosStore({ ...config.cosmos, ...(log ? { log } : {}) });
}
