import type { ApprovalStep } from '../../domain/approval-step';
import { fail, ok, type Result } from '../../domain/result';
import { commitChange } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { messagesFor, person } from '../common/outbox-messages';
import { nameOf, personOf } from '../common/people';
import type { Directory, DirectoryVersion } from '../records/directory';
import { directoryChanges, type DirectoryChange } from './directory-changes';
import { strandedSteps, type StrandedStep } from './stranded-steps';

export type { DirectoryChange } from './directory-changes';
export type { StrandedStep } from './stranded-steps';

/** A stored directory import: the new version, the one before it, what changed, and the steps handed over. */
export interface DirectoryImport {
  version: DirectoryVersion;
  previous: DirectoryVersion | null;
  changes: DirectoryChange[];
  /** Each stranded step and to whom it went (`to` is set, `problem` null). */
  handedOver: StrandedStep[];
}

/**
 * Why an import was refused, with nothing written: open steps it would strand with nobody named to
 * take them (or someone who cannot), or a reassignment naming someone neither directory knows.
 */
export type DirectoryImportError =
  { code: 'stranded_work'; stranded: StrandedStep[] } | { code: 'unknown_people'; names: string[] };

/** A person named by AAD object id or email, in the new directory or else the current one. */
function resolve(name: string, directories: readonly Directory[]): string | null {
  const email = name.toLowerCase();
  for (const directory of directories) {
    const found = directory.people.find((p) => p.aadObjectId === name || p.email.toLowerCase() === email);
    if (found) return found.aadObjectId;
  }
  return null;
}

/**
 * Leave (休假) is recorded by the people themselves, not in the admin's file: a person the file keeps
 * keeps the leave the current version records for them.
 */
function withRecordedLeave(content: Directory, previous: Directory | null): Directory {
  if (!previous) return content;
  return {
    ...content,
    people: content.people.map((p) => {
      const away = personOf(previous, p.aadObjectId)?.away;
      return p.away === undefined && away !== undefined ? { ...p, away } : p;
    }),
  };
}

/**
 * The admin's directory becomes a new version, unless it would strand work: an open step (waiting or
 * pending, of an application in review) whose approver or delegate it removes, or takes the step's
 * role from (or their last approver role), must be handed to someone in the same import —
 * `reassign` maps such a person (AAD object id or email) to who takes their steps, who must be in the
 * new directory with the role. Otherwise nothing is written. Handed-over steps keep their deadline;
 * each application's history says who passed to whom, its copies are refreshed, and a new approver of
 * a pending step gets the card (as on the team queue's 转交, the history says `<step>.reassigned`). Steps are handed over before the version is stored, so an import
 * that fails half-way can simply be run again. Leave recorded with 休假 is kept.
 */
export async function importDirectory(
  deps: ApprovalDeps,
  file: Directory,
  by: string,
  reassign: Readonly<Record<string, string>> = {},
): Promise<Result<DirectoryImport, DirectoryImportError>> {
  const previous = await deps.store.directory.get();
  const content = withRecordedLeave(file, previous);
  const known = previous ? [content, previous] : [content];
  const unknown = Object.entries(reassign)
    .flat()
    .filter((name) => resolve(name, known) === null);
  if (unknown.length > 0) return fail({ code: 'unknown_people', names: [...new Set(unknown)] });
  const targets = new Map(
    Object.entries(reassign).map(([from, to]) => [resolve(from, known) as string, resolve(to, known) as string]),
  );

  const stranded = previous ? strandedSteps(await deps.store.applications.list(), previous, content, targets) : [];
  const unresolved = stranded.filter((s) => s.problem !== null);
  if (unresolved.length > 0) return fail({ code: 'stranded_work', stranded: unresolved });

  const now = deps.clock.now();
  const handedOver: StrandedStep[] = [];
  for (const step of stranded)
    if (await handOver(deps, previous ?? content, content, step, by, now)) handedOver.push(step);
  const version = await deps.store.directory.add(content, by, now);
  return ok({ version, previous, changes: directoryChanges(previous, content), handedOver });
}

/**
 * Hands one stranded step to its target in one commit (retried if the application changes meanwhile);
 * false when the step was decided or moved in the meantime and there is nothing left to hand over.
 */
async function handOver(
  deps: ApprovalDeps,
  before: Directory,
  after: Directory,
  stranded: StrandedStep,
  by: string,
  now: Date,
): Promise<boolean> {
  const to = stranded.to as string;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const record = await deps.store.applications.get(stranded.applicationId);
    const step = record?.steps[stranded.stepIndex];
    const open = step && (step.status === 'waiting' || step.status === 'pending');
    if (!record || record.state !== 'in_review' || !step || !open || step[stranded.holder] !== stranded.person)
      return false;
    const moved: ApprovalStep =
      stranded.holder === 'assignee'
        ? { ...step, assignee: to, delegate: personOf(after, to)?.delegate ?? null }
        : { ...step, delegate: to };
    // As with a hand-over on the team queue: a pool's reason for the old approver no longer holds.
    if (stranded.holder === 'assignee') delete moved.assignment;
    const send = messagesFor(deps, now, record.id);
    const outbox = [
      send.refresh(),
      ...(stranded.holder === 'assignee' && step.status === 'pending' ? [send.card(person(to))] : []),
    ];
    const saved = await commitChange(
      deps,
      now,
      record,
      { ...record, steps: record.steps.map((s, i) => (i === stranded.stepIndex ? moved : s)) },
      {
        actor: by,
        history: {
          action: `${step.step}.reassigned`,
          comment: `${nameOf(before, stranded.person)} → ${nameOf(after, to)}`,
        },
        audit: {
          action: 'directory.reassign',
          before: { step: step.step, [stranded.holder]: stranded.person },
          after: { step: step.step, [stranded.holder]: to },
        },
        outbox,
      },
    );
    if (saved.ok) return true;
  }
  throw new Error(`${stranded.applicationId} kept changing while its ${stranded.step} step was handed over`);
}
