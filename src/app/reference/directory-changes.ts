import type { Directory, Person, Role } from '../records/directory';

/** A person's facts a directory import may change, besides their roles. */
export const PERSON_FIELDS = ['name', 'email', 'unit', 'delegate', 'head', 'locale', 'covers'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * One difference between two directories, in the admin's terms: people and units added or removed,
 * a person's roles, unit, delegate, head, language or covered units, a unit's name or kind. People
 * (also as a delegate or head) are named by their AAD object id; a list of units is comma-separated.
 */
export type DirectoryChange =
  | { change: 'person_added' | 'person_removed'; person: string }
  | { change: 'roles_added' | 'roles_removed'; person: string; roles: Role[] }
  | { change: 'person_changed'; person: string; field: PersonField; from: string | null; to: string | null }
  | { change: 'unit_added' | 'unit_removed'; unit: string }
  | { change: 'unit_changed'; unit: string; field: 'name' | 'kind'; from: string; to: string };

const fieldOf = (person: Person, field: PersonField): string | null => {
  const value = person[field];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
};

/** What changes from one directory to the next (null before the first), people first, in the new file's order. */
export function directoryChanges(before: Directory | null, after: Directory): DirectoryChange[] {
  const was = new Map((before?.people ?? []).map((p) => [p.aadObjectId, p]));
  const is = new Set(after.people.map((p) => p.aadObjectId));
  const changes: DirectoryChange[] = [];
  for (const person of after.people) {
    const old = was.get(person.aadObjectId);
    if (!old) {
      changes.push({ change: 'person_added', person: person.aadObjectId });
      continue;
    }
    const added = person.roles.filter((r) => !old.roles.includes(r));
    const removed = old.roles.filter((r) => !person.roles.includes(r));
    if (added.length > 0) changes.push({ change: 'roles_added', person: person.aadObjectId, roles: added });
    if (removed.length > 0) changes.push({ change: 'roles_removed', person: person.aadObjectId, roles: removed });
    for (const field of PERSON_FIELDS) {
      const [from, to] = [fieldOf(old, field), fieldOf(person, field)];
      if (from !== to) changes.push({ change: 'person_changed', person: person.aadObjectId, field, from, to });
    }
  }
  for (const old of before?.people ?? [])
    if (!is.has(old.aadObjectId)) changes.push({ change: 'person_removed', person: old.aadObjectId });

  const units = new Map((before?.units ?? []).map((u) => [u.id, u]));
  const unitIds = new Set(after.units.map((u) => u.id));
  for (const unit of after.units) {
    const old = units.get(unit.id);
    if (!old) changes.push({ change: 'unit_added', unit: unit.id });
    else {
      if (old.name !== unit.name)
        changes.push({ change: 'unit_changed', unit: unit.id, field: 'name', from: old.name, to: unit.name });
      if (old.kind !== unit.kind)
        changes.push({ change: 'unit_changed', unit: unit.id, field: 'kind', from: old.kind, to: unit.kind });
    }
  }
  for (const old of before?.units ?? [])
    if (!unitIds.has(old.id)) changes.push({ change: 'unit_removed', unit: old.id });
  return changes;
}
