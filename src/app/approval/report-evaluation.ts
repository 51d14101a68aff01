import { DEFAULT_LIFECYCLE, judgeEvaluation, type EvaluationReport } from '../../domain/lifecycle';
import { fail, ok, type Result } from '../../domain/result';
import type { Refusal } from '../../domain/workflow';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import type { StaleVersion } from '../ports/store';
import { jobsFor } from '../common/jobs-for';
import type { ApprovalDeps } from '../common/deps';
import { loadCase, type CaseError } from '../common/load-case';
import { channel, messagesFor } from '../common/outbox-messages';

export interface EvaluationCommand {
  applicationId: string;
  period: number;
  actualRevenueFen: number;
  actualSubscribers: number;
  actor: string;
}

type Refused = { code: Refusal['code'] | 'no_evaluation_due'; record: ApplicationRecord };

/**
 * The applicant reports a period's actual revenue and subscribers; under the policy's threshold of
 * what the application expected to date, the plan is flagged for improvement and ops is told.
 */
export async function reportEvaluation(deps: ApprovalDeps, cmd: EvaluationCommand): Promise<Result<ApplicationRecord, CaseError | StaleVersion | Refused | { code: 'no_policy' }>> {
  const loaded = await loadCase(deps, cmd.applicationId);
  if (!loaded.ok) return loaded;
  const { record } = loaded.value;
  const now = deps.clock.now();
  const refuse = async (code: Refused['code']) => {
    await deps.store.audit.append([auditEntry(now, cmd.actor, `refused.${code}`, record.id, null, { action: 'evaluate', period: cmd.period })]);
    return fail<Refused>({ code, record });
  };
  if (cmd.actor !== record.input.applicant) return refuse('not_the_applicant');
  if (record.state !== 'active' || record.evaluationDue !== cmd.period) return refuse('no_evaluation_due');
  const policy = await deps.store.policies.get(record.policyVersion);
  if (!policy) return fail({ code: 'no_policy' });
  const settings = policy.lifecycle ?? DEFAULT_LIFECYCLE;
  const judged = judgeEvaluation(record.input.expected.revenueFen, record.input.termMonths, cmd.period * settings.evaluationEveryMonths, cmd.actualRevenueFen, settings.evaluationFlagBelowPct);
  const report: EvaluationReport = {
    period: cmd.period, reportedAt: now.toISOString(), reportedBy: cmd.actor,
    actualRevenueFen: cmd.actualRevenueFen, actualSubscribers: cmd.actualSubscribers, ...judged,
  };
  const at = now.toISOString();
  const updated: ApplicationRecord = {
    ...record, evaluations: [...record.evaluations, report], evaluationDue: null, updatedAt: at,
    history: [...record.history, { at, actor: cmd.actor, action: judged.flagged ? 'evaluation_flagged' : 'evaluation_reported', revision: record.revision }],
  };
  const m = messagesFor(deps, now, record.id);
  const outbox = [m.refresh(), ...(judged.flagged ? [m.text(channel('ops'), 'evaluation.flagged', { unit: record.input.unit, period: cmd.period })] : [])];
  const saved = await deps.store.applications.update(updated, record.version, [auditEntry(now, cmd.actor, 'evaluate', record.id, null, report)], outbox, jobsFor(updated, policy, deps.calendar));
  return saved.ok ? ok(saved.value) : saved;
}
