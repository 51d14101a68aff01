import { nextWorkingMoment } from '../../domain/working-hours';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import { messagesFor, person } from '../common/outbox-messages';
import { jobsOf } from '../common/jobs-for';
import { stillDue, type JobHandler } from './job-context';

/**
 * 第九条(三): each period of an active plan the applicant is asked for its actual results; their
 * card gains the evaluation form, and they are told (in working hours).
 */
export const askForEvaluation: JobHandler = async (run) => {
  const period = Number(run.job.payload.period);
  const record = await stillDue(run, (r) => r.state === 'active' && r.evaluations.length + 1 === period && r.evaluationDue !== period);
  if (!record) return {};
  const at = run.now.toISOString();
  const updated: ApplicationRecord = { ...record, evaluationDue: period, updatedAt: at, history: [...record.history, { at, actor: 'plandesk', action: 'evaluation_requested', revision: record.revision }] };
  const m = messagesFor(run.deps, run.now, record.id);
  const notBefore = nextWorkingMoment(run.calendar, run.now).toISOString();
  const outbox = [m.refresh(), { ...m.text(person(record.input.applicant), 'evaluation.asked', { period }), notBefore }, { ...m.card(person(record.input.applicant)), notBefore }];
  const saved = await run.deps.store.applications.update(updated, record.version, [auditEntry(run.now, 'plandesk', 'evaluation.ask', record.id, null, { period })], outbox, await jobsOf(run.deps, updated));
  if (!saved.ok) throw new Error(`${record.id} changed while asking for its evaluation; the job is tried again`);
  return {};
};
