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

/**
 * The named approver for a role: the first person the directory lists with it, and their delegate.
 * Null when nobody holds the role (the directory is incomplete; submission is refused, saying so).
 */
export function approverFor(
  directory: Directory,
  role: ApproverRole,
): { assignee: string; delegate: string | null } | null {
  const person = directory.people.find((p) => p.roles.includes(role));
  return person ? { assignee: person.aadObjectId, delegate: person.delegate ?? null } : null;
}

/** Whether a person may change the directory's channel bindings. */
export const isAdmin = (directory: Directory, id: string): boolean =>
  personOf(directory, id)?.roles.includes('admin') ?? false;
