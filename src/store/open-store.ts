import { randomUUID } from 'node:crypto';
import type { Clock } from '../app/ports/clock';
import type { WorkingCalendar } from '../domain/business-days';
import type { Store } from '../app/ports/store';
import type { Config } from '../config';
import { seedSamples, type SeedReport } from '../samples/seed-samples';
import { openSqliteStore } from './sqlite/sqlite-store';

/** PLANDESK_SAMPLES=none keeps a store free of the sample catalog, policy, directory and applications. */
export const NO_SAMPLES = 'none';

/** The store the configuration names, seeded from the samples where it is still empty. */
export async function openStore(
  config: Pick<Config, 'store' | 'dbPath' | 'samplesDir'>, clock: Clock, calendar: WorkingCalendar,
): Promise<{ store: Store; seeded: SeedReport | null }> {
  if (config.store !== 'sqlite') {
    throw new Error(`PLANDESK_STORE=${config.store} is not available in this version; use sqlite`);
  }
  const store = openSqliteStore(config.dbPath);
  if (config.samplesDir === NO_SAMPLES) return { store, seeded: null };
  try {
    return { store, seeded: await seedSamples({ store, clock, calendar, newId: randomUUID }, config.samplesDir) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
