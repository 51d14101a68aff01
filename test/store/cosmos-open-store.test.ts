import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { seedSamples } from '../../src/samples/seed-samples';
import { openStore } from '../../src/store/open-store';
import { freshDatabase, startCosmosTarget, type CosmosTarget } from './support/cosmos-target';

const SAMPLES = join(__dirname, '../../config/samples');
const clock = { now: () => new Date('2026-12-01T10:00:00+08:00') };

describe('choosing Cosmos DB in the environment', () => {
  it('should read the account, the key and the database', () => {
    const config = loadConfig({
      PLANDESK_STORE: 'cosmos',
      COSMOS_ENDPOINT: 'https://plandesk.documents.azure.com:443/',
      COSMOS_KEY: 'a2V5',
      COSMOS_DATABASE: 'plandesk-prod',
    });
    expect(config.cosmos).toEqual({
      endpoint: 'https://plandesk.documents.azure.com:443/',
      key: 'a2V5',
      database: 'plandesk-prod',
    });
  });

  it('should leave the key out when none is given, so the store signs in with its managed identity, and name the database plandesk', () => {
    expect(loadConfig({ PLANDESK_STORE: 'cosmos', COSMOS_ENDPOINT: 'https://localhost:8081' }).cosmos).toEqual({
      endpoint: 'https://localhost:8081',
      database: 'plandesk',
    });
  });

  it('should name a bad endpoint and a bad database name together, never echoing the key', () => {
    let error: unknown;
    try {
      loadConfig({
        PLANDESK_STORE: 'cosmos',
        COSMOS_ENDPOINT: 'http://plandesk.documents.azure.com',
        COSMOS_DATABASE: 'a/b',
        COSMOS_KEY: 'hunter2',
        PORT: 'x',
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(message).toContain("COSMOS_ENDPOINT: must be the account's https:// endpoint");
    expect(message).toContain('COSMOS_DATABASE: must be 1 to 255 characters, none of / \\ # ?');
    expect(message).not.toContain('hunter2');
  });

  it('should refuse to open a Cosmos store without an endpoint, naming the variable (the environment is refused at start already)', async () => {
    expect(() => loadConfig({ PLANDESK_STORE: 'cosmos', PLANDESK_SAMPLES: 'none' })).toThrow(
      'COSMOS_ENDPOINT: is required when PLANDESK_STORE is cosmos',
    );
    await expect(openStore({ store: 'cosmos', dbPath: '' })).rejects.toThrow(
      'COSMOS_ENDPOINT: is required when PLANDESK_STORE is cosmos',
    );
  });
});

describe('a new Cosmos DB store', () => {
  let target: CosmosTarget;
  beforeAll(async () => {
    target = await startCosmosTarget();
  });
  afterAll(async () => {
    await target.stop();
  });

  it('should take the sample catalog, policy, directory and applications once, as a new SQLite file does', async () => {
    const database = freshDatabase(target);
    try {
      const store = await database.open();
      const deps = {
        store,
        clock,
        calendar: createWorkingCalendar(),
        newId: () => Math.random().toString(36).slice(2),
      };
      const first = await seedSamples(deps, SAMPLES);
      expect(first).toMatchObject({ catalog: true, policy: true, directory: true });
      expect(first.applications.length).toBeGreaterThan(0);
      expect((await store.applications.list()).map((r) => r.id)).toEqual(first.applications);
      expect((await store.outbox.pending(100)).length).toBeGreaterThan(0);
      expect(await store.jobs.pendingFor(first.applications[0] ?? '')).not.toEqual([]);

      const again = await seedSamples(deps, SAMPLES);
      expect(again).toEqual({ catalog: false, policy: false, directory: false, applications: [] });
    } finally {
      await database.cleanup();
    }
  });
});
