import { openQuestionIndex } from '../../domain/step-question';
import { nextWorkingMoment } from '../../domain/working-hours';
import { reassign } from '../../domain/workflow';
import { commitChange, policyOf } from '../common/commit';
import { caseOf, withCase } from '../common/load-case';
import { channel, messagesFor, person } from '../common/outbox-messages';
import { nameOf, personOf } from '../common/people';
import { workflowEnv } from '../common/workflow-env';
import type { ApplicationRecord } from '../records/application-record';
import { samePendingStep, stillDue, type JobHandler, type JobRun } from './job-context';

const quiet = (run: JobRun) => nextWorkingMoment(run.calendar, run.now).toISOString();

/** Messages a job sends about an application, held to working hours (a refresh of posted copies goes at once). */
const heldMessages = (run: JobRun, record: ApplicationRecord) =>
  messagesFor(run.deps, run.now, record.id, { notBefore: quiet(run) });

/**
 * Before a step is due: the approver gets a reminder with the card at hand; while their question to
 * the applicant is open (and the policy lets the deadline run on), the reminder says so.
 */
export const nudgeStep: JobHandler = async (run) => {
  const record = await stillDue(run, samePendingStep(run.job));
  if (!record) return {};
  // Held past a holiday until the morning reminder's own time, it would only repeat that one; and
  // once the deadline has passed, the overdue notice speaks instead.
  const until = run.job.payload.until;
  if (typeof until === 'string' && quiet(run) >= until) return {};
  if (quiet(run) >= String(run.job.payload.dueAt)) return {};
  const s = heldMessages(run, record);
  const assignee = String(run.job.payload.assignee);
  const index = Number(run.job.payload.step);
  const step = record.steps[index]?.step ?? '';
  const asking = openQuestionIndex(record.questions, record.revision, index) !== -1;
  return {
    outbox: [
      s.text(person(assignee), asking ? 'reminder.step_asking' : 'reminder.step', {
        step,
        due: String(run.job.payload.dueAt),
      }),
      s.card(person(assignee)),
    ],
  };
};

/** A missed deadline: the approver, the applicant and the ops channel are told. */
export const stepOverdue: JobHandler = async (run) => {
  const record = await stillDue(run, samePendingStep(run.job));
  if (!record) return {};
  const s = heldMessages(run, record);
  const params = {
    step: record.steps[Number(run.job.payload.step)]?.step ?? '',
    due: String(run.job.payload.dueAt),
    unit: record.input.unit,
  };
  return {
    outbox: [
      s.text(person(String(run.job.payload.assignee)), 'overdue.approver', params),
      s.text(person(record.input.applicant), 'overdue.applicant', params),
      s.text(channel('ops'), 'overdue.channel', params),
    ],
  };
};

/**
 * Still undecided after the grace: the step goes to the approver's delegate, else their head (else
 * nobody new, and ops hears of it again); the history and audit say so, and the new approver gets the card.
 */
export const escalateStep: JobHandler = async (run) => {
  const record = await stillDue(run, samePendingStep(run.job));
  if (!record) return {};
  const directory = await run.deps.store.directory.get();
  const index = Number(run.job.payload.step);
  const step = record.steps[index];
  if (!directory || !step) return {};
  const from = step.assignee;
  const approver = personOf(directory, from);
  const to = step.delegate ?? approver?.delegate ?? approver?.head ?? null;
  const s = heldMessages(run, record);
  if (!to || to === from) {
    return { outbox: [s.text(channel('ops'), 'overdue.no_delegate', { step: step.step, unit: record.input.unit })] };
  }
  const policy = await policyOf(run.deps, record);
  const handedOver = reassign(caseOf(record), index, to, run.now, workflowEnv(policy, run.deps.calendar, directory));
  if (!handedOver.ok) return {};
  const outbox = [
    s.refresh(),
    s.card(person(to)),
    s.text(person(record.input.applicant), 'overdue.escalated', { step: step.step, to: nameOf(directory, to) }),
  ];
  const saved = await commitChange(
    run.deps,
    run.now,
    record,
    withCase(record, handedOver.value),
    {
      actor: 'plandesk',
      history: {
        action: `${step.step}.reassigned_overdue`,
        comment: `${nameOf(directory, from)} → ${nameOf(directory, to)}`,
      },
      audit: { action: 'escalate_overdue', before: { assignee: from }, after: { assignee: to } },
      outbox,
    },
    policy,
  );
  if (!saved.ok) throw new Error(`${record.id} changed while escalating; the job is tried again`);
  return {};
};
