import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../../src/app/ports/store';
import type { ApplicationRecord } from '../../src/app/records/application-record';
import { LIST_FIELDS } from '../../src/store/cosmos/application-items';
import { CONTAINER_ID } from '../../src/store/cosmos/container-setup';
import { ITEM_IDS, PARTITIONS } from '../../src/store/cosmos/item-keys';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations';
import { openDatabase } from '../../src/store/sqlite/sqlite-connection';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { sampleRecord, savesOfALife } from './fixtures';
import { freshDatabase, startCosmosTarget, type CosmosTarget } from './support/cosmos-target';

const WANG_FANG = '00000000-0000-0000-0000-00000000b002';
const LIU_QIANG = '00000000-0000-0000-0000-00000000b003';

/** Plans stored by an earlier version: one waiting on 王芳, one on the ops head, one flagged, one in effect unflagged. */
function earlierPlans(): ApplicationRecord[] {
  const hers = sampleRecord('PP-2027-000001');
  const step = hers.steps[0];
  if (!step) throw new Error('the sample record has no step');
  const { life } = savesOfALife('PP-2027-000003');
  const flagged = life.find(([name]) => name === 'evaluated')?.[1] as ApplicationRecord;
  const active = life.find(([name]) => name === 'fulfilled')?.[1] as ApplicationRecord;
  return [
    { ...hers, steps: [{ ...step, role: 'ops_approver', assignee: WANG_FANG, delegate: LIU_QIANG }] },
    sampleRecord('PP-2027-000002', { submittedAt: '2026-12-02T02:00:00.000Z' }),
    flagged,
    { ...active, id: 'PP-2027-000004', submittedAt: '2026-12-03T02:00:00.000Z' },
  ];
}

/** What 待办 and the flagged list find in a store holding earlierPlans(). */
async function expectListed(store: Store): Promise<void> {
  const ids = (page: { records: ApplicationRecord[] }) => page.records.map((r) => r.id);
  const mine = await store.applications.waitingOn(WANG_FANG, false, 10);
  expect({ ids: ids(mine), total: mine.total }).toEqual({ ids: ['PP-2027-000001'], total: 1 });
  const stoodIn = await store.applications.waitingOn(LIU_QIANG, false, 10);
  expect({ ids: ids(stoodIn), total: stoodIn.total }).toEqual({ ids: ['PP-2027-000001', 'PP-2027-000002'], total: 2 });
  const queue = await store.applications.queue({ roles: null, of: LIU_QIANG, withoutDelegated: false }, 10);
  expect({ ids: ids(queue), total: queue.total }).toEqual({ ids: ['PP-2027-000001'], total: 1 });
  expect(ids(await store.applications.page({ flagged: true }, 10))).toEqual(['PP-2027-000003']);
  expect(ids(await store.applications.page({ awaitedDueBefore: '2026-12-04T00:00:00.000Z' }, 10))).toEqual([
    'PP-2027-000002',
    'PP-2027-000001',
  ]);
}

describe('applications stored before 待办 and the flagged list were indexed', () => {
  it('are indexed, and their open steps counted, when a SQLite file of schema version 13 is upgraded', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-lists-'));
    const file = path.join(dir, 'plandesk.db');
    try {
      const old = openDatabase(file);
      migrate(
        old,
        MIGRATIONS.filter((m) => m.version <= 13),
      );
      const insert = old.prepare(
        `INSERT INTO applications (id, version, state, applicant, unit, customer, activity, submitted_at, updated_at, doc)
         VALUES (@id, 1, @state, @applicant, @unit, 'G', 'A', @submittedAt, @submittedAt, @doc)`,
      );
      for (const r of earlierPlans())
        insert.run({
          ...r,
          applicant: r.input.applicant,
          unit: r.input.unit,
          doc: JSON.stringify({ ...r, version: 1 }),
        });
      old.close();

      const store = openSqliteStore(file);
      try {
        await expectListed(store);
        // Migration 15 counts their open steps from the documents: 王芳's step, and the ops head's.
        expect([...(await store.applications.openSteps())].sort()).toEqual([
          [WANG_FANG, 1],
          [LIU_QIANG, 1],
        ]);
      } finally {
        await store.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on Cosmos DB', () => {
    let target: CosmosTarget;
    beforeAll(async () => {
      target = await startCosmosTarget();
    });
    afterAll(async () => {
      await target.stop();
    });

    it('are given their list fields at the first list read, once for the container', async () => {
      const database = freshDatabase(target);
      try {
        const store = await database.open();
        for (const record of earlierPlans()) await store.applications.create(record, [], [], []);
        // As an earlier version left them: application items without list fields, and no note that they were filled.
        const container = database.client.database(database.name).container(CONTAINER_ID);
        const { resources } = await container.items
          .query<Record<string, unknown> & { id: string; pk: string }>('SELECT * FROM c WHERE c.type = "application"')
          .fetchAll();
        for (const item of resources) {
          const bare = Object.fromEntries(
            Object.entries(item).filter(([k]) => !(LIST_FIELDS as readonly string[]).includes(k)),
          );
          await container.item(item.id, item.pk).replace(bare);
        }
        await container.item(ITEM_IDS.listFieldsFilled, PARTITIONS.upkeep).delete();

        const upgraded = await database.open();
        await expectListed(upgraded);
        // …still read by the instance that filed them, whose next write of one finds it changed and reads it again.
        const first = await upgraded.applications.get('PP-2027-000001');
        if (!first) throw new Error('PP-2027-000001 is gone');
        const saved = await store.applications.update({ ...first, state: 'withdrawn' }, first.version, [], [], []);
        expect(saved.ok).toBe(true);
        expect((await upgraded.applications.waitingOn(WANG_FANG, false, 10)).total).toBe(0);
      } finally {
        await database.cleanup();
      }
    });
  });
});
