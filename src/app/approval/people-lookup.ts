import { fail, ok, type Result } from '../../domain/result';
import { applicationsIn } from '../common/in-states';
import type { StepId } from '../../domain/route';
import type { ApprovalDeps } from '../common/deps';
import { isAdmin, nameOf } from '../common/people';
import { auditEntry } from '../records/audit';
import type { Role } from '../records/directory';
import type { Refusal } from '../records/refusal';
import { findPerson } from './absence';

/** One person as an admin looks them up: who they are, what they may do, and what waits on them. */
export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  unitName: string | null;
  delegateName: string | null;
  headName: string | null;
  /** The units they cover in their approver roles, by name; empty: every unit. */
  covers: string[];
  away: { from: string; to: string; standInName: string }[];
  /** Steps they hold on plans in review (pending or still to come). */
  openSteps: { applicationId: string; step: StepId }[];
}

/**
 * `人员` / `people` for admins: everyone, or the people a word names (name, email, its local part, a
 * unit's name or id, or part of a name), each with roles, unit, delegate, head, coverage, leave and
 * open steps. Anyone else is refused, audited.
 */
export async function lookUpPeople(
  deps: ApprovalDeps,
  actor: string,
  query: string,
): Promise<Result<PersonSummary[], Refusal>> {
  const directory = await deps.store.directory.get();
  if (!directory) return fail({ code: 'no_directory' });
  if (!isAdmin(directory, actor)) {
    await deps.store.audit.append([
      auditEntry(deps.clock.now(), actor, 'refused.not_admin', 'directory', null, { lookup: query }),
    ]);
    return fail({ code: 'not_admin' });
  }
  const unitName = (id: string) => directory.units.find((u) => u.id === id)?.name ?? id;
  const q = query.trim().toLowerCase();
  const exact = q ? findPerson(directory, q) : undefined;
  const people = exact
    ? [exact]
    : directory.people.filter(
        (p) =>
          !q ||
          p.name.toLowerCase().includes(q) ||
          p.email.toLowerCase().includes(q) ||
          p.unit === q ||
          (p.unit !== undefined && unitName(p.unit).toLowerCase().includes(q)),
      );
  const inReview = await applicationsIn(deps.store, ['in_review']);
  return ok(
    people.map((p) => ({
      id: p.aadObjectId,
      name: p.name,
      email: p.email,
      roles: p.roles,
      unitName: p.unit ? unitName(p.unit) : null,
      delegateName: p.delegate ? nameOf(directory, p.delegate) : null,
      headName: p.head ? nameOf(directory, p.head) : null,
      covers: (p.covers ?? []).map(unitName),
      away: (p.away ?? []).map((a) => ({ from: a.from, to: a.to, standInName: nameOf(directory, a.standIn) })),
      openSteps: inReview.flatMap((r) =>
        r.steps
          .filter((s) => s.assignee === p.aadObjectId && (s.status === 'pending' || s.status === 'waiting'))
          .map((s) => ({ applicationId: r.id, step: s.step })),
      ),
    })),
  );
}
