import { cancelAbsence, recordAbsence } from '../../../src/app/approval/absence';
import { tick } from '../../../src/app/scheduler/tick';
import { actionsAbout, filed, liuQiang, openDesk, pendingOutbox, samplePlan, wangFang, type Desk } from './desk';

/** A tier-1 plan from 闵行 (黄丽): one step, for the ops approver 王芳 (刘强 her delegate). */
const tier1 = () => samplePlan('02-line-tier1');

describe('out-of-office (休假)', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await openDesk(); // Tuesday 1 Dec 2026, 10:00 in Shanghai
  });
  afterEach(async () => desk.close());

  it("moves 王芳's open steps to 刘强 when her leave starts today, and sends her new steps straight to him", async () => {
    const before = await filed(desk.deps, tier1());
    expect(before.steps[0]?.assignee).toBe(wangFang);

    const recorded = await recordAbsence(desk.deps, wangFang, {
      from: '2026-12-01',
      to: '2026-12-04',
      standIn: '刘强',
    });

    expect(recorded).toMatchObject({ ok: true, value: { standInName: '刘强', moved: 1, startsLater: false } });
    const moved = await desk.store.applications.get(before.id);
    expect(moved?.steps[0]).toMatchObject({ assignee: liuQiang, status: 'pending', dueAt: before.steps[0]?.dueAt });
    expect(moved?.history.at(-1)).toMatchObject({
      actor: 'plandesk',
      action: 'ops_review.stood_in',
      comment: '王芳 → 刘强 (2026-12-01 – 2026-12-04)',
    });
    expect(await pendingOutbox(desk.store)).toEqual(
      expect.arrayContaining([
        { kind: 'card', applicationId: before.id, to: { kind: 'person', id: liuQiang } },
        expect.objectContaining({ key: 'notice.stood_in', to: { kind: 'person', id: liuQiang } }),
      ]),
    );
    const during = await filed(desk.deps, tier1());
    expect(during.steps[0]).toMatchObject({ assignee: liuQiang, assignment: { basis: 'stand_in' } });
    expect(await actionsAbout(desk.store, 'directory')).toContain(`absence.set by ${wangFang}`);
  });

  it('moves nothing before a leave that starts later, then moves her steps at 00:00 of its first day', async () => {
    const plan = await filed(desk.deps, tier1());
    const recorded = await recordAbsence(desk.deps, wangFang, {
      from: '2026-12-03',
      to: '2026-12-04',
      standIn: 'liu.qiang',
    });
    expect(recorded).toMatchObject({ ok: true, value: { moved: 0, startsLater: true } });
    expect((await filed(desk.deps, tier1())).steps[0]?.assignee).toBe(wangFang);

    await tick(desk.deps, new Date('2026-12-02T23:59:00+08:00'), 'test');
    expect((await desk.store.applications.get(plan.id))?.steps[0]?.assignee).toBe(wangFang);
    await tick(desk.deps, new Date('2026-12-03T00:00:00+08:00'), 'test');
    expect((await desk.store.applications.get(plan.id))?.steps[0]?.assignee).toBe(liuQiang);
  });

  it('ends a leave early on 休假 取消: new steps come to her again, moved ones stay with the stand-in', async () => {
    const plan = await filed(desk.deps, tier1());
    desk.setNow('2026-11-30T10:00:00+08:00');
    await recordAbsence(desk.deps, wangFang, { from: '2026-11-30', to: '2026-12-04', standIn: '刘强' });
    desk.setNow('2026-12-01T10:00:00+08:00');

    const cancelled = await cancelAbsence(desk.deps, wangFang);

    expect(cancelled).toMatchObject({ ok: true, value: { from: '2026-11-30', to: '2026-12-04' } });
    const person = (await desk.store.directory.get())?.people.find((p) => p.aadObjectId === wangFang);
    expect(person?.away).toEqual([{ from: '2026-11-30', to: '2026-11-30', standIn: liuQiang }]);
    expect((await filed(desk.deps, tier1())).steps[0]?.assignee).toBe(wangFang);
    expect((await desk.store.applications.get(plan.id))?.steps[0]?.assignee).toBe(liuQiang);
    expect(await cancelAbsence(desk.deps, wangFang)).toMatchObject({ ok: false, error: { code: 'no_absence' } });
  });

  it.each<[string, { from: string; to: string; standIn: string }, string]>([
    ['a leave that ends before it starts', { from: '2026-12-05', to: '2026-12-03', standIn: '刘强' }, 'bad_range'],
    ['a leave already over', { from: '2026-11-20', to: '2026-11-25', standIn: '刘强' }, 'in_past'],
    [
      'herself as stand-in',
      { from: '2026-12-02', to: '2026-12-03', standIn: 'wang.fang@plandesk.example' },
      'stand_in_self',
    ],
    [
      'somebody the directory does not know',
      { from: '2026-12-02', to: '2026-12-03', standIn: '李白' },
      'stand_in_unknown',
    ],
    [
      'a stand-in who may not decide her steps',
      { from: '2026-12-02', to: '2026-12-03', standIn: '李娜' },
      'stand_in_cannot_decide',
    ],
  ])('refuses %s, audited, recording nothing', async (_case, request, problem) => {
    const result = await recordAbsence(desk.deps, wangFang, request);

    expect(result).toMatchObject({ ok: false, error: { code: 'absence', problem } });
    expect((await desk.store.directory.get())?.people.find((p) => p.aadObjectId === wangFang)?.away).toBeUndefined();
    expect(await actionsAbout(desk.store, 'directory')).toContain(`refused.absence by ${wangFang}`);
  });

  it('refuses an overlapping leave, and a stand-in who is away at any time of it', async () => {
    await recordAbsence(desk.deps, wangFang, { from: '2026-12-07', to: '2026-12-11', standIn: '刘强' });
    expect(
      await recordAbsence(desk.deps, wangFang, { from: '2026-12-10', to: '2026-12-14', standIn: '刘强' }),
    ).toMatchObject({ ok: false, error: { problem: 'overlaps' } });

    // 刘强 makes 王芳 his delegate; she cannot stand in for him while she is away herself.
    const directory = await desk.store.directory.get();
    if (!directory) throw new Error('no directory');
    await desk.store.directory.add(
      {
        ...directory,
        people: directory.people.map((p) => (p.aadObjectId === liuQiang ? { ...p, delegate: wangFang } : p)),
      },
      'test',
      new Date(),
    );
    expect(
      await recordAbsence(desk.deps, liuQiang, { from: '2026-12-11', to: '2026-12-12', standIn: '王芳' }),
    ).toMatchObject({ ok: false, error: { problem: 'stand_in_away' } });
    expect(
      await recordAbsence(desk.deps, liuQiang, { from: '2026-12-14', to: '2026-12-15', standIn: '王芳' }),
    ).toMatchObject({ ok: true });
  });
});
