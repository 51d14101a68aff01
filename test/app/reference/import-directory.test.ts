import type { Directory, Person } from '../../../src/app/records/directory';
import { importDirectory } from '../../../src/app/reference/import-directory';
import {
  actionsAbout,
  aad,
  chenJing,
  decided,
  filed,
  liuQiang,
  openDesk,
  pendingOutbox,
  samplePlan,
  wangFang,
  zhouJie,
  type Desk,
} from '../approval/desk';

const wuTing = aad('b005');
const WU_TING: Person = {
  aadObjectId: wuTing,
  name: '吴婷',
  email: 'wu.ting@plandesk.example',
  roles: ['ops_approver', 'ops_head'],
  delegate: chenJing,
};

/** A store's state a refused import must leave exactly as it was. */
const snapshot = async (desk: Desk) => ({
  directories: await desk.store.directory.list(),
  applications: await desk.store.applications.list(),
  outbox: await pendingOutbox(desk.store),
  audit: await desk.store.audit.about('directory'),
});

describe('importing a directory', () => {
  let desk: Desk;
  let current: Directory;
  beforeEach(async () => {
    desk = await openDesk();
    const stored = await desk.store.directory.get();
    if (!stored) throw new Error('no directory');
    current = { units: stored.units, people: stored.people };
  });
  afterEach(() => desk.close());

  /** The current directory with some people changed (null removes them) and others added. */
  const edited = (changes: Record<string, Partial<Person> | null>, added: Person[] = []): Directory => ({
    units: current.units,
    people: [
      ...current.people.flatMap((p) => {
        const change = changes[p.aadObjectId];
        if (change === null) return [];
        return [{ ...p, ...change }];
      }),
      ...added,
    ],
  });

  it('should store a new version, audited, and say who was added and removed and what changed for whom', async () => {
    const next: Directory = {
      units: [
        ...current.units.filter((u) => u.id !== 'video-ops'),
        { id: 'jiading-branch', name: '嘉定分公司', kind: 'branch' },
      ],
      people: edited(
        {
          [zhouJie]: { roles: ['admin'], locale: 'zh-CN' },
          [liuQiang]: { roles: ['ops_head', 'leader'], head: chenJing, covers: ['pudong-branch', 'minhang-branch'] },
          [aad('c002')]: null,
        },
        [{ ...WU_TING, roles: ['auditor'] }],
      ).people,
    };
    const result = await importDirectory(desk.deps, next, 'zhou.jie');
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.version).toMatchObject({ version: 2, importedBy: 'zhou.jie' });
    expect(result.value.previous?.version).toBe(1);
    expect(result.value.changes).toEqual([
      { change: 'roles_added', person: liuQiang, roles: ['leader'] },
      { change: 'person_changed', person: liuQiang, field: 'head', from: null, to: chenJing },
      { change: 'person_changed', person: liuQiang, field: 'covers', from: null, to: 'pudong-branch, minhang-branch' },
      { change: 'roles_removed', person: zhouJie, roles: ['catalog_owner'] },
      { change: 'person_changed', person: zhouJie, field: 'locale', from: 'en-US', to: 'zh-CN' },
      { change: 'person_added', person: wuTing },
      { change: 'person_removed', person: aad('c002') },
      { change: 'unit_added', unit: 'jiading-branch' },
      { change: 'unit_removed', unit: 'video-ops' },
    ]);
    expect(await desk.store.directory.get()).toEqual(result.value.version);
    expect((await desk.store.audit.about('directory')).map((e) => `${e.action} by ${e.actor}`)).toEqual([
      'directory.import by seed',
      'directory.import by zhou.jie',
    ]);
  });

  it("should keep the leave people recorded with 休假, which the admin's file cannot say", async () => {
    const leave = { from: '2026-12-07', to: '2026-12-11', standIn: liuQiang };
    await desk.store.directory.add(edited({ [wangFang]: { away: [leave] } }), wangFang, new Date());
    const result = await importDirectory(desk.deps, edited({}, [WU_TING]), 'zhou.jie');
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.version.people.find((p) => p.aadObjectId === wangFang)?.away).toEqual([leave]);
    expect(result.value.changes).toEqual([{ change: 'person_added', person: wuTing }]);
  });

  it('should keep the directory version an application was routed on in its history', async () => {
    await importDirectory(desk.deps, edited({}, [WU_TING]), 'zhou.jie');
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    expect(plan.history).toEqual([expect.objectContaining({ action: 'submitted', directoryVersion: 2 })]);
  });

  it('should refuse, writing nothing, a directory that removes the approver of an open step, naming the step', async () => {
    const plan = await filed(desk.deps, samplePlan('02-line-tier1'));
    const before = await snapshot(desk);
    const result = await importDirectory(desk.deps, edited({ [wangFang]: null }, [WU_TING]), 'zhou.jie');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'stranded_work',
        stranded: [
          expect.objectContaining({
            applicationId: plan.id,
            step: 'ops_review',
            holder: 'assignee',
            person: wangFang,
            because: 'removed',
            to: null,
            problem: 'no_target',
          }),
        ],
      },
    });
    expect(await snapshot(desk)).toEqual(before);
  });

  it('should refuse a directory that takes the step role from its approver, or every approver role from its delegate', async () => {
    const plan = await filed(desk.deps, samplePlan('02-line-tier1'));
    const lost = await importDirectory(
      desk.deps,
      edited({ [wangFang]: { roles: ['auditor'] }, [liuQiang]: { roles: ['support_handler'] } }),
      'zhou.jie',
    );
    if (lost.ok) throw new Error('imported');
    expect(lost.error).toMatchObject({ code: 'stranded_work' });
    const stranded = lost.error.code === 'stranded_work' ? lost.error.stranded : [];
    expect(stranded.filter((s) => s.applicationId === plan.id).map((s) => [s.holder, s.person, s.because])).toEqual([
      ['assignee', wangFang, 'lost_role'],
      ['delegate', liuQiang, 'lost_role'],
    ]);
  });

  it('should refuse a reassignment to someone who lacks the role, is not in the new directory, or filed the application', async () => {
    const plan = await filed(desk.deps, samplePlan('02-line-tier1'));
    const to = async (target: string) => {
      const result = await importDirectory(desk.deps, edited({ [wangFang]: null }), 'zhou.jie', {
        'wang.fang@plandesk.example': target,
      });
      return result.ok ? null : result.error.code === 'stranded_work' ? result.error.stranded[0]?.problem : null;
    };
    expect(await to('sun.min@plandesk.example')).toBe('target_lacks_role');
    expect(await to(wangFang)).toBe('target_not_in_directory');
    const applicant = plan.input.applicant;
    const applicantWhoApproves = await importDirectory(
      desk.deps,
      edited({ [wangFang]: null, [applicant]: { roles: ['applicant', 'ops_approver'] } }),
      'zhou.jie',
      { [wangFang]: applicant },
    );
    expect(applicantWhoApproves).toMatchObject({
      ok: false,
      error: { code: 'stranded_work', stranded: [{ problem: 'target_is_applicant' }] },
    });
    expect(
      await importDirectory(desk.deps, edited({ [wangFang]: null }), 'zhou.jie', { [wangFang]: 'nobody@example' }),
    ).toEqual({ ok: false, error: { code: 'unknown_people', names: ['nobody@example'] } });
    expect((await desk.store.directory.get())?.version).toBe(1);
  });

  it('should hand a stranded pending step to the person named, with a history line, an audit entry, its reminders and the card', async () => {
    const plan = await filed(desk.deps, samplePlan('02-line-tier1'));
    const sent = (await pendingOutbox(desk.store)).length;
    const result = await importDirectory(desk.deps, edited({ [wangFang]: null }, [WU_TING]), 'zhou.jie', {
      'wang.fang@plandesk.example': 'wu.ting@plandesk.example',
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.handedOver).toEqual([
      expect.objectContaining({ applicationId: plan.id, holder: 'assignee', person: wangFang, to: wuTing }),
    ]);
    const saved = await desk.store.applications.get(plan.id);
    // The deadline stays; the pool's reason for 王芳 goes with her.
    const { assignment: _pool, ...step } = plan.steps[0]!;
    expect(saved?.steps[0]).toEqual({ ...step, assignee: wuTing, delegate: chenJing });
    expect(saved?.history.at(-1)).toMatchObject({
      actor: 'zhou.jie',
      action: 'ops_review.reassigned',
      comment: '王芳 → 吴婷',
    });
    expect((await actionsAbout(desk.store, plan.id)).at(-1)).toBe('directory.reassign by zhou.jie');
    expect((await pendingOutbox(desk.store)).slice(sent)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      { kind: 'card', applicationId: plan.id, to: { kind: 'person', id: wuTing } },
    ]);
    const reminders = (await desk.store.jobs.pendingFor(plan.id)).filter((j) => j.kind.startsWith('step.'));
    expect(reminders.length).toBeGreaterThan(0);
    for (const job of reminders) expect(job.payload.assignee).toBe(wuTing);
    expect((await desk.store.directory.get())?.version).toBe(2);
    // The new approver can decide it.
    expect((await decided(desk.deps, plan.id, wuTing, 'approve')).state).toBe('in_fulfillment');
  });

  it('should hand over waiting steps and a delegate too, sending a card only for the step awaited now', async () => {
    const tier3 = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
    const tier1 = await filed(desk.deps, samplePlan('02-line-tier1'));
    const sent = (await pendingOutbox(desk.store)).length;
    const result = await importDirectory(desk.deps, edited({ [liuQiang]: null }, [WU_TING]), 'zhou.jie', {
      [liuQiang]: wuTing,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [savedTier3, savedTier1] = await Promise.all([
      desk.store.applications.get(tier3.id),
      desk.store.applications.get(tier1.id),
    ]);
    expect(savedTier3?.steps.map((s) => [s.step, s.status, s.assignee])).toEqual([
      ['cooperation', 'pending', aad('b001')],
      ['ops_review', 'waiting', wuTing],
      ['leadership', 'waiting', chenJing],
      ['ops_final', 'waiting', wuTing],
    ]);
    expect(savedTier1?.steps[0]).toMatchObject({ assignee: wangFang, delegate: wuTing });
    const cards = (await pendingOutbox(desk.store)).slice(sent).filter((m) => m.kind === 'card');
    expect(cards).toEqual([]);
  });

  it('should leave decided applications alone: only open steps can be stranded', async () => {
    const plan = await filed(desk.deps, samplePlan('02-line-tier1'));
    await decided(desk.deps, plan.id, wangFang, 'approve');
    const result = await importDirectory(desk.deps, edited({ [wangFang]: null }), 'zhou.jie');
    expect(result.ok).toBe(true);
  });
});
