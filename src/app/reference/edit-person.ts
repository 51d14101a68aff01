import { fail, ok, type Result } from '../../domain/result';
import { APPROVER_ROLES } from '../../domain/route';
import type { ApprovalDeps } from '../common/deps';
import { isAdmin, nameOf, personOf } from '../common/people';
import { auditEntry } from '../records/audit';
import type { Directory, DirectoryVersion, Person, Role } from '../records/directory';
import type { PersonFieldName, PersonFieldProblem, Refusal } from '../records/refusal';
import { directoryChanges, type DirectoryChange } from './directory-changes';
import { importDirectory } from './import-directory';

/** What an admin may set about a person on the card (their leave is theirs to record, with 休假). */
export interface PersonFields {
  name: string;
  email: string;
  roles: Role[];
  unit: string | null;
  delegate: string | null;
  head: string | null;
  /** Units they take steps of as an approver; empty: every unit. */
  covers: string[];
  locale: string | null;
}

/**
 * One change an admin makes on a person card: add someone (with the AAD object id Teams knows them
 * by), change someone, or remove someone. A change or removal names who takes the person's open
 * steps, when it would take them away.
 */
export type PersonEdit =
  | { act: 'add'; aadObjectId: string; fields: PersonFields }
  | { act: 'change'; id: string; fields: PersonFields; reassignTo: string | null }
  | { act: 'remove'; id: string; reassignTo: string | null };

/** A stored edit: the version it made, whom it was about, what changed, and how many open steps moved. */
export interface PersonEdited {
  version: DirectoryVersion;
  previous: DirectoryVersion;
  person: string;
  name: string;
  changes: DirectoryChange[];
  handedOver: { applicationId: string; to: string }[];
}

/** Who may be set as what on a person card: the directory as it stands, for the card's choices. */
export interface PersonForm {
  baseVersion: number;
  /** The person edited, or null for someone new. */
  person: Person | null;
  units: { id: string; name: string }[];
  people: { id: string; name: string }[];
  /** The person's open steps (waiting or pending, of plans in review). */
  openSteps: string[];
  /** Who could take their steps: everyone else with an approver role. */
  approvers: { id: string; name: string }[];
}

const isApproverRole = (role: Role): boolean => (APPROVER_ROLES as readonly string[]).includes(role);

/** The admin check every person card makes: the directory, or the refusal (audited). */
async function asAdmin(
  deps: ApprovalDeps,
  actor: string,
  attempted: unknown,
): Promise<Result<DirectoryVersion, Refusal>> {
  const directory = await deps.store.directory.get();
  if (!directory) return fail({ code: 'no_directory' });
  if (isAdmin(directory, actor)) return ok(directory);
  await deps.store.audit.append([
    auditEntry(deps.clock.now(), actor, 'refused.not_admin', 'directory', null, attempted),
  ]);
  return fail({ code: 'not_admin' });
}

async function openStepsOfPerson(deps: ApprovalDeps, id: string): Promise<string[]> {
  return (await deps.store.applications.list())
    .filter(
      (r) =>
        r.state === 'in_review' &&
        r.steps.some(
          (s) => (s.status === 'pending' || s.status === 'waiting') && (s.assignee === id || s.delegate === id),
        ),
    )
    .map((r) => r.id);
}

/** What a person card offers an admin: the person as they stand (or nobody, to add), and who and what may be chosen. */
export async function openPersonForm(
  deps: ApprovalDeps,
  actor: string,
  id: string | null,
): Promise<Result<PersonForm, Refusal>> {
  const allowed = await asAdmin(deps, actor, { open: id });
  if (!allowed.ok) return allowed;
  const directory = allowed.value;
  const person = id ? personOf(directory, id) : undefined;
  if (id && !person) return fail({ code: 'no_such_person', who: id });
  return ok({
    baseVersion: directory.version,
    person: person ?? null,
    units: directory.units.map((u) => ({ id: u.id, name: u.name })),
    people: directory.people.filter((p) => p.aadObjectId !== id).map((p) => ({ id: p.aadObjectId, name: p.name })),
    openSteps: id ? await openStepsOfPerson(deps, id) : [],
    approvers: directory.people
      .filter((p) => p.aadObjectId !== id && p.roles.some(isApproverRole))
      .map((p) => ({ id: p.aadObjectId, name: p.name })),
  });
}

/** The person the fields describe, as the directory keeps them (empty choices left out). */
function personFrom(id: string, fields: PersonFields, kept: Person | undefined): Person {
  return {
    aadObjectId: id,
    name: fields.name,
    email: fields.email,
    roles: fields.roles,
    ...(fields.unit ? { unit: fields.unit } : {}),
    ...(fields.delegate ? { delegate: fields.delegate } : {}),
    ...(fields.head ? { head: fields.head } : {}),
    ...(fields.locale ? { locale: fields.locale } : {}),
    ...(fields.covers.length > 0 ? { covers: fields.covers } : {}),
    ...(kept?.away ? { away: kept.away } : {}),
  };
}

/** What is wrong with a person against the directory they would join, as a refusal; null when nothing. */
function personProblem(directory: Directory, person: Person): Refusal | null {
  const field = (name: PersonFieldName, problem: PersonFieldProblem): Refusal => ({
    code: 'person_field',
    field: name,
    problem,
  });
  const other = directory.people.find(
    (p) => p.aadObjectId !== person.aadObjectId && p.email.toLowerCase() === person.email.toLowerCase(),
  );
  if (other) return { code: 'person_exists', name: other.name, by: 'email' };
  const units = new Set(directory.units.map((u) => u.id));
  if (person.roles.includes('applicant') && !person.unit) return field('unit', 'required_for_applicant');
  if (person.unit && !units.has(person.unit)) return field('unit', 'unknown');
  if ((person.covers ?? []).some((u) => !units.has(u))) return field('covers', 'unknown');
  for (const name of ['delegate', 'head'] as const) {
    const to = person[name];
    if (to === undefined) continue;
    if (to === person.aadObjectId) return field(name, 'self');
    if (!personOf(directory, to)) return field(name, 'unknown');
  }
  return null;
}

/** Who names a person as their delegate, head, or stand-in on leave: they would point at nobody if the person left. */
function namedBy(directory: Directory, id: string): { name: string; as: 'delegate' | 'head' | 'stand_in' } | null {
  for (const p of directory.people) {
    if (p.aadObjectId === id) continue;
    if (p.delegate === id) return { name: p.name, as: 'delegate' };
    if (p.head === id) return { name: p.name, as: 'head' };
    if ((p.away ?? []).some((a) => a.standIn === id)) return { name: p.name, as: 'stand_in' };
  }
  return null;
}

/**
 * An admin adds, changes or removes a person on a card: each a new directory version (audited as
 * `directory.import` by the admin), made exactly as an imported file would be — open steps the change
 * would take from the person go to `reassignTo`, or the change is refused naming them. Refused too,
 * with the reason: a card older than the directory (`baseVersion`), an email or id already in use,
 * a unit, delegate or head the directory does not know, removing someone others still name as
 * delegate, head or stand-in, and leaving the directory without an admin.
 */
export async function editPerson(
  deps: ApprovalDeps,
  actor: string,
  baseVersion: number,
  edit: PersonEdit,
): Promise<Result<PersonEdited, Refusal>> {
  const allowed = await asAdmin(deps, actor, { edit: edit.act, baseVersion });
  if (!allowed.ok) return allowed;
  const current = allowed.value;
  if (current.version !== baseVersion) return fail({ code: 'directory_changed', version: current.version });
  const { version: _v, importedAt: _a, importedBy: _b, ...directory } = current;

  const id = edit.act === 'add' ? edit.aadObjectId : edit.id;
  const existing = personOf(directory, id);
  if (edit.act === 'add' && existing) return fail({ code: 'person_exists', name: existing.name, by: 'id' });
  if (edit.act !== 'add' && !existing) return fail({ code: 'no_such_person', who: id });

  let next: Directory;
  if (edit.act === 'remove') {
    const by = namedBy(directory, id);
    if (by) return fail({ code: 'person_referenced', name: existing?.name ?? id, by: by.name, as: by.as });
    next = { ...directory, people: directory.people.filter((p) => p.aadObjectId !== id) };
  } else {
    const person = personFrom(id, edit.fields, existing);
    const problem = personProblem(directory, person);
    if (problem) return fail(problem);
    next = {
      ...directory,
      people: existing
        ? directory.people.map((p) => (p.aadObjectId === id ? person : p))
        : [...directory.people, person],
    };
  }
  if (!next.people.some((p) => p.roles.includes('admin'))) return fail({ code: 'last_admin' });

  // Saving a card nobody changed makes no new version.
  if (directoryChanges(directory, next).length === 0)
    return ok({
      version: current,
      previous: current,
      person: id,
      name: existing?.name ?? id,
      changes: [],
      handedOver: [],
    });

  const reassignTo = edit.act === 'add' ? null : edit.reassignTo;
  const imported = await importDirectory(deps, next, actor, reassignTo ? { [id]: reassignTo } : {});
  if (!imported.ok) {
    const { error } = imported;
    if (error.code === 'unknown_people') return fail({ code: 'no_such_person', who: error.names.join(', ') });
    const first = error.stranded[0];
    return fail({
      code: 'open_steps',
      name: nameOf(directory, id),
      ids: [...new Set(error.stranded.map((s) => s.applicationId))],
      problem: first?.problem ?? 'no_target',
      to: first?.to ? nameOf(directory, first.to) : null,
    });
  }
  const { version, changes, handedOver } = imported.value;
  return ok({
    version,
    previous: current,
    person: id,
    name: (personOf(version, id) ?? existing)?.name ?? id,
    changes,
    handedOver: handedOver.map((s) => ({ applicationId: s.applicationId, to: s.to ?? '' })),
  });
}
