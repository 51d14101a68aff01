import { APPLICATION_STATES, type ApplicationState } from '../../src/domain/application-state';
import { availableActions, refusalOf, type Actor, type Case } from '../../src/domain/workflow';

/*
 * The applicant's own acts on a plan, each allowed in one kind of state: renew a plan that has
 * expired (continuing needs a new application, SPEC §6), report an evaluation when one is asked
 * for (SPEC §6), resubmit a returned plan (SPEC §3.6). Nobody else may do them.
 */

const zhangWei = { id: 'zhang.wei', roles: ['applicant'] } satisfies Actor;
const huangLi = { id: 'huang.li', roles: ['applicant'] } satisfies Actor;
const wangFang = { id: 'wang.fang', roles: ['ops_approver'] } satisfies Actor;

/** 张伟's plan in a given state, carried out in December 2026; no evaluation asked for unless given. */
const planIn = (state: ApplicationState, evaluationDue: number | null = null): Case => ({
  applicant: zhangWei.id,
  state,
  revision: 1,
  steps: [],
  questions: [],
  fulfillment: {
    createdAt: '2026-12-01T02:00:00Z',
    dueAt: '2026-12-02T10:00:00Z',
    doneBy: 'zhao.lei',
    doneAt: '2026-12-01T06:00:00Z',
    note: null,
  },
  evaluationDue,
});

const OTHER_STATES = (but: ApplicationState) => APPLICATION_STATES.filter((s) => s !== but);

describe('renewing a plan', () => {
  it('should be offered to the applicant of an expired plan', () => {
    expect(refusalOf(planIn('expired'), zhangWei, 'renew')).toBeNull();
    expect(availableActions(planIn('expired'), zhangWei)).toContain('renew');
  });

  it.each(OTHER_STATES('expired'))('should not be offered while the plan is %s: it has not expired', (state) => {
    expect(refusalOf(planIn(state), zhangWei, 'renew')).toEqual({ code: 'not_expired' });
    expect(availableActions(planIn(state), zhangWei)).not.toContain('renew');
  });

  it.each([huangLi, wangFang])('should not be offered to $id, who did not apply', (actor) => {
    expect(refusalOf(planIn('expired'), actor, 'renew')).toEqual({ code: 'not_the_applicant' });
  });
});

describe('reporting an evaluation', () => {
  it('should be offered to the applicant of a plan in effect whose evaluation is asked for', () => {
    expect(refusalOf(planIn('active', 1), zhangWei, 'evaluate')).toBeNull();
    expect(availableActions(planIn('active', 0), zhangWei)).toContain('evaluate');
  });

  it('should not be offered when no evaluation is asked for', () => {
    expect(refusalOf(planIn('active', null), zhangWei, 'evaluate')).toEqual({ code: 'no_evaluation_due' });
    expect(availableActions(planIn('active', null), zhangWei)).not.toContain('evaluate');
  });

  it.each(OTHER_STATES('active'))('should not be offered once the plan is %s, even if one was asked for', (state) => {
    expect(refusalOf(planIn(state, 2), zhangWei, 'evaluate')).toEqual({ code: 'no_evaluation_due' });
  });

  it('should not be offered to anyone but the applicant', () => {
    expect(refusalOf(planIn('active', 1), wangFang, 'evaluate')).toEqual({ code: 'not_the_applicant' });
  });
});

describe('resubmitting a plan', () => {
  it.each(OTHER_STATES('returned'))('should be refused while the plan is %s: it was not returned', (state) => {
    expect(refusalOf(planIn(state), zhangWei, 'resubmit')).toEqual({ code: 'not_returned' });
  });
});

describe('answering a question', () => {
  it('should be refused, not fail, on a card naming a step the route does not have', () => {
    expect(refusalOf(planIn('in_review'), zhangWei, 'answer', 3)).toEqual({ code: 'no_open_question' });
  });
});

describe('ending a plan early (第九条(三))', () => {
  it('should be offered to an ops approver who also holds another role', () => {
    const opsAndAuditor: Actor = { id: 'wu.yan', roles: ['auditor', 'ops_approver'] };
    expect(refusalOf(planIn('active'), opsAndAuditor, 'end')).toBeNull();
    expect(availableActions(planIn('active'), opsAndAuditor)).toContain('end');
  });
});
