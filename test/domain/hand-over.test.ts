import type { ApprovalStep } from '../../src/domain/approval-step';
import type { Result } from '../../src/domain/result';
import type { ApproverRole, RouteStep } from '../../src/domain/route';
import {
  decide,
  expire,
  fulfill,
  handOver,
  openRoute,
  reassign,
  refusalOf,
  resubmit,
  standIn,
  type Actor,
  type Case,
  type Refusal,
  type WorkflowEnv,
} from '../../src/domain/workflow';

/*
 * An open step changing hands (SPEC §2: approver pools, out-of-office): a colleague takes it over
 * (认领), the ops head reassigns it (转交), a stand-in gets it while its approver is away (休假), and an
 * overdue step goes to the delegate or head (SPEC §6). Also the texts a decision or fulfillment keeps,
 * which have a limit (issue 14).
 */

const HOUR = 3_600_000;
const SUBMITTED_AT = new Date('2026-12-01T02:00:00.000Z');
const LATER = new Date('2026-12-02T03:00:00.000Z');
const hoursAfter = (at: Date, hours: number): Date => new Date(at.getTime() + hours * HOUR);

const zhangWei = { id: 'zhang.wei', roles: ['applicant'] } satisfies Actor;
const liNa = { id: 'li.na', roles: ['cooperation_approver'] } satisfies Actor;
const wangFang = { id: 'wang.fang', roles: ['ops_approver'] } satisfies Actor;
const maLi = { id: 'ma.li', roles: ['ops_approver'] } satisfies Actor;
const liuQiang = { id: 'liu.qiang', roles: ['ops_approver', 'ops_head'] } satisfies Actor;
const chenJing = { id: 'chen.jing', roles: ['leader'] } satisfies Actor;
const zhaoLei = { id: 'zhao.lei', roles: ['support_handler'] } satisfies Actor;

/** A pool's choice as the approver pool makes it: who, their delegate, and why them. */
const APPROVERS: Record<ApproverRole, { assignee: string; delegate: string | null; assignment?: never }> = {
  cooperation_approver: { assignee: liNa.id, delegate: null },
  ops_approver: { assignee: wangFang.id, delegate: liuQiang.id },
  ops_head: { assignee: liuQiang.id, delegate: null },
  leader: { assignee: chenJing.id, delegate: null },
};

const env: WorkflowEnv = {
  approvalDue: (from) => hoursAfter(from, 48),
  fulfillmentDue: (from) => hoursAfter(from, 24),
  assign: (role) => APPROVERS[role],
  leadershipIsFinal: false,
};

const agentTier1: RouteStep[] = [
  { step: 'cooperation', role: 'cooperation_approver' },
  { step: 'ops_review', role: 'ops_approver' },
];

function must<T>(result: Result<T, Refusal>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

/** 张伟's agent-channel plan just submitted: the cooperation step pending, ops review waiting for its turn. */
const submitted = (): Case => ({
  applicant: zhangWei.id,
  state: 'in_review',
  revision: 1,
  steps: must(openRoute(agentTier1, SUBMITTED_AT, env)),
  fulfillment: null,
  evaluationDue: null,
  questions: [],
});

/** The plan once its cooperation step is approved: ops review pending on 王芳. */
const atOpsReview = (): Case =>
  must(
    decide(
      submitted(),
      { revision: 1, stepIndex: 0, decision: 'approve', actor: liNa, comment: null, at: SUBMITTED_AT },
      env,
    ),
  ).next;

/** The plan with its ops step assigned by the pool, as a stored case holds it (with why them). */
const withAssignment = (c: Case): Case => ({
  ...c,
  steps: c.steps.map((s) => ({ ...s, assignment: { basis: 'fewest_open', pool: 2, open: 3 } }) as ApprovalStep),
});

const person = (a: Actor, delegate: string | null = null) => ({ id: a.id, roles: a.roles, delegate });

describe('handOver: a colleague takes a step over (认领)', () => {
  it('should give the pending step to the colleague who takes it, with their delegate and its deadline unchanged', () => {
    const before = withAssignment(atOpsReview());
    const next = must(handOver(before, 1, maLi, person(maLi, 'zhou.ping'), 'take_over'));
    expect(next.steps[1]).toEqual({
      ...atOpsReview().steps[1],
      assignee: maLi.id,
      delegate: 'zhou.ping',
    });
    expect(next.steps[1]).not.toHaveProperty('assignment');
    expect(next.steps[0]).toEqual(before.steps[0]);
    expect([next.state, next.revision]).toEqual(['in_review', 1]);
  });

  it('should let a colleague take over a step still waiting for its turn', () => {
    const next = must(handOver(submitted(), 1, maLi, person(maLi), 'take_over'));
    expect(next.steps.map((s) => [s.assignee, s.status])).toEqual([
      [liNa.id, 'pending'],
      [maLi.id, 'waiting'],
    ]);
  });

  it.each<[string, () => Case, number, Actor, ReturnType<typeof person>, Refusal]>([
    ['a step the route does not have', atOpsReview, 2, maLi, person(maLi), { code: 'stale_card' }],
    [
      'a step already decided',
      atOpsReview,
      0,
      { id: 'he.min', roles: ['cooperation_approver'] },
      person({ id: 'he.min', roles: ['cooperation_approver'] }),
      { code: 'already_decided' },
    ],
    [
      'a step of a plan no longer in review',
      () => ({ ...atOpsReview(), state: 'withdrawn' }),
      1,
      maLi,
      person(maLi),
      { code: 'already_decided' },
    ],
    ['a step taken over on behalf of someone else', atOpsReview, 1, liuQiang, person(maLi), { code: 'not_ops_head' }],
    [
      'a colleague without the step’s role',
      atOpsReview,
      1,
      liNa,
      person(liNa),
      { code: 'lacks_role', role: 'ops_approver' },
    ],
    [
      'the applicant, even holding the role',
      () => ({ ...atOpsReview(), applicant: maLi.id }),
      1,
      maLi,
      person(maLi),
      { code: 'own_application' },
    ],
    ['the approver who already has it', atOpsReview, 1, wangFang, person(wangFang), { code: 'already_assigned' }],
  ])('should refuse %s, changing nothing', (_, made, stepIndex, actor, to, error) => {
    const c = made();
    const before = structuredClone(c);
    expect(handOver(c, stepIndex, actor, to, 'take_over')).toEqual({ ok: false, error });
    expect(c).toEqual(before);
  });
});

describe('handOver: the ops head reassigns a step (转交)', () => {
  it('should give the step to the person the ops head names, with that person’s delegate', () => {
    const next = must(handOver(atOpsReview(), 1, liuQiang, person(maLi, null), 'reassign'));
    expect(next.steps[1]).toMatchObject({ assignee: maLi.id, delegate: null, status: 'pending' });
    expect(next.steps[1]?.dueAt).toBe(atOpsReview().steps[1]?.dueAt);
  });

  it.each<[string, Actor, ReturnType<typeof person>, Refusal]>([
    ['by an ops approver who is not the head', wangFang, person(maLi), { code: 'not_ops_head' }],
    ['by the colleague themselves', maLi, person(maLi), { code: 'not_ops_head' }],
    ['to someone without the role', liuQiang, person(chenJing), { code: 'lacks_role', role: 'ops_approver' }],
    ['to the approver who has it', liuQiang, person(wangFang), { code: 'already_assigned' }],
    ['to the applicant', liuQiang, person(zhangWei), { code: 'own_application' }],
  ])('should refuse a reassignment %s', (_, actor, to, error) => {
    expect(handOver(atOpsReview(), 1, actor, to, 'reassign')).toEqual({ ok: false, error });
  });
});

describe('standIn: the approver is away (休假)', () => {
  it('should move the pending step to the stand-in with their delegate, its deadline unchanged', () => {
    const before = withAssignment(atOpsReview());
    const next = must(standIn(before, 1, maLi.id, 'zhou.ping'));
    expect(next.steps[1]).toEqual({ ...atOpsReview().steps[1], assignee: maLi.id, delegate: 'zhou.ping' });
    expect(next.steps[1]).not.toHaveProperty('assignment');
    expect(next.steps[0]).toEqual(before.steps[0]);
    expect(next.state).toBe('in_review');
  });

  it('should move a step still waiting for its turn, which then reaches the stand-in', () => {
    const next = must(standIn(submitted(), 1, maLi.id, null));
    expect(next.steps.map((s) => [s.assignee, s.delegate, s.status])).toEqual([
      [liNa.id, null, 'pending'],
      [maLi.id, null, 'waiting'],
    ]);
  });

  it.each<[string, () => Case, number]>([
    ['a step already decided', atOpsReview, 0],
    ['a step the route does not have', atOpsReview, 2],
    ['a plan no longer in review', () => ({ ...atOpsReview(), state: 'returned' }), 1],
  ])('should leave %s where it is', (_, made, stepIndex) => {
    expect(standIn(made(), stepIndex, maLi.id, null)).toEqual({ ok: false, error: { code: 'already_decided' } });
  });
});

describe('reassign: an overdue step goes to someone else', () => {
  it('should name the new approver, with no delegate, and start the step afresh with a new deadline', () => {
    const next = must(reassign(atOpsReview(), 1, liuQiang.id, LATER, env));
    expect(next.steps[1]).toMatchObject({
      assignee: liuQiang.id,
      delegate: null,
      status: 'pending',
      startedAt: LATER.toISOString(),
      dueAt: hoursAfter(LATER, 48).toISOString(),
    });
    expect(next.steps[0]).toEqual(atOpsReview().steps[0]);
  });

  it.each<[string, () => Case, number]>([
    ['a step still waiting for its turn', submitted, 1],
    ['a step already decided', atOpsReview, 0],
    ['a step the route does not have', atOpsReview, 5],
    ['a plan no longer in review', () => ({ ...atOpsReview(), state: 'withdrawn' }), 1],
  ])('should not reassign %s', (_, made, stepIndex) => {
    expect(reassign(made(), stepIndex, liuQiang.id, LATER, env)).toEqual({
      ok: false,
      error: { code: 'already_decided' },
    });
  });
});

describe('texts with a limit', () => {
  const decision = (comment: string) =>
    decide(atOpsReview(), { revision: 1, stepIndex: 1, decision: 'return', actor: wangFang, comment, at: LATER }, env);

  it('should refuse a decision comment over 500 characters, saying how long it is', () => {
    expect(decision('改'.repeat(501))).toEqual({
      ok: false,
      error: { code: 'text_too_long', what: 'comment', max: 500, length: 501 },
    });
  });

  it('should take a comment of exactly 500 characters', () => {
    expect(must(decision('改'.repeat(500))).outcome).toBe('returned');
  });

  const inFulfillment = (): Case =>
    must(
      decide(
        atOpsReview(),
        { revision: 1, stepIndex: 1, decision: 'approve', actor: wangFang, comment: null, at: LATER },
        env,
      ),
    ).next;

  it('should refuse a fulfillment note over 500 characters, leaving the plan to fulfil', () => {
    expect(fulfill(inFulfillment(), zhaoLei, '已配置'.repeat(167), LATER)).toEqual({
      ok: false,
      error: { code: 'text_too_long', what: 'note', max: 500, length: 501 },
    });
    expect(must(fulfill(inFulfillment(), zhaoLei, '已'.repeat(500), LATER)).state).toBe('active');
  });
});

describe('acts out of their state', () => {
  it('should refuse a decision or a question on a step already decided, from its card tapped again', () => {
    const c = atOpsReview();
    expect(
      decide(c, { revision: 1, stepIndex: 0, decision: 'approve', actor: liNa, comment: null, at: LATER }, env),
    ).toEqual({ ok: false, error: { code: 'already_decided' } });
    expect(refusalOf(c, liNa, 'ask', 0)).toEqual({ code: 'already_decided' });
  });

  it('should refuse to expire a plan that is not in effect', () => {
    expect(expire(atOpsReview())).toEqual({ ok: false, error: { code: 'not_active' } });
  });

  it('should refuse a resubmission from the form of another revision', () => {
    const returned = must(
      decide(
        atOpsReview(),
        { revision: 1, stepIndex: 1, decision: 'return', actor: wangFang, comment: '请补充', at: LATER },
        env,
      ),
    ).next;
    const route = must(openRoute(agentTier1, LATER, env));
    expect(resubmit(returned, zhangWei, 0, route)).toEqual({ ok: false, error: { code: 'stale_card' } });
    expect(must(resubmit(returned, zhangWei, 1, route)).revision).toBe(2);
  });
});
