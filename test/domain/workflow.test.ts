import fc from 'fast-check';
import { allowedMoves, APPLICATION_STATES, type ApplicationState } from '../../src/domain/application-state';
import { DECISIONS, type ApprovalStep, type Decision } from '../../src/domain/approval-step';
import type { Result } from '../../src/domain/result';
import type { ApproverRole, RouteStep } from '../../src/domain/route';
import {
  availableActions,
  awaitedStep,
  CASE_ACTIONS,
  decide,
  endEarly,
  expire,
  fulfill,
  openRoute,
  reassign,
  refusalOf,
  resubmit,
  withdraw,
  type Actor,
  type Case,
  type CaseAction,
  type DecisionCommand,
  type Refusal,
  type WorkflowEnv,
} from '../../src/domain/workflow';
import { answer, ask } from '../../src/domain/questions';
import { isOpen, openQuestionIndex } from '../../src/domain/step-question';

const HOUR = 3_600_000;
const SUBMITTED_AT = new Date('2026-12-01T02:00:00.000Z');
const DECIDED_AT = new Date('2026-12-01T06:00:00.000Z');
const later = (at: Date, hours: number): Date => new Date(at.getTime() + hours * HOUR);

/** The directory as the workflow sees it: a person is an id and the roles they hold. */
const PEOPLE = {
  zhangWei: { id: 'zhang.wei', roles: ['applicant'] },
  huangLi: { id: 'huang.li', roles: ['applicant'] },
  liNa: { id: 'li.na', roles: ['cooperation_approver'] },
  wangFang: { id: 'wang.fang', roles: ['ops_approver'] },
  liuQiang: { id: 'liu.qiang', roles: ['ops_approver', 'ops_head'] },
  chenJing: { id: 'chen.jing', roles: ['leader'] },
  zhaoLei: { id: 'zhao.lei', roles: ['support_handler'] },
  sunMin: { id: 'sun.min', roles: ['auditor'] },
  zhouJie: { id: 'zhou.jie', roles: ['admin', 'catalog_owner'] },
} as const satisfies Record<string, Actor>;
const { zhangWei, huangLi, liNa, wangFang, liuQiang, chenJing, zhaoLei, sunMin, zhouJie } = PEOPLE;

/** Named approvers by role: 王芳's delegate is 刘强, as in the sample directory. */
const APPROVERS: Record<ApproverRole, { assignee: string; delegate: string | null }> = {
  cooperation_approver: { assignee: liNa.id, delegate: null },
  ops_approver: { assignee: wangFang.id, delegate: liuQiang.id },
  ops_head: { assignee: liuQiang.id, delegate: null },
  leader: { assignee: chenJing.id, delegate: null },
};

/** Deadlines that are easy to read: approval two days after a step starts, fulfillment one day after approval. */
const env = (changes: Partial<WorkflowEnv> = {}): WorkflowEnv => ({
  approvalDue: (from) => later(from, 48),
  fulfillmentDue: (from) => later(from, 24),
  assign: (role) => APPROVERS[role],
  leadershipIsFinal: false,
  ...changes,
});

const cooperation: RouteStep = { step: 'cooperation', role: 'cooperation_approver' };
const ROUTES = {
  tier1: [{ step: 'ops_review', role: 'ops_approver' }],
  tier2: [{ step: 'ops_review', role: 'ops_head' }],
  agentTier1: [cooperation, { step: 'ops_review', role: 'ops_approver' }],
  tier3: [
    cooperation,
    { step: 'ops_review', role: 'ops_head' },
    { step: 'leadership', role: 'leader' },
    { step: 'ops_final', role: 'ops_head' },
  ],
} as const satisfies Record<string, readonly RouteStep[]>;

function must<T>(result: Result<T, Refusal>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

/** 张伟's application just submitted on a route. */
const submitted = (route: readonly RouteStep[], e: WorkflowEnv = env(), applicant: string = zhangWei.id): Case => ({
  applicant,
  state: 'in_review',
  revision: 1,
  steps: must(openRoute(route, SUBMITTED_AT, e)),
  fulfillment: null,
  evaluationDue: null,
  questions: [],
});

/** A decision on the step the case awaits, made at DECIDED_AT on the card of the current revision. */
const command = (
  c: Case,
  actor: Actor,
  decision: Decision = 'approve',
  changes: Partial<DecisionCommand> = {},
): DecisionCommand => ({
  revision: c.revision,
  stepIndex: awaitedStep(c)?.index ?? 0,
  decision,
  actor,
  comment: null,
  at: DECIDED_AT,
  ...changes,
});

/** The case after a decision that must be accepted. */
const after = (
  c: Case,
  actor: Actor,
  decision: Decision = 'approve',
  changes: Partial<DecisionCommand> = {},
  e: WorkflowEnv = env(),
): Case => must(decide(c, command(c, actor, decision, changes), e)).next;

const statuses = (c: Pick<Case, 'steps'>) => c.steps.map((s) => `${s.step}:${s.status}`);

describe('openRoute', () => {
  it('should start the first step on its named approver now, due when the environment says', () => {
    const [first] = must(openRoute(ROUTES.tier1, SUBMITTED_AT, env()));
    expect(first).toEqual<ApprovalStep>({
      step: 'ops_review',
      role: 'ops_approver',
      assignee: wangFang.id,
      delegate: liuQiang.id,
      status: 'pending',
      startedAt: SUBMITTED_AT.toISOString(),
      dueAt: later(SUBMITTED_AT, 48).toISOString(),
      decidedBy: null,
      decidedAt: null,
      comment: null,
    });
  });

  it.each([
    ['a tier1 plan', ROUTES.tier1, [[wangFang.id, liuQiang.id]]],
    ['a tier2 plan', ROUTES.tier2, [[liuQiang.id, null]]],
    [
      'an agent-channel tier1 plan',
      ROUTES.agentTier1,
      [
        [liNa.id, null],
        [wangFang.id, liuQiang.id],
      ],
    ],
    [
      'a tier3 agent-channel plan',
      ROUTES.tier3,
      [
        [liNa.id, null],
        [liuQiang.id, null],
        [chenJing.id, null],
        [liuQiang.id, null],
      ],
    ],
  ] as const)(
    'should name every approver of %s when it is submitted, and keep all but the first waiting',
    (_, route, named) => {
      const steps = must(openRoute(route, SUBMITTED_AT, env()));
      expect(steps.map((s) => [s.assignee, s.delegate])).toEqual(named);
      expect(steps.map((s) => s.step)).toEqual(route.map((r) => r.step));
      expect(steps.map((s) => s.status)).toEqual(['pending', ...route.slice(1).map(() => 'waiting')]);
      for (const waiting of steps.slice(1)) {
        expect([waiting.startedAt, waiting.dueAt, waiting.decidedBy, waiting.decidedAt, waiting.comment]).toEqual([
          null,
          null,
          null,
          null,
          null,
        ]);
      }
    },
  );

  it('should ask the environment for each role of the route, in order', () => {
    const asked: ApproverRole[] = [];
    openRoute(ROUTES.tier3, SUBMITTED_AT, env({ assign: (role) => (asked.push(role), APPROVERS[role]) }));
    expect(asked).toEqual(['cooperation_approver', 'ops_head', 'leader', 'ops_head']);
  });

  it('should open an empty route as no steps at all', () => {
    expect(openRoute([], SUBMITTED_AT, env())).toEqual({ ok: true, value: [] });
  });
});

describe('a role nobody holds', () => {
  const noLeader = env({ assign: (role) => (role === 'leader' ? null : APPROVERS[role]) });

  it('should refuse to open a route that needs it, naming the role', () => {
    expect(openRoute(ROUTES.tier3, SUBMITTED_AT, noLeader)).toEqual({
      ok: false,
      error: { code: 'no_approver', role: 'leader' },
    });
  });

  it('should refuse an escalation to leadership as a value, leaving the step to decide', () => {
    const atOps = after(submitted(ROUTES.tier2, noLeader), liuQiang, 'approve', {}, noLeader);
    const opsReview = submitted(ROUTES.tier2, noLeader);
    expect(decide(opsReview, command(opsReview, liuQiang, 'escalate'), noLeader)).toEqual({
      ok: false,
      error: { code: 'no_approver', role: 'leader' },
    });
    expect(atOps.state).toBe('in_fulfillment');
  });
});

describe('awaitedStep', () => {
  it('should point at the pending step with its index', () => {
    const c = after(submitted(ROUTES.agentTier1), liNa);
    expect(awaitedStep(c)).toEqual({ index: 1, step: c.steps[1] });
  });

  it('should be null once nothing is pending', () => {
    expect(awaitedStep(after(submitted(ROUTES.tier2), liuQiang, 'reject', { comment: '毛利过低' }))).toBeNull();
    expect(awaitedStep({ steps: [] })).toBeNull();
  });
});

describe('decide: refusals', () => {
  const tier1 = submitted(ROUTES.tier1);
  const agentTier1 = submitted(ROUTES.agentTier1);
  const tier3AtOps = after(submitted(ROUTES.tier3), liNa);
  const escalated = after(submitted(ROUTES.tier2), liuQiang, 'escalate');
  const atOpsFinal = after(escalated, chenJing);
  const approvedTier1 = after(tier1, wangFang);
  const withdrawn = must(withdraw(tier1, zhangWei, DECIDED_AT));
  const returned = after(tier1, wangFang, 'return', { comment: '请补充竞争对手报价' });
  const ownPlan = submitted(ROUTES.tier1, env(), wangFang.id);
  const applicantDelegate = submitted(
    ROUTES.tier2,
    env({
      assign: (role) => (role === 'ops_head' ? { assignee: liuQiang.id, delegate: huangLi.id } : APPROVERS[role]),
    }),
  );
  const rolelessAssignee = submitted(
    ROUTES.tier2,
    env({ assign: () => ({ assignee: 'someone.unknown', delegate: null }) }),
  );

  it.each<[string, Case, DecisionCommand, Refusal['code']]>([
    ['a card of an earlier revision', tier1, command(tier1, wangFang, 'approve', { revision: 0 }), 'stale_card'],
    ['a card of a later revision', tier1, command(tier1, wangFang, 'approve', { revision: 2 }), 'stale_card'],
    ['a step the route does not have', tier1, command(tier1, wangFang, 'approve', { stepIndex: 1 }), 'stale_card'],
    ['a negative step index', tier1, command(tier1, wangFang, 'approve', { stepIndex: -1 }), 'stale_card'],
    [
      'the applicant deciding their own plan as its named approver',
      ownPlan,
      command(ownPlan, wangFang),
      'own_application',
    ],
    ['the applicant deciding their own plan', tier1, command(tier1, zhangWei), 'own_application'],
    ['another applicant', tier1, command(tier1, huangLi), 'not_an_approver'],
    [
      'the cooperation approver on the ops step',
      agentTier1,
      command(agentTier1, liNa, 'approve', { stepIndex: 1 }),
      'not_an_approver',
    ],
    [
      'the ops approver before the cooperation step is decided',
      agentTier1,
      command(agentTier1, wangFang),
      'not_an_approver',
    ],
    [
      'an ops head who is neither the approver nor the delegate',
      tier3AtOps,
      command(tier3AtOps, wangFang),
      'not_an_approver',
    ],
    ['a leader on a step not theirs', tier1, command(tier1, chenJing), 'not_an_approver'],
    ['an auditor', tier1, command(tier1, sunMin), 'not_an_approver'],
    ['an admin', tier1, command(tier1, zhouJie), 'not_an_approver'],
    ['a support handler', tier1, command(tier1, zhaoLei), 'not_an_approver'],
    [
      'a delegate whose only role is in a marketing unit',
      applicantDelegate,
      command(applicantDelegate, huangLi),
      'no_approval_authority',
    ],
    [
      'a named approver the directory gives no role',
      rolelessAssignee,
      command(rolelessAssignee, { id: 'someone.unknown', roles: [] }),
      'no_approval_authority',
    ],
    [
      'a step already approved',
      approvedTier1,
      command(approvedTier1, wangFang, 'approve', { stepIndex: 0 }),
      'already_decided',
    ],
    [
      'a step already approved, by the delegate',
      approvedTier1,
      command(approvedTier1, liuQiang, 'reject', { stepIndex: 0, comment: '不同意' }),
      'already_decided',
    ],
    [
      'a withdrawn application',
      withdrawn,
      command(withdrawn, wangFang, 'approve', { stepIndex: 0 }),
      'already_decided',
    ],
    ['a returned application', returned, command(returned, wangFang, 'approve', { stepIndex: 0 }), 'already_decided'],
    [
      'a case no longer in review whose step still reads pending',
      { ...tier1, state: 'rejected' },
      command(tier1, wangFang),
      'already_decided',
    ],
    ['a reject without a comment', tier1, command(tier1, wangFang, 'reject'), 'comment_required'],
    ['a reject with an empty comment', tier1, command(tier1, wangFang, 'reject', { comment: '' }), 'comment_required'],
    [
      'a return with a blank comment',
      tier1,
      command(tier1, wangFang, 'return', { comment: '  \n\t ' }),
      'comment_required',
    ],
    ['an escalation of the cooperation step', agentTier1, command(agentTier1, liNa, 'escalate'), 'cannot_escalate'],
    [
      'an escalation of a tier3 ops review, already bound for leadership',
      tier3AtOps,
      command(tier3AtOps, liuQiang, 'escalate'),
      'cannot_escalate',
    ],
    ['a second escalation by leadership', escalated, command(escalated, chenJing, 'escalate'), 'cannot_escalate'],
    ['an escalation of the final ops reply', atOpsFinal, command(atOpsFinal, liuQiang, 'escalate'), 'cannot_escalate'],
  ])('should refuse %s', (_, c, cmd, code) => {
    const before = structuredClone(c);
    expect(decide(c, cmd, env())).toEqual({ ok: false, error: { code } });
    expect(c).toEqual(before);
  });

  it("should let the delegate decide in the approver's stead, recording who did", () => {
    const c = after(submitted(ROUTES.tier1), liuQiang);
    expect(c.steps[0]).toMatchObject({ assignee: wangFang.id, status: 'approved', decidedBy: liuQiang.id });
  });
});

describe('decide: outcomes', () => {
  it('should start the next step on its approver with a new deadline when a step approves', () => {
    const c = submitted(ROUTES.agentTier1);
    const { next, outcome } = must(decide(c, command(c, liNa, 'approve', { comment: '  同意  ' }), env()));
    expect(outcome).toBe('advanced');
    expect(next.state).toBe('in_review');
    expect(next.fulfillment).toBeNull();
    expect(next.steps[0]).toMatchObject({
      status: 'approved',
      decidedBy: liNa.id,
      decidedAt: DECIDED_AT.toISOString(),
      comment: '同意',
      dueAt: later(SUBMITTED_AT, 48).toISOString(),
    });
    expect(next.steps[1]).toMatchObject({
      status: 'pending',
      startedAt: DECIDED_AT.toISOString(),
      dueAt: later(DECIDED_AT, 48).toISOString(),
      decidedBy: null,
    });
  });

  it('should send the plan to fulfillment with its deadline when the last step approves', () => {
    const c = submitted(ROUTES.tier2);
    const { next, outcome } = must(decide(c, command(c, liuQiang), env()));
    expect(outcome).toBe('approved');
    expect(next.state).toBe('in_fulfillment');
    expect(next.steps[0]).toMatchObject({ status: 'approved', decidedBy: liuQiang.id, comment: null });
    expect(next.fulfillment).toEqual({
      createdAt: DECIDED_AT.toISOString(),
      dueAt: later(DECIDED_AT, 24).toISOString(),
      doneBy: null,
      doneAt: null,
      note: null,
    });
  });

  it.each([
    ['reject', 'rejected', 'rejected'],
    ['return', 'returned', 'returned'],
  ] as const)('should %s with its reason and cancel every step not reached', (decision, state, outcome) => {
    const c = after(submitted(ROUTES.tier3), liNa);
    const { next, outcome: got } = must(decide(c, command(c, liuQiang, decision, { comment: ' 补贴过高 ' }), env()));
    expect(got).toBe(outcome);
    expect(next.state).toBe(state);
    expect(statuses(next)).toEqual([
      'cooperation:approved',
      `ops_review:${state}`,
      'leadership:cancelled',
      'ops_final:cancelled',
    ]);
    expect(next.steps[1]).toMatchObject({ decidedBy: liuQiang.id, comment: '补贴过高' });
    expect(next.fulfillment).toBeNull();
    expect(awaitedStep(next)).toBeNull();
  });

  it("should put leadership and then the ops head's final reply after an escalated ops review", () => {
    const c = submitted(ROUTES.tier2);
    const { next, outcome } = must(decide(c, command(c, liuQiang, 'escalate', { comment: '超出经管部权限' }), env()));
    expect(outcome).toBe('escalated');
    expect(next.state).toBe('in_review');
    expect(statuses(next)).toEqual(['ops_review:escalated', 'leadership:pending', 'ops_final:waiting']);
    expect(next.steps[0]).toMatchObject({ decidedBy: liuQiang.id, comment: '超出经管部权限' });
    expect(next.steps[1]).toMatchObject({
      role: 'leader',
      assignee: chenJing.id,
      startedAt: DECIDED_AT.toISOString(),
      dueAt: later(DECIDED_AT, 48).toISOString(),
    });
    expect(next.steps[2]).toMatchObject({ role: 'ops_head', assignee: liuQiang.id, startedAt: null });
  });

  it('should go through leadership and the final ops reply to fulfillment after an escalation', () => {
    const escalated = after(submitted(ROUTES.tier1), wangFang, 'escalate');
    const atFinal = must(
      decide(escalated, command(escalated, chenJing, 'approve', { at: later(DECIDED_AT, 1) }), env()),
    );
    expect(atFinal.outcome).toBe('advanced');
    expect(statuses(atFinal.next)).toEqual(['ops_review:escalated', 'leadership:approved', 'ops_final:pending']);
    const done = must(
      decide(atFinal.next, command(atFinal.next, liuQiang, 'approve', { at: later(DECIDED_AT, 2) }), env()),
    );
    expect(done.outcome).toBe('approved');
    expect(done.next.state).toBe('in_fulfillment');
  });

  it('should end at leadership when the policy makes its approval final', () => {
    const final = env({ leadershipIsFinal: true });
    const escalated = after(submitted(ROUTES.tier2, final), liuQiang, 'escalate', {}, final);
    expect(statuses(escalated)).toEqual(['ops_review:escalated', 'leadership:pending']);
    const { next, outcome } = must(decide(escalated, command(escalated, chenJing), final));
    expect(outcome).toBe('approved');
    expect(next.state).toBe('in_fulfillment');
  });

  it('should let a leader reject an escalated plan, cancelling the final reply', () => {
    const escalated = after(submitted(ROUTES.tier2), liuQiang, 'escalate');
    const rejected = after(escalated, chenJing, 'reject', { comment: '风险过大' });
    expect(rejected.state).toBe('rejected');
    expect(statuses(rejected)).toEqual(['ops_review:escalated', 'leadership:rejected', 'ops_final:cancelled']);
  });

  it('should never change the case it was given', () => {
    const c = submitted(ROUTES.tier3);
    const before = structuredClone(c);
    after(c, liNa);
    expect(c).toEqual(before);
  });
});

describe('withdraw', () => {
  const inReview = after(submitted(ROUTES.agentTier1), liNa);
  const returned = after(inReview, wangFang, 'return', { comment: '请补充' });
  const inFulfillment = after(inReview, wangFang);
  const rejected = after(inReview, wangFang, 'reject', { comment: '不同意' });

  it('should let the applicant withdraw a plan in review, cancelling what no one has decided', () => {
    const next = must(withdraw(inReview, zhangWei, DECIDED_AT));
    expect(next.state).toBe('withdrawn');
    expect(statuses(next)).toEqual(['cooperation:approved', 'ops_review:cancelled']);
    expect(next.steps[0]).toEqual(inReview.steps[0]);
  });

  it('should let the applicant give up a returned plan', () => {
    expect(must(withdraw(returned, zhangWei, DECIDED_AT)).state).toBe('withdrawn');
  });

  it.each([
    ['another applicant', inReview, huangLi, 'not_the_applicant'],
    ['the approver it waits on', inReview, wangFang, 'not_the_applicant'],
    ['an admin', inReview, zhouJie, 'not_the_applicant'],
    ['the applicant, once it is finally approved', inFulfillment, zhangWei, 'not_withdrawable'],
    ['the applicant, once it is rejected', rejected, zhangWei, 'not_withdrawable'],
    ['the applicant, once it is active', { ...inFulfillment, state: 'active' }, zhangWei, 'not_withdrawable'],
    ['the applicant, a second time', must(withdraw(inReview, zhangWei, DECIDED_AT)), zhangWei, 'not_withdrawable'],
  ] as const)('should refuse a withdrawal by %s', (_, c, actor, code) => {
    expect(withdraw(c, actor, DECIDED_AT)).toEqual({ ok: false, error: { code } });
  });
});

describe('fulfill', () => {
  const inFulfillment = after(submitted(ROUTES.tier2), liuQiang);
  const doneAt = later(DECIDED_AT, 3);

  it('should make the plan active, recording the handler, the time and the note', () => {
    const next = must(fulfill(inFulfillment, zhaoLei, '  已在 BOSS 配置  ', doneAt));
    expect(next.state).toBe('active');
    expect(next.fulfillment).toEqual({
      ...inFulfillment.fulfillment,
      doneBy: zhaoLei.id,
      doneAt: doneAt.toISOString(),
      note: '已在 BOSS 配置',
    });
  });

  it('should keep no note when the handler leaves it blank', () => {
    expect(must(fulfill(inFulfillment, zhaoLei, '   ', doneAt)).fulfillment?.note).toBeNull();
  });

  it.each([
    ['the applicant', inFulfillment, zhangWei, 'not_a_handler'],
    ['the approver who approved it', inFulfillment, liuQiang, 'not_a_handler'],
    ['an admin', inFulfillment, zhouJie, 'not_a_handler'],
    ['a handler, while it is still in review', submitted(ROUTES.tier2), zhaoLei, 'not_in_fulfillment'],
    [
      'a handler, after it was rejected',
      after(submitted(ROUTES.tier2), liuQiang, 'reject', { comment: '不同意' }),
      zhaoLei,
      'not_in_fulfillment',
    ],
    ['a handler, a second time', must(fulfill(inFulfillment, zhaoLei, null, doneAt)), zhaoLei, 'not_in_fulfillment'],
  ] as const)('should refuse completion by %s', (_, c, actor, code) => {
    expect(fulfill(c, actor, null, doneAt)).toEqual({ ok: false, error: { code } });
  });
});

/** Every state reachable from `from` by the state machine's moves, `from` included. */
function reachableFrom(from: ApplicationState): Set<ApplicationState> {
  const seen = new Set<ApplicationState>([from]);
  for (const state of seen) for (const to of allowedMoves(state)) seen.add(to);
  return seen;
}

/** Every move the acts made in the sequences below, as "from→to". */
const movesMade = new Set<string>();

const DECIDED = new Set(['approved', 'rejected', 'returned', 'escalated']);

describe('any sequence of actions', () => {
  /** Someone by name, or by the part they play on the step acted on (so sequences get far enough to matter). */
  type Who = Actor | 'assignee' | 'delegate';
  type Action =
    | {
        kind: 'decide';
        who: Who;
        stepIndex: number | null;
        revision: number;
        decision: Decision;
        comment: string | null;
      }
    | { kind: 'withdraw'; who: Actor }
    | { kind: 'ask'; who: Actor | 'assignee' }
    | { kind: 'answer'; who: Actor }
    | { kind: 'complete'; who: Actor }
    | { kind: 'resubmit'; who: Actor; revision: number }
    | { kind: 'expire' }
    | { kind: 'reassign'; to: Actor }
    | { kind: 'end'; who: Actor };

  const anyone = fc.constantFrom<Actor>(...Object.values(PEOPLE));
  const action: fc.Arbitrary<Action> = fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant('decide' as const),
        who: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom<Who>('assignee', 'delegate') },
          { weight: 1, arbitrary: anyone },
        ),
        // null: the step the case awaits, which is where most real taps land.
        stepIndex: fc.oneof(
          { weight: 4, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.integer({ min: -1, max: 4 }) },
        ),
        revision: fc.constantFrom(1, 1, 1, 2),
        decision: fc.constantFrom<Decision>(...DECISIONS, 'approve', 'approve', 'approve'),
        comment: fc.constantFrom(null, '', '  ', '理由'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('withdraw' as const),
        who: fc.constantFrom<Actor>(zhangWei, zhangWei, huangLi, wangFang),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('complete' as const),
        who: fc.constantFrom<Actor>(zhaoLei, zhaoLei, liuQiang, zhangWei),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('resubmit' as const),
        who: fc.constantFrom<Actor>(zhangWei, zhangWei, huangLi),
        revision: fc.constantFrom(1, 2, 3),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('ask' as const),
        who: fc.constantFrom<Actor | 'assignee'>('assignee', 'assignee', liuQiang, zhangWei),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('answer' as const),
        who: fc.constantFrom<Actor>(zhangWei, zhangWei, huangLi, wangFang),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('reassign' as const), to: fc.constantFrom<Actor>(liuQiang, chenJing) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('end' as const),
        who: fc.constantFrom<Actor>(wangFang, liuQiang, zhangWei, zhaoLei),
      }),
    },
  );
  /** Ops ends the plan (a 2027 plan, in the first half of its term) mid-year, for a reason. */
  const TERM = { startMonth: '2027-01', termMonths: 12 };
  const ending = (actor: Actor, at: Date) => ({ lastDay: '2027-06-30', reason: '评估未达预期', actor, at });

  const personWithId = (id: string | null | undefined): Actor =>
    Object.values(PEOPLE).find((p) => p.id === id) ?? { id: id ?? 'nobody', roles: [] };

  /** A question on the awaited step, as its card would send it; the case it leaves. */
  const asked = (c: Case, actor: Actor, at: Date): Result<Case, Refusal> => {
    const done = ask(c, { revision: c.revision, stepIndex: awaitedStep(c)?.index ?? 0, actor, text: '问题', at });
    return done.ok ? { ok: true, value: done.value.next } : done;
  };
  /** The answer to the question open on the awaited step, as the applicant's card would send it. */
  const answered = (c: Case, actor: Actor, at: Date): Result<Case, Refusal> => {
    const stepIndex = awaitedStep(c)?.index ?? 0;
    const question = openQuestionIndex(c.questions, c.revision, stepIndex);
    const done = answer(c, { revision: c.revision, stepIndex, question, actor, text: '回答', at }, null);
    return done.ok ? { ok: true, value: done.value.next } : done;
  };

  it('should never approve one step twice, never undo a decision, and only reach states the state machine reaches', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(ROUTES)),
        fc.boolean(),
        fc.array(action, { maxLength: 30 }),
        (route, leadershipIsFinal, actions) => {
          const e = env({ leadershipIsFinal });
          let c = submitted(route, e);
          let approvals = 0;
          actions.forEach((a, i) => {
            const at = later(DECIDED_AT, i);
            const before = c;
            let result: Result<Case, Refusal>;
            if (a.kind === 'decide') {
              const stepIndex = a.stepIndex ?? awaitedStep(c)?.index ?? 0;
              const step = c.steps[stepIndex];
              const actor =
                a.who === 'assignee'
                  ? personWithId(step?.assignee)
                  : a.who === 'delegate'
                    ? personWithId(step?.delegate)
                    : a.who;
              const decided = decide(
                c,
                { revision: a.revision, stepIndex, decision: a.decision, actor, comment: a.comment, at },
                e,
              );
              if (decided.ok) {
                // Only a pending step of an application in review is ever decided, on the current revision.
                expect(before.state).toBe('in_review');
                expect(step?.status).toBe('pending');
                expect(a.revision).toBe(before.revision);
                if (a.decision === 'approve') approvals += 1;
              }
              result = decided.ok ? { ok: true, value: decided.value.next } : decided;
            } else {
              result =
                a.kind === 'withdraw'
                  ? withdraw(c, a.who, at)
                  : a.kind === 'ask'
                    ? asked(c, a.who === 'assignee' ? personWithId(awaitedStep(c)?.step.assignee) : a.who, at)
                    : a.kind === 'answer'
                      ? answered(c, a.who, at)
                      : a.kind === 'complete'
                        ? fulfill(c, a.who, null, at)
                        : a.kind === 'resubmit'
                          ? resubmit(c, a.who, a.revision, must(openRoute(route, at, e)))
                          : a.kind === 'expire'
                            ? expire(c)
                            : a.kind === 'end'
                              ? endEarly(c, TERM, ending(a.who, at))
                              : reassign(c, awaitedStep(c)?.index ?? 0, a.to.id, at, e);
            }
            if (!result.ok) return;
            c = result.value;
            // Ending a plan early is no move of state: it runs on, to its new last day, by ops' word only.
            if (a.kind === 'end') {
              expect([before.state, c.state, before.endsEarly ?? null]).toEqual(['active', 'active', null]);
              expect(a.who.roles.some((r) => r === 'ops_approver' || r === 'ops_head')).toBe(true);
              return;
            }
            movesMade.add(`${before.state}→${c.state}`);

            expect(reachableFrom(before.state).has(c.state)).toBe(true);
            // A question is open only on the pending step of a case in review, one at a time.
            const open = c.questions.filter(isOpen);
            expect(open.length).toBeLessThanOrEqual(1);
            for (const q of open) {
              expect(c.state).toBe('in_review');
              expect([q.revision, c.steps[q.stepIndex]?.status]).toEqual([c.revision, 'pending']);
            }
            // A resubmitted revision starts a new route; the old one is kept by the record, not the case.
            if (a.kind === 'resubmit') {
              expect(c.revision).toBe(before.revision + 1);
              // The new revision's route starts with nothing approved.
              approvals = 0;
              return;
            }
            // Decided steps keep their decision, in order; at most one more is decided per action.
            const decidedBefore = before.steps.filter((s) => DECIDED.has(s.status));
            const decidedAfter = c.steps.filter((s) => DECIDED.has(s.status));
            expect(decidedAfter.slice(0, decidedBefore.length)).toEqual(decidedBefore);
            expect(decidedAfter.length - decidedBefore.length).toBeLessThanOrEqual(1);
          });

          expect(c.steps.filter((s) => s.status === 'approved')).toHaveLength(approvals);
          expect(reachableFrom('in_review').has(c.state)).toBe(true);
          const pending = c.steps.filter((s) => s.status === 'pending');
          expect(pending).toHaveLength(c.state === 'in_review' ? 1 : 0);
          for (const s of c.steps) {
            if (s.status === 'waiting') expect(s.startedAt).toBeNull();
            if (s.status === 'pending' || DECIDED.has(s.status)) expect(s.startedAt).not.toBeNull();
            expect(s.decidedBy !== null).toBe(DECIDED.has(s.status));
          }
          if (c.state === 'in_review')
            expect(
              c.steps.slice(0, c.steps.indexOf(pending[0] as ApprovalStep)).every((s) => DECIDED.has(s.status)),
            ).toBe(true);
          expect(c.fulfillment !== null).toBe(['in_fulfillment', 'active', 'expired'].includes(c.state));
          expect(c.fulfillment?.doneBy != null).toBe(['active', 'expired'].includes(c.state));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('should offer a person exactly the acts that then succeed for them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(ROUTES)),
        fc.array(action, { maxLength: 12 }),
        fc.constantFrom<Actor>(...Object.values(PEOPLE)),
        (route, actions, viewer) => {
          const e = env();
          let c = submitted(route, e);
          for (const [i, a] of actions.entries()) {
            const at = later(DECIDED_AT, i);
            const stepIndex = awaitedStep(c)?.index ?? 0;
            const step = c.steps[stepIndex];
            const who = 'who' in a ? a.who : zhangWei;
            const actor =
              who === 'assignee'
                ? personWithId(step?.assignee)
                : who === 'delegate'
                  ? personWithId(step?.delegate)
                  : who;
            const next =
              a.kind === 'decide'
                ? decide(c, { revision: c.revision, stepIndex, decision: a.decision, actor, comment: '理由', at }, e)
                : a.kind === 'withdraw'
                  ? withdraw(c, actor, at)
                  : a.kind === 'ask'
                    ? asked(c, actor, at)
                    : a.kind === 'answer'
                      ? answered(c, actor, at)
                      : a.kind === 'complete'
                        ? fulfill(c, actor, null, at)
                        : a.kind === 'resubmit'
                          ? resubmit(c, actor, c.revision, must(openRoute(route, at, e)))
                          : a.kind === 'expire'
                            ? expire(c)
                            : a.kind === 'end'
                              ? endEarly(c, TERM, ending(actor, at))
                              : { ok: false as const };
            if (next.ok) c = 'next' in next.value ? next.value.next : next.value;
          }
          const offered = availableActions(c, viewer);
          for (const action of CASE_ACTIONS) {
            const act: Record<CaseAction, () => boolean> = {
              approve: () => decide(c, command(c, viewer, 'approve'), e).ok,
              reject: () => decide(c, command(c, viewer, 'reject', { comment: '理由' }), e).ok,
              return: () => decide(c, command(c, viewer, 'return', { comment: '理由' }), e).ok,
              escalate: () => decide(c, command(c, viewer, 'escalate'), e).ok,
              withdraw: () => withdraw(c, viewer, DECIDED_AT).ok,
              ask: () => asked(c, viewer, DECIDED_AT).ok,
              answer: () => answered(c, viewer, DECIDED_AT).ok,
              resubmit: () => resubmit(c, viewer, c.revision, []).ok,
              fulfill: () => fulfill(c, viewer, null, DECIDED_AT).ok,
              evaluate: () => refusalOf(c, viewer, 'evaluate') === null,
              renew: () => refusalOf(c, viewer, 'renew') === null,
              end: () => endEarly(c, TERM, ending(viewer, DECIDED_AT)).ok,
            };
            expect(offered.includes(action)).toBe(act[action]());
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should offer a channel (nobody) nothing', () => {
    expect(availableActions(submitted(ROUTES.tier1), null)).toEqual([]);
  });

  it('should carry plans through their whole lives by the acts alone', () => {
    const moved = (from: Case, to: Case): Case => (movesMade.add(`${from.state}→${to.state}`), to);
    const e = env();
    // Approved, carried out, run to its end.
    const filed = submitted(ROUTES.tier1);
    const approved = moved(filed, after(filed, wangFang));
    const active = moved(approved, must(fulfill(approved, zhaoLei, null, DECIDED_AT)));
    expect(moved(active, must(expire(active))).state).toBe('expired');
    // Through cooperation, returned, revised and resubmitted, then rejected.
    const agent = submitted(ROUTES.agentTier1);
    const atOps = moved(agent, after(agent, liNa));
    const returned = moved(atOps, after(atOps, wangFang, 'return', { comment: '请补充说明' }));
    const revised = moved(
      returned,
      must(resubmit(returned, zhangWei, returned.revision, must(openRoute(ROUTES.tier1, DECIDED_AT, e)))),
    );
    expect(revised.revision).toBe(2);
    expect(moved(revised, after(revised, wangFang, 'reject', { comment: '不同意' })).state).toBe('rejected');
    // Given up after a return, and while in review; an overdue step handed over.
    expect(moved(returned, must(withdraw(returned, zhangWei, DECIDED_AT))).state).toBe('withdrawn');
    expect(moved(filed, must(withdraw(filed, zhangWei, DECIDED_AT))).state).toBe('withdrawn');
    expect(moved(filed, must(reassign(filed, 0, liuQiang.id, DECIDED_AT, e))).steps[0]?.assignee).toBe(liuQiang.id);
  });

  it('should have made, through the acts alone, every move the state table allows and no other', () => {
    const table = APPLICATION_STATES.flatMap((from) => allowedMoves(from).map((to) => `${from}→${to}`));
    expect([...movesMade].sort()).toEqual(table.sort());
  });
});
