import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from '../../src/cli/cli-context';
import { cliLanguage, runCli } from '../../src/cli/run-cli';
import type { ApprovalDeps } from '../../src/app/common/deps';
import { decideStep } from '../../src/app/approval/decide-step';
import { migrateStore } from '../../src/app/migration/migrate-store';
import { submit } from '../../src/app/approval/submit';
import type { Store } from '../../src/app/ports/store';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { seedSamples } from '../../src/samples/seed-samples';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { decided, filed, samplePlan } from '../app/approval/desk';
import {
  freshDatabase,
  startCosmosTarget,
  type CosmosDatabase,
  type CosmosTarget,
} from '../store/support/cosmos-target';

jest.setTimeout(60_000);

const SAMPLES = join(__dirname, '../../config/samples');

describe('plandesk migrate --from sqlite:… --to cosmos', () => {
  let target: CosmosTarget;
  let cosmos: CosmosDatabase;
  let dir: string;
  let dbPath: string;
  let pilot: Store;
  let deps: ApprovalDeps;
  let now: Date;

  beforeAll(async () => {
    target = await startCosmosTarget();
  });
  afterAll(async () => target.stop());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-migrate-'));
    mkdirSync(join(dir, 'samples'));
    for (const f of ['catalog.csv', 'policy.yaml', 'directory.yaml'])
      copyFileSync(join(SAMPLES, f), join(dir, 'samples', f));
    dbPath = join(dir, 'plandesk.db');
    pilot = openSqliteStore(dbPath);
    now = new Date('2026-12-01T10:00:00+08:00');
    let ids = 0;
    deps = { store: pilot, clock: { now: () => now }, calendar: createWorkingCalendar(), newId: () => `msg-${++ids}` };
    await seedSamples(deps, join(dir, 'samples'));
    cosmos = freshDatabase(target);
  });
  afterEach(async () => {
    await pilot.close();
    await cosmos.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The pilot's life so far: two applications filed, one decided; a conversation and a card posted. */
  async function runPilot() {
    const first = await filed(deps, samplePlan('01-cloud-pbx-tier2'));
    // Filed from the form, so its draft is migrated too.
    const submitted = await submit(deps, {
      input: samplePlan('02-line-tier1'),
      actor: samplePlan('02-line-tier1').applicant,
      draftId: 'draft-2',
    });
    if (!submitted.ok) throw new Error(`not filed: ${submitted.error.code}`);
    const second = submitted.value;
    now = new Date('2026-12-01T15:00:00+08:00');
    await decided(deps, first.id, first.steps[0]!.assignee, 'approve');
    // A second directory version: both move, and the newest stays the one in use.
    const directory = await pilot.directory.get();
    if (!directory) throw new Error('no directory');
    await pilot.directory.add(
      { ...directory, units: [...directory.units, { id: 'jiading-branch', name: '嘉定分公司', kind: 'branch' }] },
      'zhou.jie',
      now,
    );
    await pilot.conversations.save({
      key: `person:${first.input.applicant}`,
      reference: { conversation: { id: 'a:1' } },
      userMri: '29:1',
      locale: 'zh-CN',
      updatedAt: now.toISOString(),
    });
    await pilot.cardCopies.add({
      applicationId: first.id,
      conversationKey: `person:${first.input.applicant}`,
      activityId: 'act-1',
      viewer: first.input.applicant,
    });
    return { first, second };
  }

  async function plandesk(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      lang: cliLanguage(argv),
      clock: { now: () => now },
      calendar: deps.calendar,
      newId: deps.newId,
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      openStore: async () => {
        throw new Error('not used');
      },
      openStoreAt: async (where) =>
        where.kind === 'sqlite'
          ? openSqliteStore(where.path)
          : openCosmosStore({
              endpoint: target.endpoint,
              key: target.key,
              database: cosmos.name,
              ...(target.agent ? { agent: target.agent } : {}),
            }),
      tick: async () => {
        throw new Error('not used');
      },
    };
    const code = await runCli(argv, ctx);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const itemsInContainer = async () => {
    const { resources } = await cosmos.client
      .database(cosmos.name)
      .container('plandesk')
      .items.query<{ id: string; pk: string }>('SELECT c.id, c.pk FROM c')
      .fetchAll();
    return resources.map((r) => `${r.pk} ${r.id}`).sort();
  };

  it('copies everything, verifies it, is safe to run again, and the bot goes on where the pilot stopped', async () => {
    const { first, second } = await runPilot();
    const args = ['migrate', '--from', `sqlite:${dbPath}`, '--to', 'cosmos'];

    const migrated = await plandesk(args);
    expect(migrated).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(migrated.out) as {
      exported: Record<string, number>;
      written: Record<string, number>;
      skipped: Record<string, number>;
    };
    expect(report.exported).toMatchObject({
      catalog: 1,
      policy: 1,
      directory: 2,
      counter: 1,
      conversation: 1,
      application: 2,
      cardCopy: 1,
    });
    for (const kind of ['audit', 'job', 'outbox']) expect(report.exported[kind]).toBeGreaterThan(0);
    expect(report.written).toEqual(report.exported);
    // The target chains what it imports, partition by partition, as it chains what it writes.
    expect(await pilot.audit.verify()).toMatchObject({ entries: report.exported.audit, broken: null });
    const chained = await (await cosmos.open()).audit.verify();
    expect(chained).toMatchObject({ entries: report.exported.audit, unchained: 0, broken: null });

    const verified = await plandesk([...args, '--verify']);
    expect(JSON.parse(verified.out)).toMatchObject({
      verify: { same: true, differences: [], source: report.exported, target: report.exported },
    });
    expect(verified.code).toBe(0);

    const itemsBefore = await itemsInContainer();
    const again = await plandesk(args);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({
      exported: report.exported,
      skipped: { audit: report.exported.audit, cardCopy: 1, counter: 1, catalog: 1, policy: 1, directory: 2 },
    });
    expect(await itemsInContainer()).toEqual(itemsBefore);
    expect((await plandesk([...args, '--verify'])).code).toBe(0);
    expect(await (await cosmos.open()).audit.verify()).toEqual(chained);

    const store = await cosmos.open();
    for (const id of [first.id, second.id]) {
      expect(await store.applications.get(id)).toEqual(await pilot.applications.get(id));
      expect(await store.jobs.pendingFor(id)).toEqual(await pilot.jobs.pendingFor(id));
      expect(await store.audit.about(id)).toEqual(await pilot.audit.about(id));
      expect(await store.cardCopies.list(id)).toEqual(await pilot.cardCopies.list(id));
    }
    expect((await store.jobs.pendingFor(second.id)).length).toBeGreaterThan(0);
    expect(await store.outbox.pending(100)).toEqual(await pilot.outbox.pending(100));
    expect(await store.applications.list()).toEqual(await pilot.applications.list());
    expect(await store.catalogs.current()).toEqual(await pilot.catalogs.current());
    expect(await store.policies.inForceOn('2026-12-01')).toEqual(await pilot.policies.inForceOn('2026-12-01'));
    expect(await store.directory.get()).toEqual(await pilot.directory.get());
    expect(await store.directory.list()).toEqual(await pilot.directory.list());
    expect((await store.directory.get())?.version).toBe(2);
    expect(await store.conversations.get(`person:${first.input.applicant}`)).toEqual(
      await pilot.conversations.get(`person:${first.input.applicant}`),
    );
    expect(await store.applications.nextNumber(2026)).toBe('PP-2026-000003');
    // The form submitted again on Cosmos finds the application the pilot filed from it.
    expect(await store.applications.findByDraft(second.input.applicant, 'draft-2')).toEqual(
      await pilot.applications.get(second.id),
    );
    const resubmitted = await submit(
      { ...deps, store },
      { input: samplePlan('02-line-tier1'), actor: second.input.applicant, draftId: 'draft-2' },
    );
    expect(resubmitted).toMatchObject({ ok: true, value: { id: second.id } });
    expect(await store.applications.list()).toHaveLength(2);

    // The bot carries on, on Cosmos: the second application's approver decides the step that waited.
    now = new Date('2026-12-02T10:00:00+08:00');
    const onCosmos = { ...deps, store };
    const decision = await decideStep(onCosmos, {
      applicationId: second.id,
      revision: 1,
      stepIndex: 0,
      decision: 'approve',
      comment: null,
      actor: second.steps[0]!.assignee,
    });
    expect(decision).toMatchObject({ ok: true });
    expect((await store.applications.get(second.id))?.version).toBe(2);
    const trail = (await store.audit.about(second.id)).map((e) => e.action);
    expect(trail.slice(0, -1)).toEqual((await pilot.audit.about(second.id)).map((e) => e.action));
    expect(await store.audit.verify()).toMatchObject({ entries: chained.entries + 1, broken: null });

    // Now the stores differ, and --verify says where.
    const drift = await plandesk([...args, '--verify']);
    expect(drift.code).toBe(1);
    expect(JSON.parse(drift.out).verify.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'application', key: second.id, problem: 'different' }),
        expect.objectContaining({ kind: 'audit', problem: 'only_in_target' }),
      ]),
    );
  });

  it('finishes, when run again, a copy that stopped half way through the audit trail', async () => {
    await runPilot();
    const args = ['migrate', '--from', `sqlite:${dbPath}`, '--to', 'cosmos'];
    // Stopped in the trail, one item a request as before bulk writes: some partitions' chains begun, some not.
    const stopped = await cosmos.open();
    let read = 0;
    const stop = new Error('stopped');
    const halfWay = migrateStore(
      pilot,
      stopped,
      {
        item: () => {
          read += 1;
          if (read > 12) throw stop;
        },
      },
      { oneByOne: true },
    );
    await expect(halfWay).rejects.toBe(stop);
    expect((await stopped.audit.verify()).entries).toBeGreaterThan(0);

    const finished = await plandesk(args);
    expect(finished.code).toBe(0);
    const report = JSON.parse(finished.out) as { exported: Record<string, number>; skipped: Record<string, number> };
    expect(report.skipped.audit).toBeGreaterThan(0);
    expect(await (await cosmos.open()).audit.verify()).toMatchObject({
      entries: report.exported.audit,
      unchained: 0,
      broken: null,
    });
    expect(JSON.parse((await plandesk([...args, '--verify'])).out)).toMatchObject({
      verify: { same: true, differences: [] },
    });
  });

  it('refuses to chain after audit entries whose chain head was removed from the target', async () => {
    await runPilot();
    const args = ['migrate', '--from', `sqlite:${dbPath}`, '--to', 'cosmos', '--lang', 'en'];
    expect((await plandesk(args)).code).toBe(0);
    const container = cosmos.client.database(cosmos.name).container('plandesk');
    const { resources: heads } = await container.items
      .query<{ id: string; pk: string }>('SELECT c.id, c.pk FROM c WHERE c.type = "audit-head"')
      .fetchAll();
    const [head] = heads;
    if (!head) throw new Error('no chain head');
    await container.item(head.id, head.pk).delete();

    const again = await plandesk(args);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain(`partition ${head.pk} holds chained audit entries but no chain head`);
  });

  it('names a bad location and a missing source file', async () => {
    expect(await plandesk(['migrate', '--from', 'mysql:x', '--to', 'cosmos', '--lang', 'en'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--from'),
    });
    expect(
      await plandesk(['migrate', '--from', `sqlite:${dbPath}`, '--to', `sqlite:${dbPath}`, '--lang', 'en']),
    ).toMatchObject({ code: 2, err: expect.stringContaining('must be cosmos') });
    expect(
      await plandesk(['migrate', '--from', `sqlite:${join(dir, 'none.db')}`, '--to', 'cosmos', '--lang', 'en']),
    ).toMatchObject({ code: 2, err: expect.stringContaining('none.db') });
  });
});
