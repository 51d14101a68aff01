import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handOverStep } from '../../../src/app/approval/hand-over';
import type { ApprovalDeps } from '../../../src/app/common/deps';
import { createWorkingCalendar } from '../../../src/calendar/chinese-working-calendar';
import { seedSamples } from '../../../src/samples/seed-samples';
import {
  freshDatabase,
  startCosmosTarget,
  type CosmosDatabase,
  type CosmosTarget,
} from '../../store/support/cosmos-target';
import { aad, filed, liuQiang, samplePlan, wangFang } from './desk';

/**
 * Two PlanDesk instances on one Cosmos database (cosmosdb-server in this process): two colleagues
 * tap 认领 on the same step at the same moment, each on another instance. Exactly one takes it over.
 */
describe('two instances taking over the same step at once, on Cosmos DB', () => {
  let target: CosmosTarget;
  let db: CosmosDatabase;
  beforeAll(async () => {
    target = await startCosmosTarget();
  });
  afterAll(async () => target.stop());
  beforeEach(() => {
    db = freshDatabase(target);
  });
  afterEach(async () => db.cleanup());

  it('makes exactly one take-over; the other instance refuses its tap and changes nothing', async () => {
    const now = new Date('2026-12-01T10:00:00+08:00');
    let ids = 0;
    const instance = async (): Promise<ApprovalDeps> => ({
      store: await db.open(),
      clock: { now: () => now },
      calendar: createWorkingCalendar(),
      newId: () => `msg-${++ids}`,
    });
    const [first, second] = [await instance(), await instance()];
    // The sample catalog, policy and directory, without the sample applications.
    const samples = mkdtempSync(join(tmpdir(), 'plandesk-take-over-'));
    for (const f of ['catalog.csv', 'policy.yaml', 'directory.yaml'])
      copyFileSync(join(__dirname, '../../../config/samples', f), join(samples, f));
    await seedSamples(first, samples);
    rmSync(samples, { recursive: true, force: true });
    const directory = await first.store.directory.get();
    if (!directory) throw new Error('no directory');
    const colleague = (suffix: string, name: string) => ({
      aadObjectId: aad(suffix),
      name,
      email: `${suffix}@plandesk.example`,
      roles: ['ops_approver' as const],
      delegate: liuQiang,
    });
    await first.store.directory.add(
      { ...directory, people: [...directory.people, colleague('b005', '高峰'), colleague('b006', '许可')] },
      'test',
      now,
    );
    const plan = await filed(first, samplePlan('02-line-tier1'));
    expect(plan.steps[0]?.assignee).toBe(wangFang);

    const taps = await Promise.all(
      [
        [first, aad('b005')],
        [second, aad('b006')],
      ].map(([deps, actor]) =>
        handOverStep(deps as ApprovalDeps, {
          applicationId: plan.id,
          revision: 1,
          stepIndex: 0,
          from: wangFang,
          actor: actor as string,
          how: 'take_over',
        }),
      ),
    );

    expect(taps.filter((t) => t.ok)).toHaveLength(1);
    const winner = taps.findIndex((t) => t.ok) === 0 ? aad('b005') : aad('b006');
    const saved = await second.store.applications.get(plan.id);
    expect(saved?.steps[0]?.assignee).toBe(winner);
    expect(saved?.history.filter((h) => h.action === 'ops_review.taken_over')).toEqual([
      expect.objectContaining({ actor: winner }),
    ]);
  });
});
