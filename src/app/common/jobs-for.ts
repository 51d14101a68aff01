import type { WorkingCalendar } from '../../domain/business-days';
import { DEFAULT_LIFECYCLE } from '../../domain/lifecycle';
import type { PolicyContent } from '../../domain/policy';
import { dueWork } from '../../domain/schedule';
import type { ApplicationRecord } from '../records/application-record';
import type { Job } from '../ports/jobs';

/** An application's jobs for its current state: ids are stable, so work already done is not done again. */
export function jobsFor(record: ApplicationRecord, policy: PolicyContent, calendar: WorkingCalendar): Job[] {
  const work = dueWork(
    {
      state: record.state,
      revision: record.revision,
      steps: record.steps,
      fulfillment: record.fulfillment,
      input: record.input,
      activatedAt: record.activatedAt,
      evaluationsDone: record.evaluations.length,
      endsEarly: record.endsEarly ?? null,
      questions: record.questions,
    },
    policy.lifecycle ?? DEFAULT_LIFECYCLE,
    calendar,
  );
  return work.map((w) => ({
    id: `${record.id}:${w.kind}:${w.key}`,
    kind: w.kind,
    applicationId: record.id,
    dueAt: w.dueAt.toISOString(),
    payload: w.payload,
  }));
}
