import { decideStep, type DecideCommand } from '../../../src/app/approval/decide-step';
import { submit } from '../../../src/app/approval/submit';
import type { ApplicationInput } from '../../../src/domain/application';
import {
  actionsAbout,
  chenJing,
  filed,
  huangLi,
  liNa,
  liuQiang,
  openDesk,
  pendingOutbox,
  samplePlan,
  wangFang,
  zhangWei,
  zhaoLei,
} from './desk';

describe('submit', () => {
  let desk: Awaited<ReturnType<typeof openDesk>>;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  it("should file a routed plan with its named approvers, due in two business days, and the approver's card in the outbox", async () => {
    const record = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    expect(record).toMatchObject({
      id: 'PP-2026-000001',
      version: 1,
      state: 'in_review',
      revision: 1,
      pastRevisions: [],
      fulfillment: null,
    });
    expect(record.assessment).toMatchObject({ outcome: 'routed', tier: 'tier2' });
    // Tuesday 10:00 + two business days = Thursday 18:00 in Shanghai.
    expect(record.steps).toEqual([
      expect.objectContaining({
        step: 'ops_review',
        assignee: liuQiang,
        delegate: null,
        status: 'pending',
        startedAt: '2026-12-01T02:00:00.000Z',
        dueAt: '2026-12-03T10:00:00.000Z',
      }),
    ]);
    expect(await desk.store.applications.get(record.id)).toEqual(record);
    expect(await pendingOutbox(desk.store)).toEqual([
      { kind: 'card', applicationId: record.id, to: { kind: 'person', id: liuQiang } },
    ]);
    expect(await actionsAbout(desk.store, record.id)).toEqual([`submit by ${zhangWei}`]);
  });

  it.each([
    ['02-line-tier1', 'tier1', [[wangFang, liuQiang, 'pending']]],
    [
      '03-iot-agent-tier3',
      'tier3',
      [
        [liNa, null, 'pending'],
        [liuQiang, null, 'waiting'],
        [chenJing, null, 'waiting'],
        [liuQiang, null, 'waiting'],
      ],
    ],
  ] as const)('should route sample %s as %s to the approvers the directory names', async (file, tier, steps) => {
    const record = await filed(desk.deps, samplePlan(file));
    expect(record.assessment.tier).toBe(tier);
    expect(record.steps.map((s) => [s.assignee, s.delegate, s.status])).toEqual(steps);
    // 第十一条: an agent-channel plan goes to 合作管理部 to decide and to 经营管理部's approver at once, to prepare.
    const cardsTo = record.steps[0]?.step === 'cooperation' ? [steps[0][0], steps[1]?.[0]] : [steps[0][0]];
    expect(await pendingOutbox(desk.store)).toEqual(
      cardsTo.map((id) => ({ kind: 'card', applicationId: record.id, to: { kind: 'person', id } })),
    );
  });

  it.each<['blocked' | 'not_needed', Partial<ApplicationInput>]>([
    ['blocked', { tariffLines: [{ product: 'CLOUD-PBX', quantity: 200, proposedUnitPriceFen: 1000 }] }],
    [
      'not_needed',
      { tariffLines: [{ product: 'CLOUD-PBX', quantity: 200, proposedUnitPriceFen: 4800 }], subsidyFen: 0 },
    ],
  ])('should file nothing and send nothing for a plan that is %s', async (code, changes) => {
    const result = await submit(desk.deps, {
      input: samplePlan('01-cloud-pbx-tier2', changes),
      actor: zhangWei,
      draftId: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code, assessment: { outcome: code } } });
    expect(await desk.store.applications.list()).toEqual([]);
    expect(await pendingOutbox(desk.store)).toEqual([]);
  });

  it("should file the plan and the approver's card together or not at all", async () => {
    const first = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    // Someone else holds next year's first number, so the next filing collides and must leave no trace.
    await desk.store.applications.create({ ...first, id: 'PP-2027-000001' }, [], [], []);
    desk.setNow('2027-01-04T10:00:00+08:00');
    const outboxBefore = await pendingOutbox(desk.store);
    const result = await submit(desk.deps, { input: samplePlan('02-line-tier1'), actor: huangLi, draftId: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'stale_version', id: 'PP-2027-000001' } });
    expect(await pendingOutbox(desk.store)).toEqual(outboxBefore);
    expect(await actionsAbout(desk.store, 'PP-2027-000001')).toEqual([]);
  });
});

describe('decideStep', () => {
  let desk: Awaited<ReturnType<typeof openDesk>>;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  const command = (applicationId: string, actor: string, changes: Partial<DecideCommand> = {}): DecideCommand => ({
    applicationId,
    revision: 1,
    stepIndex: 0,
    decision: 'approve',
    comment: null,
    actor,
    ...changes,
  });

  /** Decides and returns the saved record, failing the test on a refusal. */
  async function decided(cmd: DecideCommand) {
    const result = await decideStep(desk.deps, cmd);
    if (!result.ok) throw new Error(`refused: ${result.error.code}`);
    return result.value;
  }

  it('should approve the last step into fulfillment, due the next business day, telling the applicant, support and the unit', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    desk.setNow('2026-12-01T15:00:00+08:00');
    const before = await pendingOutbox(desk.store);
    const { record, outcome } = await decided(command(plan.id, liuQiang, { comment: '同意' }));
    expect(outcome).toBe('approved');
    expect(record).toMatchObject({
      version: 2,
      state: 'in_fulfillment',
      fulfillment: { createdAt: '2026-12-01T07:00:00.000Z', dueAt: '2026-12-02T10:00:00.000Z', doneBy: null },
    });
    expect(record.steps[0]).toMatchObject({ status: 'approved', decidedBy: liuQiang, comment: '同意' });
    expect(record.history.at(-1)).toEqual({
      at: '2026-12-01T07:00:00.000Z',
      actor: liuQiang,
      action: 'ops_review.approve',
      revision: 1,
      comment: '同意',
    });
    expect(await desk.store.applications.get(plan.id)).toEqual(record);
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: zhangWei },
        key: 'notice.approved',
        params: { id: plan.id },
      },
      { kind: 'card', applicationId: plan.id, to: { kind: 'channel', channel: 'support' } },
      { kind: 'card', applicationId: plan.id, to: { kind: 'channel', channel: 'unit:pudong-branch' } },
    ]);
    expect(await actionsAbout(desk.store, plan.id)).toEqual([`submit by ${zhangWei}`, `decide.approve by ${liuQiang}`]);
  });

  it('should count a step and a support task given at the weekend from Monday, as the first of their business days', async () => {
    // Issue 9's two examples: submitted Saturday 12:14 (2 business days), approved on a Saturday (1 business day).
    desk.setNow('2026-12-05T12:14:00+08:00');
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    expect(plan.steps[0]?.dueAt).toBe(new Date('2026-12-08T18:00:00+08:00').toISOString()); // Tuesday
    desk.setNow('2026-12-12T11:00:00+08:00');
    const { record } = await decided(command(plan.id, liuQiang));
    expect(record.fulfillment?.dueAt).toBe(new Date('2026-12-14T18:00:00+08:00').toISOString()); // Monday
  });

  it('should move an agent-channel plan from cooperation to the ops head, with a new deadline and a card for him', async () => {
    const plan = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
    desk.setNow('2026-12-03T09:00:00+08:00');
    const before = await pendingOutbox(desk.store);
    const { record, outcome } = await decided(command(plan.id, liNa));
    expect(outcome).toBe('advanced');
    // Thursday 09:00 + two business days = Monday 18:00.
    expect(record.steps[1]).toMatchObject({
      status: 'pending',
      assignee: liuQiang,
      startedAt: '2026-12-03T01:00:00.000Z',
      dueAt: '2026-12-07T10:00:00.000Z',
    });
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      { kind: 'card', applicationId: plan.id, to: { kind: 'person', id: liuQiang } },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: zhangWei },
        key: 'notice.advanced',
        params: { id: plan.id, step: 'ops_review' },
      },
    ]);
  });

  it("should let 王芳's delegate 刘强 decide her step", async () => {
    const plan = await filed(desk.deps, samplePlan('02-line-tier1'));
    const { record } = await decided(command(plan.id, liuQiang));
    expect(record.steps[0]).toMatchObject({ assignee: wangFang, status: 'approved', decidedBy: liuQiang });
  });

  it('should take an escalated plan through leadership and back to the ops head for the final reply', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    const escalated = await decided(
      command(plan.id, liuQiang, { decision: 'escalate', comment: '补贴超出经管部权限' }),
    );
    expect(escalated.outcome).toBe('escalated');
    expect(escalated.record.steps.map((s) => [s.step, s.assignee, s.status])).toEqual([
      ['ops_review', liuQiang, 'escalated'],
      ['leadership', chenJing, 'pending'],
      ['ops_final', liuQiang, 'waiting'],
    ]);
    const outbox = await pendingOutbox(desk.store);
    expect(outbox).toContainEqual({ kind: 'card', applicationId: plan.id, to: { kind: 'person', id: chenJing } });
    expect(outbox).toContainEqual({
      kind: 'text',
      applicationId: plan.id,
      to: { kind: 'person', id: zhangWei },
      key: 'notice.escalated',
      params: { id: plan.id, step: 'leadership' },
    });
    expect((await decided(command(plan.id, chenJing, { stepIndex: 1 }))).outcome).toBe('advanced');
    const final = await decided(command(plan.id, liuQiang, { stepIndex: 2 }));
    expect(final.outcome).toBe('approved');
    expect(final.record.state).toBe('in_fulfillment');
  });

  it.each([
    ['reject', 'rejected', 'notice.rejected'],
    ['return', 'returned', 'notice.returned'],
  ] as const)(
    'should %s with a reason and tell the applicant who decided, at which step, and why',
    async (decision, state, notice) => {
      const plan = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
      const { record } = await decided(command(plan.id, liNa, { decision, comment: '佣金比例过高' }));
      expect(record.state).toBe(state);
      expect(record.steps.map((s) => s.status)).toEqual([state, 'cancelled', 'cancelled', 'cancelled']);
      expect(await pendingOutbox(desk.store)).toContainEqual({
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: zhangWei },
        key: notice,
        params: { id: plan.id, step: 'cooperation', who: '李娜', comment: '佣金比例过高' },
      });
    },
  );

  it.each<[string, string, Partial<DecideCommand>, string]>([
    ['another applicant', huangLi, {}, 'not_an_approver'],
    ['the support handler', zhaoLei, {}, 'not_an_approver'],
    ['the applicant', zhangWei, {}, 'own_application'],
    ['a card of another revision', liuQiang, { revision: 2 }, 'stale_card'],
    ['a step the route does not have', liuQiang, { stepIndex: 3 }, 'stale_card'],
    ['a reject without a reason', liuQiang, { decision: 'reject', comment: '  ' }, 'comment_required'],
    ['a person the directory does not know', 'intruder', {}, 'not_an_approver'],
  ])('should refuse %s, audit the attempt and change nothing', async (_, actor, changes, code) => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    const outbox = await pendingOutbox(desk.store);
    const result = await decideStep(desk.deps, command(plan.id, actor, changes));
    expect(result).toMatchObject({ ok: false, error: { code, record: plan } });
    expect(await desk.store.applications.get(plan.id)).toEqual(plan);
    expect(await pendingOutbox(desk.store)).toEqual(outbox);
    const audit = await desk.store.audit.about(plan.id);
    expect(audit.at(-1)).toMatchObject({
      actor,
      action: `refused.${code}`,
      before: null,
      after: expect.objectContaining({ decision: changes.decision ?? 'approve' }),
    });
  });

  it('should refuse a second decision on a decided step, keeping the first', async () => {
    const plan = await filed(desk.deps, samplePlan('02-line-tier1'));
    const first = await decided(command(plan.id, wangFang));
    const again = await decideStep(desk.deps, command(plan.id, liuQiang, { decision: 'reject', comment: '不同意' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'already_decided' } });
    expect(await desk.store.applications.get(plan.id)).toEqual(first.record);
  });

  it("should let only one of two approvers tapping at once decide, with only that decision's messages", async () => {
    const plan = await filed(desk.deps, samplePlan('02-line-tier1'));
    const before = await pendingOutbox(desk.store);
    const results = await Promise.all([
      decideStep(desk.deps, command(plan.id, wangFang)),
      decideStep(desk.deps, command(plan.id, liuQiang, { decision: 'reject', comment: '不同意' })),
    ]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const saved = await desk.store.applications.get(plan.id);
    expect(saved?.version).toBe(2);
    const added = (await pendingOutbox(desk.store)).slice(before.length);
    expect(added.filter((m) => m.kind === 'refresh')).toHaveLength(1);
    expect(added.filter((m) => m.kind === 'text')).toEqual([
      expect.objectContaining({ key: saved?.state === 'rejected' ? 'notice.rejected' : 'notice.approved' }),
    ]);
  });

  it('should refuse an escalation when the directory names no leader, audited, leaving the step with ops', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    const directory = await desk.store.directory.get();
    if (!directory) throw new Error('no directory');
    await desk.store.directory.add(
      { ...directory, people: directory.people.filter((p) => !p.roles.includes('leader')) },
      'test',
      new Date(),
    );
    const result = await decideStep(desk.deps, {
      applicationId: plan.id,
      revision: 1,
      stepIndex: 0,
      decision: 'escalate',
      comment: null,
      actor: liuQiang,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'no_approver', role: 'leader' } });
    expect(await desk.store.applications.get(plan.id)).toEqual(plan);
    expect((await actionsAbout(desk.store, plan.id)).at(-1)).toBe(`refused.no_approver by ${liuQiang}`);
  });

  it('should say so when the application does not exist', async () => {
    expect(await decideStep(desk.deps, command('PP-2026-999999', liuQiang))).toEqual({
      ok: false,
      error: { code: 'not_found', id: 'PP-2026-999999' },
    });
  });
});
