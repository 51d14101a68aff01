import { nextWorkingMoment } from '../../domain/working-hours';
import type { ApplicationRecord } from '../records/application-record';
import { workflowEnv } from '../common/workflow-env';
import { auditEntry } from '../records/audit';
import { channel, messagesFor, person } from '../common/outbox-messages';
import { nameOf, personOf } from '../common/people';
import { jobsFor } from '../common/jobs-for';
import { samePendingStep, stillDue, type JobHandler, type JobRun } from './job-context';

const quiet = (run: JobRun) => nextWorkingMoment(run.calendar, run.now).toISOString();

/** Messages a job sends, held to working hours. */
function send(run: JobRun, record: ApplicationRecord) {
  const notBefore = quiet(run);
  const m = messagesFor(run.deps, run.now, record.id);
  return {
    card: (...a: Parameters<typeof m.card>) => ({ ...m.card(...a), notBefore }),
    text: (...a: Parameters<typeof m.text>) => ({ ...m.text(...a), notBefore }),
    refresh: () => m.refresh(),
  };
}

/** Before a step is due: the approver gets a reminder with the card at hand. */
export const nudgeStep: JobHandler = async (run) => {
  const record = await stillDue(run, samePendingStep(run.job));
  if (!record) return {};
  // Held past a holiday until the morning reminder's own time, it would only repeat that one; and
  // once the deadline has passed, the overdue notice speaks instead.
  const until = run.job.payload.until;
  if (typeof until === 'string' && quiet(run) >= until) return {};
  if (quiet(run) >= String(run.job.payload.dueAt)) return {};
  const s = send(run, record);
  const assignee = String(run.job.payload.assignee);
  const step = record.steps[Number(run.job.payload.step)]?.step ?? '';
  return { outbox: [s.text(person(assignee), 'reminder.step', { step, due: String(run.job.payload.dueAt) }), s.card(person(assignee))] };
};

/** A missed deadline: the approver, the applicant and the ops channel are told. */
export const stepOverdue: JobHandler = async (run) => {
  const record = await stillDue(run, samePendingStep(run.job));
  if (!record) return {};
  const s = send(run, record);
  const params = { step: record.steps[Number(run.job.payload.step)]?.step ?? '', due: String(run.job.payload.dueAt), unit: record.input.unit };
  return { outbox: [
    s.text(person(String(run.job.payload.assignee)), 'overdue.approver', params),
    s.text(person(record.input.applicant), 'overdue.applicant', params),
    s.text(channel('ops'), 'overdue.channel', params),
  ] };
};

/**
 * Still undecided after the grace: the step goes to the approver's delegate, else their head (else
 * nobody new, and ops hears of it again); the history and audit say so, and the new approver gets the card.
 */
export const escalateStep: JobHandler = async (run) => {
  const record = await stillDue(run, samePendingStep(run.job));
  if (!record) return {};
  const { store } = run.deps;
  const [directory, policy] = await Promise.all([store.directory.get(), store.policies.get(record.policyVersion)]);
  const index = Number(run.job.payload.step);
  const step = record.steps[index];
  if (!directory || !policy || !step) return {};
  const from = step.assignee;
  const approver = personOf(directory, from);
  const to = step.delegate ?? approver?.delegate ?? approver?.head ?? null;
  const s = send(run, record);
  if (!to || to === from) {
    return { outbox: [s.text(channel('ops'), 'overdue.no_delegate', { step: step.step, unit: record.input.unit })] };
  }
  const env = workflowEnv(policy, run.deps.calendar, directory);
  const at = run.now.toISOString();
  const steps = record.steps.map((x, i) => (i === index ? { ...x, assignee: to, delegate: null, startedAt: at, dueAt: env.approvalDue(run.now).toISOString() } : x));
  const updated: ApplicationRecord = {
    ...record, steps, updatedAt: at,
    history: [...record.history, { at, actor: 'plandesk', action: `${step.step}.reassigned_overdue`, revision: record.revision, comment: `${nameOf(directory, from)} → ${nameOf(directory, to)}` }],
  };
  const outbox = [s.refresh(), s.card(person(to)), s.text(person(record.input.applicant), 'overdue.escalated', { step: step.step, to: nameOf(directory, to) })];
  const saved = await store.applications.update(updated, record.version, [auditEntry(run.now, 'plandesk', 'escalate_overdue', record.id, { assignee: from }, { assignee: to })], outbox, jobsFor(updated, policy, run.deps.calendar));
  if (!saved.ok) throw new Error(`${record.id} changed while escalating; the job is tried again`);
  return {};
};
