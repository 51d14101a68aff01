/** The life of an application (SPEC §3, §6), and the only moves between its states. */
export const APPLICATION_STATES = [
  'draft', 'submitted', 'in_review', 'returned', 'approved', 'in_fulfillment', 'active', 'rejected', 'withdrawn', 'expired',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

const TRANSITIONS: Record<ApplicationState, readonly ApplicationState[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['in_review', 'withdrawn'],
  // The final approval opens the support center's task in the same commit, so it may go straight on.
  in_review: ['in_review', 'returned', 'approved', 'in_fulfillment', 'rejected', 'withdrawn'],
  returned: ['submitted', 'withdrawn'],
  approved: ['in_fulfillment'],
  in_fulfillment: ['active'],
  active: ['expired'],
  rejected: [],
  withdrawn: [],
  expired: [],
};

export const canMove = (from: ApplicationState, to: ApplicationState): boolean => TRANSITIONS[from].includes(to);

/** States in which no decision is final yet, so the applicant may still withdraw. */
export const isUndecided = (state: ApplicationState): boolean => canMove(state, 'withdrawn');

export const isFinal = (state: ApplicationState): boolean => TRANSITIONS[state].length === 0;

export const allowedMoves = (from: ApplicationState): readonly ApplicationState[] => TRANSITIONS[from];
