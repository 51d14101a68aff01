import type { ApplicationInput } from '../domain/application';
import { assessApplication, type Assessment } from '../domain/assess';
import { shanghaiDate } from '../domain/local-date';
import { fail, ok, type Result } from '../domain/result';
import type { ApplicationRecord } from './application-record';
import { auditEntry } from './audit';
import type { AppError } from './errors';
import { judgingContext } from './judging-context';
import type { Clock } from './ports/clock';
import type { Store } from './ports/store';

/** Submission refused by the rules: the applicant sees every reason at once. */
export interface NotSubmitted {
  code: 'blocked' | 'not_needed';
  assessment: Assessment;
}

/**
 * Files an application: judged by the catalog and the policy in force now, recorded with their
 * versions and its route, so later changes of either never re-judge it silently.
 */
export async function submitApplication(
  deps: { store: Store; clock: Clock }, input: ApplicationInput, actor: string,
): Promise<Result<ApplicationRecord, AppError | NotSubmitted>> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const context = await judgingContext(deps.store, today);
  if (!context.ok) return context;
  const { catalog, policy, knownUnits, catalogVersion, policyVersion } = context.value;
  const assessment = assessApplication(input, knownUnits ? { catalog, policy, today, knownUnits } : { catalog, policy, today });
  if (assessment.outcome !== 'routed') return fail({ code: assessment.outcome, assessment });

  const id = await deps.store.applications.nextNumber(Number(today.slice(0, 4)));
  const record: ApplicationRecord = {
    id, version: 1, state: 'in_review', revision: 1, input, assessment,
    catalogVersion: Number(catalogVersion), policyVersion: Number(policyVersion),
    submittedAt: now.toISOString(), updatedAt: now.toISOString(),
    history: [{ at: now.toISOString(), actor, action: 'submitted', revision: 1 }],
  };
  const created = await deps.store.applications.create(record, [auditEntry(now, actor, 'submit', id, null, record)]);
  return created.ok ? ok(created.value) : created;
}
