import { APPLICATION_STATES, enter, isFinal, isUndecided } from '../../src/domain/application-state';

// Which moves the workflow makes is driven through its acts in workflow.test.ts ("any sequence of
// actions"): every move in the table is made by some act, and no act makes another.

describe('enter', () => {
  it('should move a returned application back into review when its revision is resubmitted', () => {
    expect(enter('returned', 'in_review')).toBe('in_review');
  });

  it.each([
    ['rejected', 'in_review'],
    ['withdrawn', 'returned'],
    ['expired', 'active'],
    ['active', 'in_review'],
    ['in_fulfillment', 'returned'],
    ['returned', 'in_fulfillment'],
  ] as const)('should refuse to move from %s to %s, as a bug in the workflow', (from, to) => {
    expect(() => enter(from, to)).toThrow(`an application cannot move from ${from} to ${to}`);
  });
});

describe('withdrawal and final states', () => {
  it.each([
    ['in_review', true],
    ['returned', true],
    ['in_fulfillment', false],
    ['active', false],
    ['rejected', false],
    ['withdrawn', false],
    ['expired', false],
  ] as const)('lets the applicant withdraw from %s: %s', (state, undecided) => {
    expect(isUndecided(state)).toBe(undecided);
  });

  it.each(APPLICATION_STATES)('knows whether %s is final', (state) => {
    expect(isFinal(state)).toBe(['rejected', 'withdrawn', 'expired'].includes(state));
  });
});
