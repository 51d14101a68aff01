import { randomUUID } from 'node:crypto';
import type { Clock } from '../app/ports/clock';
import type { WorkingCalendar } from '../domain/business-days';
import type { Store } from '../app/ports/store';
import { ConfigError, type Config } from '../config';
import { seedSamples, type SeedReport } from '../samples/seed-samples';
import type { ChargeLog } from './cosmos/request-charges';
import { openSqliteStore } from './sqlite/sqlite-store';

/** PLANDESK_SAMPLES=none keeps a store free of the sample catalog, policy, directory and applications. */
export const NO_SAMPLES = 'none';

/** The store the configuration names, seeded from the samples where it is still empty; `log` gets Cosmos DB's request charges. */
export async function openStore(
  config: Pick<Config, 'store' | 'dbPath' | 'samplesDir' | 'cosmos'>, clock: Clock, calendar: WorkingCalendar, log?: ChargeLog,
): Promise<{ store: Store; seeded: SeedReport | null }> {
  const store = config.store === 'cosmos' ? await openCosmos(config, log) : openSqliteStore(config.dbPath);
  if (config.samplesDir === NO_SAMPLES) return { store, seeded: null };
  try {
    return { store, seeded: await seedSamples({ store, clock, calendar, newId: randomUUID }, config.samplesDir) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * A store named on the command line (a migration's source or target), opened as it is: never seeded.
 * Null for Cosmos DB when COSMOS_ENDPOINT is not set.
 */
export async function openStoreAt(location: { kind: 'sqlite'; path: string } | { kind: 'cosmos' }, config: Pick<Config, 'cosmos'>, log?: ChargeLog): Promise<Store | null> {
  if (location.kind === 'sqlite') return openSqliteStore(location.path);
  return config.cosmos ? openCosmos(config, log) : null;
}

async function openCosmos(config: Pick<Config, 'cosmos'>, log: ChargeLog | undefined): Promise<Store> {
  if (!config.cosmos) throw new ConfigError(['COSMOS_ENDPOINT: is required when PLANDESK_STORE is cosmos']);
  // Loaded only when chosen: the Azure SDK adds a fifth of a second to every start of a SQLite bot or CLI.
  const { openCosmosStore } = await import('./cosmos/cosmos-store');
  return openCosmosStore({ ...config.cosmos, ...(log ? { log } : {}) });
}
