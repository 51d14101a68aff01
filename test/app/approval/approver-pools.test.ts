import { handOverStep, type HandOverCommand } from '../../../src/app/approval/hand-over';
import { pendingFor } from '../../../src/app/approval/queries';
import type { Person } from '../../../src/app/records/directory';
import {
  aad,
  actionsAbout,
  filed,
  liNa,
  liuQiang,
  openDesk,
  pendingOutbox,
  samplePlan,
  wangFang,
  zhangWei,
  type Desk,
} from './desk';

/** A second ops approver: 高峰, with 刘强 as his delegate. */
const gaoFeng = aad('b005');
const GAO: Person = {
  aadObjectId: gaoFeng,
  name: '高峰',
  email: 'gao.feng@plandesk.example',
  roles: ['ops_approver'],
  delegate: liuQiang,
};

/** The sample directory with these people changed or added. */
async function withPeople(desk: Desk, ...people: Person[]) {
  const directory = await desk.store.directory.get();
  if (!directory) throw new Error('no directory');
  const ids = new Set(people.map((p) => p.aadObjectId));
  await desk.store.directory.add(
    { ...directory, people: [...directory.people.filter((p) => !ids.has(p.aadObjectId)), ...people] },
    'test',
    new Date(),
  );
}

const wang = async (desk: Desk): Promise<Person> => {
  const found = (await desk.store.directory.get())?.people.find((p) => p.aadObjectId === wangFang);
  if (!found) throw new Error('no 王芳');
  return found;
};

/** A tier-1 plan (one ops approver step) from 浦东 (张伟) or 闵行 (黄丽, as the sample files it). */
const tier1From = (unit: 'pudong' | 'minhang') =>
  samplePlan('02-line-tier1', unit === 'pudong' ? { applicant: zhangWei, unit: 'pudong-branch' } : {});

describe('approver pools', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  it('gives a step to the approver who covers the applying unit, saying it was the only one', async () => {
    await withPeople(
      desk,
      { ...(await wang(desk)), covers: ['pudong-branch'] },
      { ...GAO, covers: ['minhang-branch'] },
    );

    const pudong = await filed(desk.deps, tier1From('pudong'));
    const minhang = await filed(desk.deps, tier1From('minhang'));

    expect(pudong.steps[0]).toMatchObject({
      assignee: wangFang,
      delegate: liuQiang,
      assignment: { basis: 'only', pool: 1, open: 0 },
    });
    expect(minhang.steps[0]).toMatchObject({ assignee: gaoFeng, assignment: { basis: 'only', pool: 1, open: 0 } });
  });

  it('spreads steps over a pool by open steps, ties going to the one listed first', async () => {
    await withPeople(desk, GAO);

    const first = await filed(desk.deps, tier1From('pudong'));
    const second = await filed(desk.deps, tier1From('pudong'));
    const third = await filed(desk.deps, tier1From('minhang'));

    expect([first, second, third].map((r) => [r.steps[0]?.assignee, r.steps[0]?.assignment])).toEqual([
      [wangFang, { basis: 'fewest_open', pool: 2, open: 0 }],
      [gaoFeng, { basis: 'fewest_open', pool: 2, open: 0 }],
      [wangFang, { basis: 'fewest_open', pool: 2, open: 1 }],
    ]);
  });

  it('falls back to everyone with the role when nobody covers the unit, saying so', async () => {
    await withPeople(desk, { ...(await wang(desk)), covers: ['pudong-branch'] }, { ...GAO, covers: ['pudong-branch'] });

    const minhang = await filed(desk.deps, tier1From('minhang'));

    expect(minhang.steps[0]).toMatchObject({ assignee: wangFang, assignment: { basis: 'no_coverer', pool: 2 } });
  });
});

describe('taking over and handing over a step', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await openDesk();
    await withPeople(desk, GAO);
  });
  afterEach(async () => desk.close());

  const command = (id: string, changes: Partial<HandOverCommand>): HandOverCommand => ({
    applicationId: id,
    revision: 1,
    stepIndex: 0,
    from: wangFang,
    actor: gaoFeng,
    how: 'take_over',
    ...changes,
  });

  it('lets a colleague with the role take over: the deadline stays, the reminders follow, 王芳 is told and 高峰 gets the card', async () => {
    const plan = await filed(desk.deps, tier1From('pudong'));
    const outboxBefore = (await pendingOutbox(desk.store)).length;
    expect(plan.steps[0]?.assignee).toBe(wangFang);
    // 高峰 sees it in his team queue in 待办, not among his own.
    const queue = await pendingFor(desk.deps, gaoFeng);
    expect([queue.records.map((r) => r.id), queue.queue.map((r) => r.id)]).toEqual([[], [plan.id]]);

    const taken = await handOverStep(desk.deps, command(plan.id, {}));

    if (!taken.ok) throw new Error(`refused: ${taken.error.code}`);
    expect(taken.value.steps[0]).toMatchObject({
      assignee: gaoFeng,
      delegate: liuQiang,
      status: 'pending',
      dueAt: plan.steps[0]?.dueAt,
      startedAt: plan.steps[0]?.startedAt,
    });
    expect(taken.value.history.at(-1)).toMatchObject({
      actor: gaoFeng,
      action: 'ops_review.taken_over',
      comment: '王芳 → 高峰',
    });
    expect((await pendingOutbox(desk.store)).slice(outboxBefore)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: wangFang },
        key: 'notice.taken_over',
        params: { id: plan.id, step: 'ops_review', who: '高峰', by: '高峰' },
      },
      { kind: 'card', applicationId: plan.id, to: { kind: 'person', id: gaoFeng } },
    ]);
    const jobs = await desk.store.jobs.pendingFor(plan.id);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.payload.assignee === gaoFeng)).toBe(true);
    expect(await actionsAbout(desk.store, plan.id)).toContain(`step.take_over by ${gaoFeng}`);
    expect((await pendingFor(desk.deps, gaoFeng)).records.map((r) => r.id)).toEqual([plan.id]);
    expect((await pendingFor(desk.deps, wangFang)).records.map((r) => r.id)).toEqual([]);
  });

  it('makes exactly one take-over when two colleagues tap at once; the other is told the row is out of date', async () => {
    const plan = await filed(desk.deps, tier1From('pudong'));
    await withPeople(desk, { ...GAO, aadObjectId: aad('b006'), name: '许可', email: 'xu.ke@plandesk.example' });

    const results = await Promise.all([
      handOverStep(desk.deps, command(plan.id, { actor: gaoFeng })),
      handOverStep(desk.deps, command(plan.id, { actor: aad('b006') })),
    ]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^stale_/) } });
    const saved = await desk.store.applications.get(plan.id);
    expect(saved?.history.filter((h) => h.action === 'ops_review.taken_over')).toHaveLength(1);
    // A second try of the loser's row is refused too: it showed 王芳, and the step is no longer hers.
    const again = await handOverStep(desk.deps, command(plan.id, { actor: aad('b006') }));
    expect(again).toMatchObject({ ok: false, error: { code: 'stale_card' } });
  });

  it('lets the ops head hand a step to someone with its role, telling both', async () => {
    const plan = await filed(desk.deps, tier1From('pudong'));
    const handed = await handOverStep(desk.deps, command(plan.id, { actor: liuQiang, how: 'reassign', to: gaoFeng }));

    expect(handed.ok && handed.value.steps[0]?.assignee).toBe(gaoFeng);
    expect((await pendingOutbox(desk.store)).filter((m) => m.kind === 'text').map((m) => [m.to, m.key])).toEqual(
      expect.arrayContaining([
        [{ kind: 'person', id: wangFang }, 'notice.reassigned_away'],
        [{ kind: 'person', id: gaoFeng }, 'notice.reassigned_to_you'],
      ]),
    );
    // The ops head's 待办 lists every awaited step in the queue, with whom each role's steps may go to.
    const head = await pendingFor(desk.deps, liuQiang);
    expect(head.handTo.ops_approver?.map((p) => p.name)).toEqual(['王芳', '高峰']);
  });

  it.each<[string, Partial<HandOverCommand>, string]>([
    ['someone without the role taking it over', { actor: liNa }, 'lacks_role'],
    ['the applicant taking over their own plan', { actor: zhangWei }, 'own_application'],
    ['a colleague handing it to another', { how: 'reassign', to: wangFang, from: wangFang }, 'not_ops_head'],
    [
      'the ops head handing it to someone without the role',
      { actor: liuQiang, how: 'reassign', to: liNa },
      'lacks_role',
    ],
    [
      'the ops head handing it to whoever has it',
      { actor: liuQiang, how: 'reassign', to: wangFang },
      'already_assigned',
    ],
    ['a row of another revision', { revision: 2 }, 'stale_card'],
  ])('refuses %s, audited, changing nothing', async (_case, changes, code) => {
    const plan = await filed(desk.deps, tier1From('pudong'));

    const result = await handOverStep(desk.deps, command(plan.id, changes));

    expect(result).toMatchObject({ ok: false, error: { code } });
    expect((await desk.store.applications.get(plan.id))?.steps[0]?.assignee).toBe(wangFang);
    expect((await actionsAbout(desk.store, plan.id)).some((a) => a.startsWith(`refused.${code}`))).toBe(true);
  });
});
