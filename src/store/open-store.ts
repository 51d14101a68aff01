import type { Store } from '../app/ports/store';
import { ConfigError, type Config } from '../config';
import type { ChargeLog } from './cosmos/request-charges';
import { openSqliteStore } from './sqlite/sqlite-store';

/** The store the configuration names, as it is (the composition root seeds it); `log` gets Cosmos DB's request charges. */
export async function openStore(
  config: Pick<Config, 'store' | 'dbPath' | 'cosmos' | 'auditKeys'>,
  log?: ChargeLog,
): Promise<Store> {
  return config.store === 'cosmos' ? openCosmos(config, log) : openSqlite(config.dbPath, config);
}

/**
 * A store named on the command line (a migration's source or target), opened as it is: never seeded.
 * Null for Cosmos DB when COSMOS_ENDPOINT is not set.
 */
export async function openStoreAt(
  location: { kind: 'sqlite'; path: string } | { kind: 'cosmos' },
  config: Pick<Config, 'cosmos' | 'auditKeys'>,
  log?: ChargeLog,
): Promise<Store | null> {
  if (location.kind === 'sqlite') return openSqlite(location.path, config);
  return config.cosmos ? openCosmos(config, log) : null;
}

const openSqlite = (file: string, { auditKeys }: Pick<Config, 'auditKeys'>): Store =>
  openSqliteStore(file, auditKeys ? { auditKeys } : {});

/**
 * On Cosmos DB, what is current in the reference data is read again after 5 s: a directory, catalog or
 * policy imported by one instance is in use on every other within 5 s, and at once on the one that
 * imported it (SQLite asks for the current version on every read, so it needs no such time).
 */
export const REFERENCE_TTL_MS = 5_000;

async function openCosmos(config: Pick<Config, 'cosmos' | 'auditKeys'>, log: ChargeLog | undefined): Promise<Store> {
  if (!config.cosmos) throw new ConfigError(['COSMOS_ENDPOINT: is required when PLANDESK_STORE is cosmos']);
  // Loaded only when chosen: the Azure SDK adds a fifth of a second to every start of a SQLite bot or CLI.
  const { openCosmosStore } = await import('./cosmos/cosmos-store');
  return openCosmosStore({
    ...config.cosmos,
    referenceTtlMs: REFERENCE_TTL_MS,
    ...(log ? { log } : {}),
    ...(config.auditKeys ? { auditKeys: config.auditKeys } : {}),
  });
}
