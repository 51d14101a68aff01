import { APPROVER_ROLES, type ApproverRole, type StepId } from '../../domain/route';
import { personOf } from '../common/people';
import type { ApplicationRecord } from '../records/application-record';
import type { Directory, Person } from '../records/directory';
import type { TargetProblem } from '../records/refusal';

/** Who holds a step: its named approver, or the delegate who may decide in their stead. */
export type Holder = 'assignee' | 'delegate';

/** Why the step would have nobody: its holder is not in the new directory, or no longer holds the role it needs. */
export type StrandedBecause = 'removed' | 'lost_role';

export type { TargetProblem } from '../records/refusal';

/** An open step a new directory would leave stranded, with the reassignment the import gives for it (if any). */
export interface StrandedStep {
  applicationId: string;
  stepIndex: number;
  step: StepId;
  role: ApproverRole;
  holder: Holder;
  /** The holder's AAD object id. */
  person: string;
  because: StrandedBecause;
  /** To whom the import hands the step (AAD object id), when it names someone. */
  to: string | null;
  /** Why `to` cannot take it; null when it can. */
  problem: TargetProblem | null;
}

const isApprover = (person: Person | undefined): boolean =>
  (person?.roles ?? []).some((r) => (APPROVER_ROLES as readonly string[]).includes(r));

/**
 * What a holder may do with a step: the named approver needs the step's role; a delegate, like any
 * approver acting on a card (case-guards), needs some approver role.
 */
const mayTake = (person: Person | undefined, holder: Holder, role: ApproverRole): boolean =>
  holder === 'assignee' ? (person?.roles.includes(role) ?? false) : isApprover(person);

/**
 * Why moving from `before` to `after` takes a holder away from a step: they are in `before` but not
 * in `after`, or they lose what let them take it (the step's role; for anyone, their last approver
 * role). Someone who holds a step without its role (a head the step went to when overdue) strands it
 * only by leaving, or by losing every approver role.
 */
function strandedBecause(
  before: Directory,
  after: Directory,
  id: string,
  holder: Holder,
  role: ApproverRole,
): StrandedBecause | null {
  const was = personOf(before, id);
  if (!was) return null;
  const is = personOf(after, id);
  if (!is) return 'removed';
  if (mayTake(was, holder, role) && !mayTake(is, holder, role)) return 'lost_role';
  if (isApprover(was) && !isApprover(is)) return 'lost_role';
  return null;
}

/**
 * The open steps (waiting or pending, of applications in review) whose holder the new directory takes
 * away, each with the target `reassign` names for its holder and whether that target can take it:
 * they must be in the new directory, not the applicant, and hold the step's role (a delegate: some
 * approver role).
 */
export function strandedSteps(
  records: readonly ApplicationRecord[],
  before: Directory,
  after: Directory,
  reassign: ReadonlyMap<string, string>,
): StrandedStep[] {
  const stranded: StrandedStep[] = [];
  for (const record of records) {
    if (record.state !== 'in_review') continue;
    record.steps.forEach((s, stepIndex) => {
      if (s.status !== 'waiting' && s.status !== 'pending') return;
      const holders: [Holder, string | null][] = [
        ['assignee', s.assignee],
        ['delegate', s.delegate],
      ];
      for (const [holder, person] of holders) {
        const because = person ? strandedBecause(before, after, person, holder, s.role) : null;
        if (!person || !because) continue;
        const to = reassign.get(person) ?? null;
        const target = to ? personOf(after, to) : undefined;
        const problem: TargetProblem | null = !to
          ? 'no_target'
          : !target
            ? 'target_not_in_directory'
            : to === record.input.applicant
              ? 'target_is_applicant'
              : !mayTake(target, holder, s.role)
                ? 'target_lacks_role'
                : null;
        stranded.push({
          applicationId: record.id,
          stepIndex,
          step: s.step,
          role: s.role,
          holder,
          person,
          because,
          to,
          problem,
        });
      }
    });
  }
  return stranded;
}
