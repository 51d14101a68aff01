import type { WorkingCalendar } from '../../domain/business-days';
import { DEFAULT_LIFECYCLE } from '../../domain/lifecycle';
import type { PolicyContent } from '../../domain/policy';
import { dueWork } from '../../domain/schedule';
import type { ApplicationRecord } from '../records/application-record';
import type { Job } from '../ports/jobs';

/** An application's jobs for its current state: ids are stable, so work already done is not done again. */
export function jobsFor(record: ApplicationRecord, policy: PolicyContent, calendar: WorkingCalendar): Job[] {
  const work = dueWork({
    state: record.state, revision: record.revision, steps: record.steps, fulfillment: record.fulfillment, input: record.input,
    activatedAt: record.activatedAt, evaluationsDone: record.evaluations.length,
  }, policy.lifecycle ?? DEFAULT_LIFECYCLE, calendar);
  return work.map((w) => ({ id: `${record.id}:${w.kind}:${w.key}`, kind: w.kind, applicationId: record.id, dueAt: w.dueAt.toISOString(), payload: w.payload }));
}

/** The jobs of an application under the policy it was judged by. */
export async function jobsOf(deps: { store: { policies: { get(version: number): Promise<PolicyContent | null> } }; calendar: WorkingCalendar }, record: ApplicationRecord): Promise<Job[]> {
  const policy = await deps.store.policies.get(record.policyVersion);
  if (!policy) throw new Error(`policy version ${record.policyVersion} of ${record.id} is missing`);
  return jobsFor(record, policy, deps.calendar);
}
