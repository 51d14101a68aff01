import {
  fulfillApplication,
  openRenewal,
  resubmitApplication,
  withdrawApplication,
} from '../../../src/app/approval/applicant-actions';
import { decideStep } from '../../../src/app/approval/decide-step';
import { endPlan } from '../../../src/app/approval/end-plan';
import { answerQuestion, askQuestion } from '../../../src/app/approval/questions';
import { reportEvaluation } from '../../../src/app/approval/report-evaluation';
import { tick } from '../../../src/app/scheduler/tick';
import type { ApplicationRecord } from '../../../src/app/records/application-record';
import { ROLES } from '../../../src/app/records/directory';
import { APPLICATION_STATES, type ApplicationState } from '../../../src/domain/application-state';
import { currentStepIndex } from '../../../src/domain/approval-step';
import { isOpen } from '../../../src/domain/step-question';
import { CASE_ACTIONS, type CaseAction } from '../../../src/domain/workflow';
import type { Result } from '../../../src/domain/result';
import { decided, filed, openDesk, samplePlan, wangFang, zhaoLei, liuQiang, type Desk } from './desk';

/*
 * The authorization matrix (issue 14): every role × every act on an application × every state it can
 * be in, at the use-case level (the HTTP path of every verb is covered by test/fuzz). Who may do what is
 * written here from the SPEC (§2, §3, §6, 第九条(三), 第十二条), not read back from the guards it checks:
 * the acts come from the domain's CASE_ACTIONS, the roles from the directory's ROLES and the people who
 * hold them, the states from APPLICATION_STATES — a new act, role or state without its row fails here.
 */

/** One application as a person sees it when they tap: what the SPEC's rules look at. */
interface Seen {
  state: ApplicationState;
  applicant: string;
  /** Who may decide the pending step: its approver and their delegate. */
  deciders: readonly string[];
  /** The pending step is ops' review and nothing was reported upward yet. */
  opsReviewNotEscalated: boolean;
  questionOpen: boolean;
  evaluationDue: boolean;
  endingEarly: boolean;
}

type Who = { id: string; roles: readonly string[] };

/** Whether the SPEC lets this person take this act now. A `Record`: a new act does not compile without its rule. */
const MAY: Record<CaseAction, (who: Who, seen: Seen) => boolean> = {
  // §3.4, 第十二条: the step's named approver or their delegate, never the applicant, while it awaits them.
  approve: (who, s) => s.state === 'in_review' && s.deciders.includes(who.id) && who.id !== s.applicant,
  reject: (who, s) => MAY.approve(who, s),
  return: (who, s) => MAY.approve(who, s),
  // §3.3: only ops' review is reported upward, and once.
  escalate: (who, s) => MAY.approve(who, s) && s.opsReviewNotEscalated,
  // 询问: whoever may decide the step asks, one question open at a time; the applicant answers it.
  ask: (who, s) => MAY.approve(who, s) && !s.questionOpen,
  answer: (who, s) => s.state === 'in_review' && who.id === s.applicant && s.questionOpen,
  // §3.7: the applicant withdraws what is not yet decided; §3.6: resubmits what was returned.
  withdraw: (who, s) => who.id === s.applicant && (s.state === 'in_review' || s.state === 'returned'),
  resubmit: (who, s) => who.id === s.applicant && s.state === 'returned',
  // §3.5: the support center carries out an approved plan.
  fulfill: (who, s) => who.roles.includes('support_handler') && s.state === 'in_fulfillment',
  // §6: the applicant reports when asked; continuing an expired plan is a new application of theirs.
  evaluate: (who, s) => who.id === s.applicant && s.state === 'active' && s.evaluationDue,
  renew: (who, s) => who.id === s.applicant && s.state === 'expired',
  // 第九条(三): ops ends a plan in effect before its term, once.
  end: (who, s) =>
    who.roles.some((r) => r === 'ops_approver' || r === 'ops_head') && s.state === 'active' && !s.endingEarly,
};

/** What each act is audited as when it is done; renewing opens a form to fill, which records nothing yet. */
const AUDITED_AS: Record<CaseAction, string | null> = {
  approve: 'decide.approve',
  reject: 'decide.reject',
  return: 'decide.return',
  escalate: 'decide.escalate',
  ask: 'question.ask',
  answer: 'question.answer',
  withdraw: 'withdraw',
  resubmit: 'resubmit',
  fulfill: 'fulfill',
  evaluate: 'evaluate',
  renew: null,
  end: 'end_early',
};

type Outcome = Result<unknown, unknown>;

/** Each act through its use case, as the card's button would send it for the application as it stands. */
const ACT: Record<CaseAction, (desk: Desk, record: ApplicationRecord, actor: string) => Promise<Outcome>> = (() => {
  const at = (r: ApplicationRecord) => ({
    applicationId: r.id,
    revision: r.revision,
    stepIndex: Math.max(currentStepIndex(r.steps), 0),
  });
  const decision =
    (d: 'approve' | 'reject' | 'return' | 'escalate') => (desk: Desk, r: ApplicationRecord, actor: string) =>
      decideStep(desk.deps, { ...at(r), decision: d, comment: '矩阵测试的理由', actor });
  return {
    approve: decision('approve'),
    reject: decision('reject'),
    return: decision('return'),
    escalate: decision('escalate'),
    ask: (desk, r, actor) => askQuestion(desk.deps, { ...at(r), text: '请说明竞争对手报价', actor }),
    answer: (desk, r, actor) =>
      answerQuestion(desk.deps, {
        ...at(r),
        question: Math.max(r.questions.length - 1, 0),
        text: '对手报价 2300 元',
        actor,
      }),
    withdraw: (desk, r, actor) => withdrawApplication(desk.deps, r.id, actor),
    resubmit: (desk, r, actor) => resubmitApplication(desk.deps, r.id, r.revision, r.input, actor),
    fulfill: (desk, r, actor) => fulfillApplication(desk.deps, r.id, null, actor),
    evaluate: (desk, r, actor) =>
      reportEvaluation(desk.deps, {
        applicationId: r.id,
        period: r.evaluationDue ?? 1,
        actualRevenueFen: 5_000_000,
        actualSubscribers: 4,
        actor,
      }),
    renew: (desk, r, actor) => openRenewal(desk.deps, r.id, actor),
    end: (desk, r, actor) =>
      endPlan(desk.deps, { applicationId: r.id, lastDay: '2028-06-30', reason: '客户违约', actor }),
  };
})();

/** A situation an application can be in: a state, and for some states what else the rules look at. */
interface Situation {
  name: string;
  state: ApplicationState;
  /** Brings freshly filed applications (in review on ops' step, 王芳 with 刘强 her delegate) there. */
  reach(desk: Desk, ids: readonly string[]): Promise<void>;
}

const each = async (ids: readonly string[], act: (id: string) => Promise<unknown>) => {
  for (const id of ids) await act(id);
};
const approved = (desk: Desk, ids: readonly string[]) => each(ids, (id) => decided(desk.deps, id, wangFang, 'approve'));
const active = async (desk: Desk, ids: readonly string[]) => {
  await approved(desk, ids);
  await each(ids, (id) => fulfillApplication(desk.deps, id, null, zhaoLei));
};
const ok = async (outcome: Promise<Outcome>) => {
  const result = await outcome;
  if (!result.ok) throw new Error(`setting up failed: ${JSON.stringify(result.error).slice(0, 200)}`);
};

/** Every state, at least once (a `Record` again: a new state does not compile without its situation). */
const SITUATIONS_BY_STATE: Record<ApplicationState, Situation[]> = {
  in_review: [
    { name: 'in review', state: 'in_review', reach: async () => undefined },
    {
      name: 'in review, a question open',
      state: 'in_review',
      reach: (desk, ids) =>
        each(ids, (id) =>
          ok(askQuestion(desk.deps, { applicationId: id, revision: 1, stepIndex: 0, text: '请说明', actor: wangFang })),
        ),
    },
  ],
  returned: [
    {
      name: 'returned',
      state: 'returned',
      reach: (desk, ids) => each(ids, (id) => decided(desk.deps, id, wangFang, 'return', '请补充')),
    },
  ],
  rejected: [
    {
      name: 'rejected',
      state: 'rejected',
      reach: (desk, ids) =>
        each(ids, (id) =>
          ok(
            decideStep(desk.deps, {
              applicationId: id,
              revision: 1,
              stepIndex: 0,
              decision: 'reject',
              comment: '低于成本',
              actor: wangFang,
            }),
          ),
        ),
    },
  ],
  withdrawn: [
    {
      name: 'withdrawn',
      state: 'withdrawn',
      reach: (desk, ids) =>
        each(ids, async (id) =>
          ok(withdrawApplication(desk.deps, id, (await desk.store.applications.get(id))?.input.applicant ?? '')),
        ),
    },
  ],
  in_fulfillment: [{ name: 'in fulfillment', state: 'in_fulfillment', reach: approved }],
  active: [
    { name: 'active', state: 'active', reach: active },
    {
      name: 'active, an evaluation due',
      state: 'active',
      reach: async (desk, ids) => {
        await active(desk, ids);
        desk.setNow('2027-04-01T09:00:00+08:00');
        await tick(desk.deps, new Date('2027-04-01T09:00:00+08:00'), 'test');
      },
    },
    {
      name: 'active, ending early',
      state: 'active',
      reach: async (desk, ids) => {
        await active(desk, ids);
        await each(ids, (id) =>
          ok(endPlan(desk.deps, { applicationId: id, lastDay: '2027-06-30', reason: '客户违约', actor: liuQiang })),
        );
      },
    },
  ],
  expired: [
    {
      name: 'expired',
      state: 'expired',
      reach: async (desk, ids) => {
        await active(desk, ids);
        desk.setNow('2029-01-01T09:00:00+08:00');
        await tick(desk.deps, new Date('2029-01-01T09:00:00+08:00'), 'test');
      },
    },
  ],
};

const seenIn = (r: ApplicationRecord): Seen => {
  const step = r.steps[currentStepIndex(r.steps)];
  return {
    state: r.state,
    applicant: r.input.applicant,
    deciders: step ? [step.assignee, ...(step.delegate ? [step.delegate] : [])] : [],
    opsReviewNotEscalated: step?.step === 'ops_review' && !r.steps.some((s) => s.step === 'leadership'),
    questionOpen: r.questions.some(isOpen),
    evaluationDue: r.evaluationDue !== null,
    endingEarly: Boolean(r.endsEarly),
  };
};

/** Applications kept for the allowed acts of one situation (more than any situation allows). */
const SPARES = 12;

const STRANGER: Who = { id: '00000000-0000-0000-0000-0000000ff001', roles: [] };

describe('the authorization matrix: every role × every act × every state', () => {
  it('covers every state, every act and every role the code declares', () => {
    expect(Object.keys(SITUATIONS_BY_STATE).sort()).toEqual([...APPLICATION_STATES].sort());
    expect(Object.keys(MAY).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  describe.each(Object.values(SITUATIONS_BY_STATE).flat())('$name', (situation) => {
    let desk: Desk;
    let people: Who[];
    /** Applications brought to the situation: the first takes every refusal, each allowed act gets its own. */
    let spare: string[];
    beforeAll(async () => {
      desk = await openDesk();
      const directory = await desk.store.directory.get();
      people = [...(directory?.people ?? []).map((p) => ({ id: p.aadObjectId, roles: p.roles })), STRANGER];
      const ids: string[] = [];
      // One takes the refusals; an allowed act needs one of its own (in review, two deciders × five acts + a withdrawal).
      for (let i = 0; i < 1 + SPARES; i++) ids.push((await filed(desk.deps, samplePlan('02-line-tier1'))).id);
      await situation.reach(desk, ids);
      spare = ids;
    }, 120_000);
    afterAll(async () => desk.close());

    it('is the situation it says, on every application brought there', async () => {
      for (const id of spare) expect((await desk.store.applications.get(id))?.state).toBe(situation.state);
    });

    it('holds every role in the directory', () => {
      expect(ROLES.filter((role) => !people.some((p) => p.roles.includes(role)))).toEqual([]);
    });

    it.each([...CASE_ACTIONS])('%s: allowed exactly to whom the SPEC allows it, audited either way', async (action) => {
      const rows: string[] = [];
      for (const who of people) {
        const shared = (await desk.store.applications.get(spare[0] as string)) as ApplicationRecord;
        const allowed = MAY[action](who, seenIn(shared));
        if (allowed && spare.length < 2) throw new Error('more acts allowed than SPARES applications kept for them');
        const record = allowed
          ? ((await desk.store.applications.get(spare.pop() as string)) as ApplicationRecord)
          : shared;
        const trail = (await desk.store.audit.about(record.id)).length;
        const outcome = await ACT[action](desk, record, who.id);
        const written = (await desk.store.audit.about(record.id)).slice(trail);
        const after = await desk.store.applications.get(record.id);
        const audited = written.map((e) => `${e.action} by ${e.actor === who.id ? 'them' : e.actor}`);
        const expected = allowed
          ? AUDITED_AS[action] === null
            ? []
            : [`${AUDITED_AS[action]} by them`]
          : [expect.stringMatching(/^refused\.\w+ by them$/)];
        rows.push(`${who.id.slice(-4)} ${who.roles.join('+') || 'nobody'}: ${outcome.ok ? 'allowed' : 'refused'}`);
        expect({ who: rows.at(-1), audited }).toEqual({
          who: `${who.id.slice(-4)} ${who.roles.join('+') || 'nobody'}: ${allowed ? 'allowed' : 'refused'}`,
          audited: expected,
        });
        // A refusal changes nothing but the trail.
        if (!allowed) expect(after?.version).toBe(record.version);
      }
    });
  });
});
