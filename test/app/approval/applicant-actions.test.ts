import {
  fulfillApplication,
  resubmitApplication,
  withdrawApplication,
} from '../../../src/app/approval/applicant-actions';
import {
  actionsAbout,
  decided,
  filed,
  huangLi,
  liNa,
  liuQiang,
  openDesk,
  pendingOutbox,
  samplePlan,
  zhangWei,
  zhaoLei,
} from './desk';

describe('withdrawApplication', () => {
  let desk: Awaited<ReturnType<typeof openDesk>>;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  it('should let the applicant withdraw a plan in review, cancelling its steps and telling the approver it waited on', async () => {
    const plan = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
    await decided(desk.deps, plan.id, liNa, 'approve');
    const before = await pendingOutbox(desk.store);
    expect((await withdrawApplication(desk.deps, plan.id, zhangWei)).ok).toBe(true);
    const record = await desk.store.applications.get(plan.id);
    expect(record).toMatchObject({ version: 3, state: 'withdrawn' });
    expect(record?.steps.map((s) => s.status)).toEqual(['approved', 'cancelled', 'cancelled', 'cancelled']);
    expect(record?.history.at(-1)).toMatchObject({ actor: zhangWei, action: 'withdrawn', revision: 1 });
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: liuQiang },
        key: 'notice.withdrawn',
        params: { id: plan.id },
      },
    ]);
    expect((await actionsAbout(desk.store, plan.id)).at(-1)).toBe(`withdraw by ${zhangWei}`);
  });

  it('should let the applicant give up a returned plan, with nobody to tell but the copies of its card', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    await decided(desk.deps, plan.id, liuQiang, 'return', '请补充竞争对手报价');
    const before = await pendingOutbox(desk.store);
    expect((await withdrawApplication(desk.deps, plan.id, zhangWei)).ok).toBe(true);
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
    ]);
  });

  it.each([
    ['someone else', huangLi, false, 'not_the_applicant'],
    ['the approver', liuQiang, false, 'not_the_applicant'],
    ['the applicant, once it is approved', zhangWei, true, 'not_withdrawable'],
  ] as const)('should refuse a withdrawal by %s, audited, changing nothing', async (_, actor, approved, code) => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    const current = approved ? await decided(desk.deps, plan.id, liuQiang, 'approve') : plan;
    const outbox = await pendingOutbox(desk.store);
    expect(await withdrawApplication(desk.deps, plan.id, actor)).toMatchObject({
      ok: false,
      error: { code, record: current },
    });
    expect(await desk.store.applications.get(plan.id)).toEqual(current);
    expect(await pendingOutbox(desk.store)).toEqual(outbox);
    expect((await desk.store.audit.about(plan.id)).at(-1)).toMatchObject({
      actor,
      action: `refused.${code}`,
      after: { action: 'withdraw' },
    });
  });
});

describe('resubmitApplication', () => {
  let desk: Awaited<ReturnType<typeof openDesk>>;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  it("should file a returned plan's revision, re-routed from the start, keeping the returned revision", async () => {
    const plan = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
    await decided(desk.deps, plan.id, liNa, 'approve');
    const returned = await decided(desk.deps, plan.id, liuQiang, 'return', '佣金过高', 1);
    desk.setNow('2026-12-02T09:30:00+08:00');
    const revised = samplePlan('03-iot-agent-tier3', { commissionBp: 500, justification: '佣金降至 5%。' });
    const before = await pendingOutbox(desk.store);
    const result = await resubmitApplication(desk.deps, plan.id, 1, revised, zhangWei);
    if (!result.ok) throw new Error(`refused: ${result.error.code}`);
    const record = result.value;
    expect(record).toMatchObject({
      id: plan.id,
      version: 4,
      state: 'in_review',
      revision: 2,
      input: revised,
      fulfillment: null,
    });
    expect(record.pastRevisions).toEqual([
      { revision: 1, input: returned.input, assessment: returned.assessment, steps: returned.steps },
    ]);
    expect(record.steps[0]).toMatchObject({
      step: 'cooperation',
      assignee: liNa,
      status: 'pending',
      startedAt: '2026-12-02T01:30:00.000Z',
    });
    expect(record.steps.slice(1).every((s) => s.status === 'waiting')).toBe(true);
    expect(record.history.map((h) => [h.action, h.revision])).toEqual([
      ['submitted', 1],
      ['cooperation.approve', 1],
      ['ops_review.return', 1],
      ['resubmitted', 2],
    ]);
    expect(await desk.store.applications.get(plan.id)).toEqual(record);
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      { kind: 'card', applicationId: plan.id, to: { kind: 'person', id: liNa } },
      { kind: 'card', applicationId: plan.id, to: { kind: 'person', id: liuQiang } },
    ]);
    expect((await actionsAbout(desk.store, plan.id)).at(-1)).toBe(`resubmit by ${zhangWei}`);
  });

  it('should keep every revision through a second return', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    await decided(desk.deps, plan.id, liuQiang, 'return', '第一次退回');
    await resubmitApplication(
      desk.deps,
      plan.id,
      1,
      samplePlan('01-cloud-pbx-tier2', { subsidyFen: 400000 }),
      zhangWei,
    );
    await decided(desk.deps, plan.id, liuQiang, 'return', '第二次退回', 0, 2);
    const third = await resubmitApplication(
      desk.deps,
      plan.id,
      2,
      samplePlan('01-cloud-pbx-tier2', { subsidyFen: 300000 }),
      zhangWei,
    );
    if (!third.ok) throw new Error(`refused: ${third.error.code}`);
    expect(third.value.revision).toBe(3);
    expect(third.value.pastRevisions.map((r) => [r.revision, r.input.subsidyFen, r.steps[0]?.comment])).toEqual([
      [1, 500000, '第一次退回'],
      [2, 400000, '第二次退回'],
    ]);
  });

  it('should keep the applicant as filed, whatever the revision says', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    await decided(desk.deps, plan.id, liuQiang, 'return', '请修改');
    const result = await resubmitApplication(
      desk.deps,
      plan.id,
      1,
      samplePlan('01-cloud-pbx-tier2', { applicant: huangLi }),
      zhangWei,
    );
    expect(result.ok && result.value.input.applicant).toBe(zhangWei);
  });

  it.each([
    ['by someone else', huangLi, true, 1, 'not_the_applicant'],
    ['of a plan still in review', zhangWei, false, 1, 'not_returned'],
    ['from a card of another revision', zhangWei, true, 2, 'stale_card'],
  ] as const)(
    'should refuse a resubmission %s, audited, changing nothing',
    async (_, actor, returned, revision, code) => {
      const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
      const current = returned ? await decided(desk.deps, plan.id, liuQiang, 'return', '请修改') : plan;
      const outbox = await pendingOutbox(desk.store);
      const result = await resubmitApplication(desk.deps, plan.id, revision, samplePlan('01-cloud-pbx-tier2'), actor);
      expect(result).toMatchObject({ ok: false, error: { code } });
      expect(await desk.store.applications.get(plan.id)).toEqual(current);
      expect(await pendingOutbox(desk.store)).toEqual(outbox);
      expect((await desk.store.audit.about(plan.id)).at(-1)).toMatchObject({
        actor,
        action: `refused.${code}`,
        after: { action: 'resubmit' },
      });
    },
  );

  it('should refuse a revision the rules block, naming the reasons, and keep the plan returned', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    const returned = await decided(desk.deps, plan.id, liuQiang, 'return', '请修改');
    const belowCost = samplePlan('01-cloud-pbx-tier2', {
      tariffLines: [{ product: 'CLOUD-PBX', quantity: 200, proposedUnitPriceFen: 1000 }],
    });
    const result = await resubmitApplication(desk.deps, plan.id, 1, belowCost, zhangWei);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'blocked',
        assessment: { reasons: expect.arrayContaining([expect.objectContaining({ code: 'below_cost' })]) },
      },
    });
    expect(await desk.store.applications.get(plan.id)).toEqual(returned);
  });
});

describe('fulfillApplication', () => {
  let desk: Awaited<ReturnType<typeof openDesk>>;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  it('should let the support handler make an approved plan active and tell the applicant', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    await decided(desk.deps, plan.id, liuQiang, 'approve');
    desk.setNow('2026-12-02T11:00:00+08:00');
    const before = await pendingOutbox(desk.store);
    const result = await fulfillApplication(desk.deps, plan.id, ' 已在 BOSS 开通 ', zhaoLei);
    if (!result.ok) throw new Error(`refused: ${result.error.code}`);
    expect(result.value).toMatchObject({
      state: 'active',
      fulfillment: { doneBy: zhaoLei, doneAt: '2026-12-02T03:00:00.000Z', note: '已在 BOSS 开通' },
    });
    expect(result.value.history.at(-1)).toEqual({
      at: '2026-12-02T03:00:00.000Z',
      actor: zhaoLei,
      action: 'fulfilled',
      revision: 1,
      comment: '已在 BOSS 开通',
    });
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: zhangWei },
        key: 'notice.fulfilled',
        params: { id: plan.id },
      },
    ]);
    expect((await actionsAbout(desk.store, plan.id)).at(-1)).toBe(`fulfill by ${zhaoLei}`);
  });

  it.each([
    ['the applicant', zhangWei, true, 'not_a_handler'],
    ['the approver', liuQiang, true, 'not_a_handler'],
    ['the handler, before approval', zhaoLei, false, 'not_in_fulfillment'],
  ] as const)('should refuse completion by %s, audited, changing nothing', async (_, actor, approved, code) => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    const current = approved ? await decided(desk.deps, plan.id, liuQiang, 'approve') : plan;
    expect(await fulfillApplication(desk.deps, plan.id, null, actor)).toMatchObject({ ok: false, error: { code } });
    expect(await desk.store.applications.get(plan.id)).toEqual(current);
    expect((await desk.store.audit.about(plan.id)).at(-1)).toMatchObject({
      actor,
      action: `refused.${code}`,
      after: { action: 'fulfill' },
    });
  });
});
