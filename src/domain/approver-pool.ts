/**
 * Approver pools: several people may hold an approver role, each covering some units (none: all).
 * A step goes to one named person — among those who cover the applying unit, the one with the
 * fewest open steps, ties to the directory's order — and the step keeps why.
 */

/** Someone who holds the role: their id, their delegate, and the units they cover (absent: every unit). */
export interface PoolMember {
  id: string;
  delegate: string | null;
  covers?: readonly string[];
  /** Set while the member is away: who stands in for them. */
  standIn?: string;
}

/**
 * Why a step went to its approver: the only one who covers the unit; the one with the fewest open
 * steps among `pool` who do; or — nobody covering the unit — the fewest open among everyone with the role.
 */
export type AssignmentBasis = 'only' | 'fewest_open' | 'no_coverer' | 'stand_in';

export interface StepAssignment {
  basis: AssignmentBasis;
  /** How many people it was chosen among. */
  pool: number;
  /** The chosen person's open steps when it was chosen. */
  open: number;
}

/** The approver for a unit's step among a role's holders (in directory order), or null when nobody holds it. */
export function chooseApprover(
  members: readonly PoolMember[],
  unit: string,
  openSteps: (id: string) => number,
): { assignee: string; delegate: string | null; assignment: StepAssignment } | null {
  if (members.length === 0) return null;
  const covering = members.filter((m) => !m.covers || m.covers.includes(unit));
  const candidates = covering.length > 0 ? covering : members;
  const present = candidates.filter((m) => !m.standIn);
  // Everyone who would take it is away: it goes straight to the first one's stand-in.
  const away = candidates[0];
  if (present.length === 0 && away?.standIn)
    return {
      assignee: away.standIn,
      delegate: null,
      assignment: { basis: 'stand_in', pool: candidates.length, open: openSteps(away.standIn) },
    };
  const pool = present;
  // The first of the least loaded: reduce keeps the earlier member on a tie.
  const chosen = pool.reduce((best, m) => (openSteps(m.id) < openSteps(best.id) ? m : best));
  const basis: AssignmentBasis = covering.length === 0 ? 'no_coverer' : pool.length === 1 ? 'only' : 'fewest_open';
  return {
    assignee: chosen.id,
    delegate: chosen.delegate,
    assignment: { basis, pool: pool.length, open: openSteps(chosen.id) },
  };
}
