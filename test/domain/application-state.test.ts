import {
  APPLICATION_STATES,
  enter,
  FILED,
  isFinal,
  isUndecided,
  type ApplicationState,
} from '../../src/domain/application-state';

// The life of an application as the rules tell it (SPEC §3, §6, 第十一条, 第十二条, 第九条(三)), one
// fact at a time; workflow.test.ts drives the same moves through the acts that make them.

/** Walks a story through `enter`, from filing; throws where the story takes a move the rules forbid. */
const story = (...moves: ApplicationState[]): ApplicationState => moves.reduce((from, to) => enter(from, to), FILED);

describe('the moves the rules give an application', () => {
  it('is in review as soon as it is filed: a form is judged before it is filed, so there is no draft', () => {
    expect(FILED).toBe('in_review');
  });

  it('stays in review while one step approves and the next starts, and goes to the support center on the final approval', () => {
    expect(story('in_review', 'in_review', 'in_fulfillment')).toBe('in_fulfillment');
  });

  it('is in effect once the support center has carried it out, and expires at the end of its term', () => {
    expect(story('in_fulfillment', 'active', 'expired')).toBe('expired');
  });

  it('goes back to the applicant when returned, and into review again with each resubmitted revision', () => {
    expect(story('returned', 'in_review', 'returned', 'in_review', 'in_fulfillment')).toBe('in_fulfillment');
  });

  it('ends when an approver rejects it', () => {
    expect(story('rejected')).toBe('rejected');
  });

  it('ends when the applicant withdraws it, in review or while it is with them to revise', () => {
    expect(story('withdrawn')).toBe('withdrawn');
    expect(story('returned', 'withdrawn')).toBe('withdrawn');
  });
});

describe('the moves the rules forbid, each a bug in the workflow if attempted', () => {
  it.each([
    ['an approver approves a revision the applicant still has', 'returned', 'in_fulfillment'],
    ['an approver rejects a revision the applicant still has', 'returned', 'rejected'],
    ['a plan goes into effect without the support center carrying it out', 'in_review', 'active'],
    ['an approved plan is withdrawn (it is decided)', 'in_fulfillment', 'withdrawn'],
    ['an approved plan is returned for revision', 'in_fulfillment', 'returned'],
    ['an approved plan is rejected after all', 'in_fulfillment', 'rejected'],
    ['a plan in effect is reviewed again instead of a new application', 'active', 'in_review'],
    ['a plan in effect is withdrawn', 'active', 'withdrawn'],
    ['an expired plan is continued (continuing needs a new application)', 'expired', 'active'],
    ['an expired plan is reviewed again', 'expired', 'in_review'],
    ['a rejected application is reviewed again', 'rejected', 'in_review'],
    ['a rejected application is resubmitted as returned', 'rejected', 'returned'],
    ['a withdrawn application comes back', 'withdrawn', 'returned'],
    ['a withdrawn application is reviewed again', 'withdrawn', 'in_review'],
    ['a returned application stays with the applicant as a new return', 'returned', 'returned'],
    ['a plan in fulfillment is fulfilled again', 'in_fulfillment', 'in_fulfillment'],
  ] as const)('refuses: %s', (_story, from, to) => {
    expect(() => enter(from, to)).toThrow(`an application cannot move from ${from} to ${to}`);
  });

  it('lets nothing follow a rejection, a withdrawal or an expiry', () => {
    for (const end of ['rejected', 'withdrawn', 'expired'] as const)
      for (const next of APPLICATION_STATES) expect(() => enter(end, next)).toThrow();
  });
});

describe('withdrawal and final states', () => {
  it.each([
    ['in review', 'in_review', true],
    ['returned to them for revision', 'returned', true],
    ['approved, with the support center', 'in_fulfillment', false],
    ['in effect', 'active', false],
    ['rejected', 'rejected', false],
    ['already withdrawn', 'withdrawn', false],
    ['expired', 'expired', false],
  ] as const)('lets the applicant withdraw an application %s: %s (only while it is undecided)', (_what, state, may) => {
    expect(isUndecided(state)).toBe(may);
  });

  it.each([
    ['in_review', false],
    ['returned', false],
    ['in_fulfillment', false],
    ['active', false],
    ['rejected', true],
    ['withdrawn', true],
    ['expired', true],
  ] as const)('counts %s as final: %s', (state, final) => {
    expect(isFinal(state)).toBe(final);
  });
});
