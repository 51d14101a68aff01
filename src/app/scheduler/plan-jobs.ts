import { effectiveEnd } from '../../domain/lifecycle';
import { nextWorkingMoment } from '../../domain/working-hours';
import { expire } from '../../domain/workflow';
import { commitChange } from '../common/commit';
import { caseOf, withCase } from '../common/load-case';
import { channel, messagesFor, person } from '../common/outbox-messages';
import type { ApplicationRecord } from '../records/application-record';
import { stillDue, type JobHandler, type JobRun } from './job-context';

/** Messages a job sends about an application, held to working hours (a refresh of posted copies goes at once). */
const heldMessages = (run: JobRun, record: ApplicationRecord) =>
  messagesFor(run.deps, run.now, record.id, { notBefore: nextWorkingMoment(run.calendar, run.now).toISOString() });

const fulfilling = (run: JobRun) => (r: ApplicationRecord) =>
  r.state === 'in_fulfillment' && r.revision === Number(run.job.payload.revision);
/** Still in effect, and still ending on the day the job was scheduled for (ops may have ended it early since). */
const activeUntil = (run: JobRun) => (r: ApplicationRecord) =>
  r.state === 'active' && effectiveEnd(r).lastDay === String(run.job.payload.lastDay);

/** Half the support center's business day gone: the handlers are reminded, with the task card. */
export const nudgeFulfillment: JobHandler = async (run) => {
  const record = await stillDue(run, fulfilling(run));
  if (!record) return {};
  const s = heldMessages(run, record);
  return {
    outbox: [
      s.text(channel('support'), 'reminder.fulfillment', { due: String(run.job.payload.dueAt) }),
      s.card(channel('support')),
    ],
  };
};

/** The support center missed its business day: support, ops and the applicant are told. */
export const fulfillmentOverdue: JobHandler = async (run) => {
  const record = await stillDue(run, fulfilling(run));
  if (!record) return {};
  const s = heldMessages(run, record);
  const params = { due: String(run.job.payload.dueAt), unit: record.input.unit };
  return {
    outbox: [
      s.text(channel('support'), 'overdue.fulfillment', params),
      s.text(channel('ops'), 'overdue.fulfillment', params),
      s.text(person(record.input.applicant), 'overdue.fulfillment_applicant', params),
    ],
  };
};

/** 30 and 7 days ahead and on the day: the applicant and the unit's channel hear that the plan ends. */
export const expiryNotice: JobHandler = async (run) => {
  const record = await stillDue(run, activeUntil(run));
  if (!record) return {};
  const s = heldMessages(run, record);
  const params = {
    daysLeft: Number(run.job.payload.daysLeft),
    lastDay: String(run.job.payload.lastDay),
    unit: record.input.unit,
  };
  return {
    outbox: [
      s.text(person(record.input.applicant), 'expiry.applicant', params),
      s.text(channel(`unit:${record.input.unit}`), 'expiry.channel', params),
    ],
  };
};

/**
 * The day after its last month, or after the last day ops ended it on, the plan is expired (第九条(三)):
 * its discounts are void, the support center is asked to move the customer back to standard tariffs,
 * and the applicant is reminded that continuing needs a new application.
 */
export const expirePlan: JobHandler = async (run) => {
  const record = await stillDue(run, activeUntil(run));
  if (!record) return {};
  const expired = expire(caseOf(record));
  if (!expired.ok) return {};
  const s = heldMessages(run, record);
  const params = { lastDay: String(run.job.payload.lastDay), unit: record.input.unit };
  const outbox = [
    s.refresh(),
    s.text(person(record.input.applicant), 'expired.applicant', params),
    // Their card of the expired plan, with a button that opens a new application prefilled from it.
    s.card(person(record.input.applicant)),
    s.text(channel('support'), 'expired.support', params),
    s.text(channel(`unit:${record.input.unit}`), 'expired.channel', params),
  ];
  const saved = await commitChange(run.deps, run.now, record, withCase(record, expired.value), {
    actor: 'plandesk',
    history: { action: 'expired' },
    audit: { action: 'expire', before: { state: record.state }, after: { state: expired.value.state } },
    outbox,
  });
  if (!saved.ok) throw new Error(`${record.id} changed while expiring; the job is tried again`);
  return {};
};
