import { allowedMoves, APPLICATION_STATES, canMove, isFinal, isUndecided, type ApplicationState } from '../../src/domain/application-state';

/** Every move the life of an application allows (SPEC §3, §6); every other move is refused. */
const ALLOWED: [ApplicationState, ApplicationState, string][] = [
  ['draft', 'submitted', 'the applicant submits a draft'],
  ['draft', 'withdrawn', 'the applicant withdraws a draft'],
  ['submitted', 'in_review', 'the first step starts'],
  ['submitted', 'withdrawn', 'the applicant withdraws before anyone reviews'],
  ['in_review', 'in_review', 'a step approves and the next one starts'],
  ['in_review', 'returned', 'an approver returns it for revision'],
  ['in_review', 'approved', 'the last step approves'],
  ['in_review', 'in_fulfillment', 'the last step approves and the support center\'s task opens in the same commit'],
  ['in_review', 'rejected', 'an approver rejects it'],
  ['in_review', 'withdrawn', 'the applicant withdraws during review'],
  ['returned', 'submitted', 'the applicant resubmits a revision'],
  ['returned', 'withdrawn', 'the applicant gives up after a return'],
  ['approved', 'in_fulfillment', 'the support center receives the task'],
  ['in_fulfillment', 'active', 'the handler marks it done'],
  ['active', 'expired', 'the plan reaches its end date'],
];

const allowed = new Set(ALLOWED.map(([from, to]) => `${from}→${to}`));
const refused = APPLICATION_STATES.flatMap((from) => APPLICATION_STATES.map((to) => [from, to] as const)).filter(([from, to]) => !allowed.has(`${from}→${to}`));

describe('canMove', () => {
  it.each(ALLOWED)('allows %s → %s when %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
  });

  it.each(refused)('refuses %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(false);
  });

  it('lists from each state exactly the moves it allows', () => {
    for (const from of APPLICATION_STATES) {
      expect([...allowedMoves(from)].sort()).toEqual(ALLOWED.filter(([f]) => f === from).map(([, to]) => to).sort());
    }
  });
});

describe('withdrawal and final states', () => {
  it.each([
    ['draft', true], ['submitted', true], ['in_review', true], ['returned', true],
    ['approved', false], ['in_fulfillment', false], ['active', false], ['rejected', false], ['withdrawn', false], ['expired', false],
  ] as const)('lets the applicant withdraw from %s: %s', (state, undecided) => {
    expect(isUndecided(state)).toBe(undecided);
    expect(canMove(state, 'withdrawn')).toBe(undecided);
  });

  it.each(APPLICATION_STATES)('knows whether %s is final', (state) => {
    expect(isFinal(state)).toBe(['rejected', 'withdrawn', 'expired'].includes(state));
  });

  it('never leaves a decision to reject, withdraw or expire', () => {
    for (const state of ['rejected', 'withdrawn', 'expired'] as const) expect(allowedMoves(state)).toEqual([]);
  });
});
