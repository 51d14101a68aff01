import { awayOn } from '../../domain/absence';
import { chooseApprover, type StepAssignment } from '../../domain/approver-pool';
import type { LocalDate } from '../../domain/local-date';
import type { ApproverRole } from '../../domain/route';
import type { Actor } from '../../domain/workflow';
import type { Directory, Person } from '../records/directory';

/** The person with an AAD object id, or undefined. */
export const personOf = (directory: Directory, id: string): Person | undefined =>
  directory.people.find((p) => p.aadObjectId === id);

/** A person's name for display, or their id when the directory does not know them. */
export const nameOf = (directory: Directory, id: string): string => personOf(directory, id)?.name ?? id;

/** An acting user with their roles; unknown people act with no role at all. */
export const actorOf = (directory: Directory, id: string): Actor => ({
  id,
  roles: personOf(directory, id)?.roles ?? [],
});

/** Who holds a role, in the directory's order. */
export const holdersOf = (directory: Directory, role: string): Person[] =>
  directory.people.filter((p) => p.roles.includes(role as Person['roles'][number]));

/**
 * The named approver of a unit's step for a role: among the role's holders who cover the unit, the
 * one with the fewest open steps (ties: directory order), with their delegate and why them. Null when
 * nobody holds the role (the directory is incomplete; submission is refused, saying so).
 */
export function approverFor(
  directory: Directory,
  role: ApproverRole,
  unit: string,
  openSteps: (id: string) => number = () => 0,
  today: LocalDate | null = null,
): { assignee: string; delegate: string | null; assignment: StepAssignment } | null {
  const members = holdersOf(directory, role).map((p) => {
    const away = today ? awayOn(p.away, today) : undefined;
    return {
      id: p.aadObjectId,
      delegate: p.delegate ?? null,
      ...(p.covers ? { covers: p.covers } : {}),
      ...(away ? { standIn: away.standIn } : {}),
    };
  });
  return chooseApprover(members, unit, openSteps);
}

/** Whether a person may change the directory's channel bindings. */
export const isAdmin = (directory: Directory, id: string): boolean =>
  personOf(directory, id)?.roles.includes('admin') ?? false;
