import type { WorkingCalendar } from '../../domain/business-days';
import type { ApplicationRecord } from '../records/application-record';
import type { ApprovalDeps } from '../common/deps';
import type { Job, JobEffects } from '../ports/jobs';

/** What a job handler gets: the use cases' dependencies and the tick's time. */
export interface JobRun {
  deps: ApprovalDeps;
  calendar: WorkingCalendar;
  now: Date;
  job: Job;
}

/**
 * A handler does its work and says what else to commit with the job's completion. A handler that
 * changes its application saves it itself (with the application's new jobs) and returns no effects.
 */
export type JobHandler = (run: JobRun) => Promise<JobEffects>;

/** The job's application when the job still means what it meant when scheduled; null when it no longer applies. */
export async function stillDue(
  run: JobRun,
  check: (record: ApplicationRecord) => boolean,
): Promise<ApplicationRecord | null> {
  if (!run.job.applicationId) return null;
  const record = await run.deps.store.applications.get(run.job.applicationId);
  return record && check(record) ? record : null;
}

/** The step a step job was scheduled for is still pending on the same approver, in the same revision. */
export const samePendingStep =
  (job: Job) =>
  (record: ApplicationRecord): boolean => {
    const step = record.steps[Number(job.payload.step)];
    return (
      record.state === 'in_review' &&
      record.revision === Number(job.payload.revision) &&
      step?.status === 'pending' &&
      step.assignee === job.payload.assignee
    );
  };
