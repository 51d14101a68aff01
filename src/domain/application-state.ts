/**
 * The life of an application (SPEC §3, §6): the states the workflow enters and the only moves between
 * them. Filing puts an application straight into review (a form is judged before it is filed, so no
 * draft or "submitted" state is ever stored); the final approval opens the support center's task in
 * the same commit. Every move the workflow makes goes through `enter`.
 */
export const APPLICATION_STATES = [
  'in_review',
  'returned',
  'in_fulfillment',
  'active',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** The state a filed application starts in. */
export const FILED: ApplicationState = 'in_review';

const TRANSITIONS: Record<ApplicationState, readonly ApplicationState[]> = {
  // A step approves and the next starts, an escalation adds leadership, an overdue step is handed over.
  in_review: ['in_review', 'returned', 'in_fulfillment', 'rejected', 'withdrawn'],
  // A revision is resubmitted and routed from the start (SPEC §3.6), or the applicant gives up.
  returned: ['in_review', 'withdrawn'],
  in_fulfillment: ['active'],
  active: ['expired'],
  rejected: [],
  withdrawn: [],
  expired: [],
};

export const canMove = (from: ApplicationState, to: ApplicationState): boolean => TRANSITIONS[from].includes(to);

export const allowedMoves = (from: ApplicationState): readonly ApplicationState[] => TRANSITIONS[from];

/** States in which no decision is final yet, so the applicant may still withdraw. */
export const isUndecided = (state: ApplicationState): boolean => canMove(state, 'withdrawn');

export const isFinal = (state: ApplicationState): boolean => TRANSITIONS[state].length === 0;

/**
 * The state after a move; a move the table does not allow is a bug in the workflow (its guards let
 * something through that they should have refused), never a person's mistake, so it throws.
 */
export function enter(from: ApplicationState, to: ApplicationState): ApplicationState {
  if (!canMove(from, to)) throw new Error(`an application cannot move from ${from} to ${to}`);
  return to;
}
