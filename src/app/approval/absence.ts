import { absenceProblem, awayOn, type Absence } from '../../domain/absence';
import { addDays, shanghaiDate, shanghaiInstant, type LocalDate } from '../../domain/local-date';
import { fail, ok, type Result } from '../../domain/result';
import { APPROVER_ROLES } from '../../domain/route';
import { standIn } from '../../domain/workflow';
import { commitChange } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, withCase } from '../common/load-case';
import { messagesFor, person } from '../common/outbox-messages';
import { nameOf, personOf } from '../common/people';
import type { Job } from '../ports/jobs';
import { auditEntry } from '../records/audit';
import type { Directory, Person } from '../records/directory';
import type { Refusal } from '../records/refusal';

/** A recorded absence, with the stand-in's name and how many open steps moved to them now. */
export interface AbsenceRecorded {
  absence: Absence;
  standInName: string;
  /** Steps moved at once (the absence has begun); none when it starts later. */
  moved: number;
  /** It begins on a later day: the steps move then (a job at 00:00 of its first day). */
  startsLater: boolean;
}

/** A person named as people write them: their name, email, the email's local part, or the AAD id. */
export function findPerson(directory: Directory, words: string): Person | undefined {
  const w = words.trim().toLowerCase();
  return directory.people.find(
    (p) =>
      p.aadObjectId.toLowerCase() === w ||
      p.name.toLowerCase() === w ||
      p.email.toLowerCase() === w ||
      p.email.toLowerCase().split('@')[0] === w,
  );
}

const withPerson = (directory: Directory, id: string, change: (p: Person) => Person): Directory => ({
  ...directory,
  people: directory.people.map((p) => (p.aadObjectId === id ? change(p) : p)),
});

/** What the leave card offers a person: today, their leave now and ahead, and who could stand in. */
export interface AbsenceForm {
  today: LocalDate;
  away: (Absence & { standInName: string })[];
  /** People who may decide their steps: colleagues with one of their approver roles, and their delegate. */
  standIns: { id: string; name: string }[];
}

/** The leave card (`休假` alone): the person's leave still to come or under way, and who could stand in. */
export async function absenceForm(deps: ApprovalDeps, actor: string): Promise<AbsenceForm> {
  const directory = await deps.store.directory.get();
  const today = shanghaiDate(deps.clock.now());
  const me = directory ? personOf(directory, actor) : undefined;
  if (!directory || !me) return { today, away: [], standIns: [] };
  const mine = me.roles.filter((r) => (APPROVER_ROLES as readonly string[]).includes(r));
  return {
    today,
    away: (me.away ?? [])
      .filter((a) => a.to >= today)
      .map((a) => ({ ...a, standInName: personOf(directory, a.standIn)?.name ?? a.standIn })),
    standIns: directory.people
      .filter(
        (p) =>
          p.aadObjectId !== actor &&
          mine.length > 0 &&
          (p.aadObjectId === me.delegate || p.roles.some((r) => mine.includes(r))),
      )
      .map((p) => ({ id: p.aadObjectId, name: p.name })),
  };
}

/**
 * A person goes on leave (休假) from `from` to `to` (Shanghai days) with a stand-in who may decide
 * their steps. Recorded as a new directory version, audited. From the first day new steps go to the
 * stand-in; the steps the person holds move to them at the start — now, if it starts today.
 */
export async function recordAbsence(
  deps: ApprovalDeps,
  actor: string,
  request: { from: LocalDate; to: LocalDate; standIn: string },
): Promise<Result<AbsenceRecorded, Refusal>> {
  const directory = await deps.store.directory.get();
  if (!directory) return fail({ code: 'no_directory' });
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const me = personOf(directory, actor);
  const stand = findPerson(directory, request.standIn);
  const absence: Absence = { from: request.from, to: request.to, standIn: stand?.aadObjectId ?? request.standIn };
  const problem = absenceProblem(
    absence,
    {
      id: actor,
      approverRoles: (me?.roles ?? []).filter((r) => (APPROVER_ROLES as readonly string[]).includes(r)),
      absences: me?.away ?? [],
    },
    {
      known: stand !== undefined,
      roles: stand?.roles ?? [],
      isDelegate: stand !== undefined && me?.delegate === stand.aadObjectId,
      absences: stand?.away ?? [],
    },
    today,
  );
  if (problem || !me || !stand) {
    await deps.store.audit.append([
      auditEntry(now, actor, 'refused.absence', 'directory', null, { ...absence, problem }),
    ]);
    return fail({ code: 'absence', problem: problem ?? 'stand_in_unknown' });
  }
  await deps.store.directory.add(
    withPerson(directory, actor, (p) => ({ ...p, away: [...(p.away ?? []), absence] })),
    actor,
    now,
  );
  await deps.store.audit.append([auditEntry(now, actor, 'absence.set', 'directory', null, absence)]);
  let moved = 0;
  if (absence.from <= today) moved = await moveStepsToStandIn(deps, actor, absence);
  else await deps.store.jobs.schedule([absenceStartJob(actor, absence)]);
  return ok({ absence, standInName: stand.name, moved, startsLater: absence.from > today });
}

/** The job that moves a person's steps to their stand-in on the first day of their leave, at 00:00 in Shanghai. */
const absenceStartJob = (personId: string, absence: Absence): Job => ({
  id: `absence:${personId}:${absence.from}`,
  kind: 'absence.start',
  applicationId: null,
  dueAt: shanghaiInstant(absence.from).toISOString(),
  payload: { person: personId, from: absence.from },
});

/**
 * `休假 取消`: the person's current or next leave ends — one under way ends yesterday (today they are
 * back for new steps), one ahead is removed. Steps already moved stay with the stand-in.
 */
export async function cancelAbsence(deps: ApprovalDeps, actor: string): Promise<Result<Absence, Refusal>> {
  const directory = await deps.store.directory.get();
  if (!directory) return fail({ code: 'no_directory' });
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const away = personOf(directory, actor)?.away ?? [];
  const current =
    awayOn(away, today) ?? away.filter((a) => a.from > today).sort((a, b) => (a.from < b.from ? -1 : 1))[0];
  if (!current) return fail({ code: 'no_absence' });
  const ended = current.from < today ? [{ ...current, to: addDays(today, -1) }] : [];
  await deps.store.directory.add(
    withPerson(directory, actor, (p) => ({ ...p, away: [...away.filter((a) => a !== current), ...ended] })),
    actor,
    now,
  );
  await deps.store.audit.append([auditEntry(now, actor, 'absence.cancel', 'directory', current, ended[0] ?? null)]);
  return ok(current);
}

/**
 * Moves every open step a person holds (plans in review, steps pending or still to come) to their
 * stand-in: history "休假代理" with who to whom, the stand-in told and given the card of a pending one.
 */
export async function moveStepsToStandIn(deps: ApprovalDeps, personId: string, absence: Absence): Promise<number> {
  const directory = await deps.store.directory.get();
  const target = directory ? personOf(directory, absence.standIn) : undefined;
  if (!directory || !target) return 0;
  let moved = 0;
  for (const record of await deps.store.applications.list()) {
    if (record.state !== 'in_review') continue;
    for (const [index, step] of record.steps.entries()) {
      if (step.assignee !== personId || (step.status !== 'pending' && step.status !== 'waiting')) continue;
      // Read afresh for each step: an earlier one of this plan may have just moved.
      const current = (await deps.store.applications.get(record.id)) ?? record;
      const next = standIn(caseOf(current), index, target.aadObjectId, target.delegate ?? null);
      if (!next.ok) continue;
      const now = deps.clock.now();
      const send = messagesFor(deps, now, record.id);
      const saved = await commitChange(deps, now, current, withCase(current, next.value), {
        actor: 'plandesk',
        history: {
          action: `${step.step}.stood_in`,
          comment: `${nameOf(directory, personId)} → ${target.name} (${absence.from} – ${absence.to})`,
        },
        audit: {
          action: 'absence.stand_in',
          before: { step: index, assignee: personId },
          after: { step: index, assignee: target.aadObjectId },
        },
        outbox: [
          send.refresh(),
          ...(step.status === 'pending'
            ? [
                send.card(person(target.aadObjectId)),
                send.text(person(target.aadObjectId), 'notice.stood_in', {
                  step: step.step,
                  who: nameOf(directory, personId),
                }),
              ]
            : []),
        ],
      });
      if (saved.ok) moved += 1;
    }
  }
  return moved;
}
