import { fulfillApplication, resubmitApplication } from '../../../src/app/approval/applicant-actions';
import { bindChannel, rememberPerson, type ChannelTarget } from '../../../src/app/approval/conversations';
import { myApplications, pendingFor, viewApplication } from '../../../src/app/approval/queries';
import {
  chenJing,
  decided,
  filed,
  huangLi,
  liNa,
  liuQiang,
  openDesk,
  samplePlan,
  sunMin,
  wangFang,
  zhangWei,
  zhaoLei,
  zhouJie,
} from './desk';

const ids = (records: { id: string }[]): string[] => records.map((r) => r.id);

describe('pendingFor and myApplications', () => {
  let desk: Awaited<ReturnType<typeof openDesk>>;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  it("should list what waits on each person, oldest first, the delegate's included", async () => {
    const tier2 = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    desk.setNow('2026-12-01T11:00:00+08:00');
    const tier1 = await filed(desk.deps, samplePlan('02-line-tier1'));
    desk.setNow('2026-12-01T12:00:00+08:00');
    const tier3 = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
    expect(ids((await pendingFor(desk.deps, wangFang)).records)).toEqual([tier1.id]);
    expect(ids((await pendingFor(desk.deps, liuQiang)).records)).toEqual([tier2.id, tier1.id]);
    expect(ids((await pendingFor(desk.deps, liNa)).records)).toEqual([tier3.id]);
    for (const nobody of [chenJing, zhaoLei, zhangWei, sunMin, zhouJie])
      expect((await pendingFor(desk.deps, nobody)).records).toEqual([]);
  });

  it("should move a plan off one approver's list onto the next one's", async () => {
    const tier3 = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
    await decided(desk.deps, tier3.id, liNa, 'approve');
    expect((await pendingFor(desk.deps, liNa)).records).toEqual([]);
    expect(ids((await pendingFor(desk.deps, liuQiang)).records)).toEqual([tier3.id]);
  });

  it('should list a plan for the support handlers only while it is to be carried out', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    expect((await pendingFor(desk.deps, zhaoLei)).records).toEqual([]);
    await decided(desk.deps, plan.id, liuQiang, 'approve');
    expect(ids((await pendingFor(desk.deps, zhaoLei)).records)).toEqual([plan.id]);
    expect((await pendingFor(desk.deps, liuQiang)).records).toEqual([]);
    await fulfillApplication(desk.deps, plan.id, null, zhaoLei);
    expect((await pendingFor(desk.deps, zhaoLei)).records).toEqual([]);
  });

  it('should list nothing for a returned plan until it is resubmitted', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    await decided(desk.deps, plan.id, liuQiang, 'return', '请修改');
    expect((await pendingFor(desk.deps, liuQiang)).records).toEqual([]);
    await resubmitApplication(desk.deps, plan.id, 1, samplePlan('01-cloud-pbx-tier2'), zhangWei);
    expect(ids((await pendingFor(desk.deps, liuQiang)).records)).toEqual([plan.id]);
  });

  it("should list an applicant's own applications, newest first, and nobody else's", async () => {
    const first = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    desk.setNow('2026-12-01T11:00:00+08:00');
    const theirs = await filed(desk.deps, samplePlan('02-line-tier1'));
    desk.setNow('2026-12-01T12:00:00+08:00');
    const second = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
    expect(ids((await myApplications(desk.deps, zhangWei)).records)).toEqual([second.id, first.id]);
    expect(ids((await myApplications(desk.deps, huangLi)).records)).toEqual([theirs.id]);
    expect((await myApplications(desk.deps, liuQiang)).records).toEqual([]);
  });
});

describe('viewApplication', () => {
  let desk: Awaited<ReturnType<typeof openDesk>>;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  it.each([
    ['its applicant 张伟', zhangWei, true],
    ['its approver 刘强', liuQiang, true],
    ['the auditor 孙敏', sunMin, true],
    ['the admin 周杰', zhouJie, true],
    ['another applicant 黄丽', huangLi, false],
    ['李娜, a cooperation approver of other plans', liNa, false],
    ['王芳, an ops approver not on its route', wangFang, false],
    ['the leader 陈静, not on its route', chenJing, false],
    ['the support handler 赵磊, before approval', zhaoLei, false],
    ['someone the directory does not know', 'intruder', false],
  ] as const)('should let %s see a tier2 plan in review: %s, and audit the look', async (_, actor, allowed) => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    desk.setNow('2026-12-01T16:00:00+08:00');
    const result = await viewApplication(desk.deps, plan.id, actor);
    // Someone not on the plan gets its status only: the card model says the figures are not theirs to see.
    expect(result).toMatchObject({ ok: true, value: { record: plan, detailed: allowed } });
    expect((await desk.store.audit.about(plan.id)).at(-1)).toEqual({
      at: '2026-12-01T08:00:00.000Z',
      actor,
      action: allowed ? 'view' : 'refused.view',
      subject: plan.id,
      before: null,
      after: null,
    });
  });

  it('should let the support handler see a plan once it is to be carried out', async () => {
    const plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    await decided(desk.deps, plan.id, liuQiang, 'approve');
    expect(await viewApplication(desk.deps, plan.id, zhaoLei)).toMatchObject({ ok: true, value: { detailed: true } });
  });

  it('should keep an approver of an earlier revision able to see it after the route changed', async () => {
    const plan = await filed(desk.deps, samplePlan('03-iot-agent-tier3'));
    await decided(desk.deps, plan.id, liNa, 'return', '不应走代理渠道');
    // Without the agent channel and its commission the revision no longer goes to cooperation.
    const revised = await resubmitApplication(
      desk.deps,
      plan.id,
      1,
      samplePlan('03-iot-agent-tier3', { agentChannel: false, commissionBp: 0 }),
      zhangWei,
    );
    expect(revised.ok && revised.value.steps.some((s) => s.assignee === liNa)).toBe(false);
    expect(await viewApplication(desk.deps, plan.id, liNa)).toMatchObject({ ok: true, value: { detailed: true } });
  });

  it('should say so, and audit the attempt as refused (not as a view), when the application does not exist', async () => {
    expect(await viewApplication(desk.deps, 'PP-2026-999999', zhangWei)).toEqual({
      ok: false,
      error: { code: 'not_found', id: 'PP-2026-999999' },
    });
    expect((await desk.store.audit.about('PP-2026-999999')).map((e) => [e.actor, e.action])).toEqual([
      [zhangWei, 'refused.not_found'],
    ]);
  });
});

describe('bindChannel and rememberPerson', () => {
  let desk: Awaited<ReturnType<typeof openDesk>>;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  const teamsChannel = { reference: { conversation: { id: '19:ops@thread.tacv2' } }, userMri: null, locale: 'zh-CN' };

  it.each<[ChannelTarget, string]>([
    [{ kind: 'support' }, 'support'],
    [{ kind: 'ops' }, 'ops'],
    [{ kind: 'auditors' }, 'auditors'],
    [{ kind: 'unit', unit: 'pudong-branch' }, 'unit:pudong-branch'],
  ])('should let the admin make a channel the place for %p notices, audited', async (target, name) => {
    expect(await bindChannel(desk.deps, zhouJie, target, teamsChannel)).toMatchObject({
      ok: true,
      value: { target: name, unitName: name === 'unit:pudong-branch' ? expect.any(String) : null },
    });
    expect(await desk.store.conversations.get(`channel:${name}`)).toEqual({
      ...teamsChannel,
      key: `channel:${name}`,
      updatedAt: '2026-12-01T02:00:00.000Z',
    });
    expect((await desk.store.audit.about('directory')).at(-1)).toMatchObject({
      actor: zhouJie,
      action: 'bind_channel',
      after: { target: name },
    });
  });

  it.each([
    ['an applicant', zhangWei],
    ['the ops head', liuQiang],
    ['the auditor', sunMin],
    ['someone the directory does not know', 'intruder'],
  ])('should refuse %s binding a channel, audited, binding nothing', async (_, actor) => {
    expect(await bindChannel(desk.deps, actor, { kind: 'support' }, teamsChannel)).toEqual({
      ok: false,
      error: { code: 'not_admin' },
    });
    expect(await desk.store.conversations.get('channel:support')).toBeNull();
    expect((await desk.store.audit.about('directory')).at(-1)).toMatchObject({ actor, action: 'refused.bind_channel' });
  });

  it('should refuse a unit the directory does not have', async () => {
    expect(await bindChannel(desk.deps, zhouJie, { kind: 'unit', unit: 'nowhere-branch' }, teamsChannel)).toEqual({
      ok: false,
      error: { code: 'unknown_unit', unit: 'nowhere-branch' },
    });
    expect(await desk.store.conversations.get('channel:unit:nowhere-branch')).toBeNull();
  });

  it("should keep the latest reference to a person's chat", async () => {
    await rememberPerson(desk.deps, zhangWei, {
      reference: { conversation: { id: 'a:1' } },
      userMri: '29:zhang',
      locale: 'zh-CN',
    });
    desk.setNow('2026-12-02T09:00:00+08:00');
    await rememberPerson(desk.deps, zhangWei, {
      reference: { conversation: { id: 'a:2' } },
      userMri: '29:zhang',
      locale: 'en-US',
    });
    expect(await desk.store.conversations.get(`person:${zhangWei}`)).toEqual({
      key: `person:${zhangWei}`,
      reference: { conversation: { id: 'a:2' } },
      userMri: '29:zhang',
      locale: 'en-US',
      updatedAt: '2026-12-02T01:00:00.000Z',
    });
  });

  describe('a chat opened with many cards (a turn per card refresh)', () => {
    const chat = { reference: { conversation: { id: 'a:1' } }, userMri: '29:zhang', locale: 'zh-CN' };
    const stored = () => desk.store.conversations.get(`person:${zhangWei}`);

    const refresh = { automatic: true };

    it('should write the same reference once a minute, not once per card refresh', async () => {
      desk.setNow('2026-12-02T09:00:00+08:00');
      await rememberPerson(desk.deps, zhangWei, chat, refresh);
      desk.setNow('2026-12-02T09:00:59+08:00');
      await rememberPerson(desk.deps, zhangWei, chat, refresh);
      expect((await stored())?.updatedAt).toBe('2026-12-02T01:00:00.000Z');
      desk.setNow('2026-12-02T09:01:00+08:00');
      await rememberPerson(desk.deps, zhangWei, chat, refresh);
      expect((await stored())?.updatedAt).toBe('2026-12-02T01:01:00.000Z');
    });

    it('should write at once a turn the person made themselves (a message, a tap), however soon', async () => {
      desk.setNow('2026-12-02T09:00:00+08:00');
      await rememberPerson(desk.deps, zhangWei, chat, refresh);
      desk.setNow('2026-12-02T09:00:05+08:00');
      await rememberPerson(desk.deps, zhangWei, chat);
      expect((await stored())?.updatedAt).toBe('2026-12-02T01:00:05.000Z');
    });

    it.each([
      ['another chat', { ...chat, reference: { conversation: { id: 'a:2' } } }],
      ['another language', { ...chat, locale: 'en-US' }],
      ['another Teams id', { ...chat, userMri: '29:zhang-2' }],
    ])('should write at once what changed: %s', async (_, changed) => {
      desk.setNow('2026-12-02T09:00:00+08:00');
      await rememberPerson(desk.deps, zhangWei, chat);
      desk.setNow('2026-12-02T09:00:05+08:00');
      await rememberPerson(desk.deps, zhangWei, changed, refresh);
      expect(await stored()).toMatchObject({ ...changed, updatedAt: '2026-12-02T01:00:05.000Z' });
    });

    it('should make a chat Teams had refused active again on the next turn, however soon', async () => {
      desk.setNow('2026-12-02T09:00:00+08:00');
      await rememberPerson(desk.deps, zhangWei, chat);
      const before = await stored();
      if (!before) throw new Error('the chat was not kept');
      // As a delivery that Teams refused for good leaves it.
      await desk.store.conversations.save({
        ...before,
        inactiveSince: '2026-12-02T01:00:01.000Z',
        inactiveReason: 'MessageWritesBlocked',
      });
      desk.setNow('2026-12-02T09:00:02+08:00');
      await rememberPerson(desk.deps, zhangWei, chat, refresh);
      expect(await stored()).toMatchObject({ updatedAt: '2026-12-02T01:00:02.000Z' });
      expect((await stored())?.inactiveSince ?? null).toBeNull();
    });
  });
});
