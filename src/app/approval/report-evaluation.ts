import { evaluationPeriod, evaluationsOutstanding } from '../../domain/evaluation-period';
import { DEFAULT_LIFECYCLE, judgeEvaluation, type EvaluationReport } from '../../domain/lifecycle';
import type { Result } from '../../domain/result';
import { refusalOf } from '../../domain/workflow';
import { commitChange, policyOf } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, loadCaseFor } from '../common/load-case';
import { channel, messagesFor } from '../common/outbox-messages';
import { refused } from '../common/refuse';
import type { ApplicationRecord } from '../records/application-record';
import type { ActError } from './applicant-actions';

export interface EvaluationCommand {
  applicationId: string;
  period: number;
  actualRevenueFen: number;
  actualSubscribers: number;
  actor: string;
}

/**
 * The applicant reports a period's actual revenue and subscribers; either under the policy's threshold
 * of what the application expected by the period's end, the plan is flagged for improvement and ops
 * is told which fell short. When a later period is already due (reports fell behind), it is asked for
 * at once: the card turns to it, so missed periods are reported one after another, in order.
 */
export async function reportEvaluation(
  deps: ApprovalDeps,
  cmd: EvaluationCommand,
): Promise<Result<ApplicationRecord, ActError>> {
  const loaded = await loadCaseFor(deps, cmd.applicationId, cmd.actor);
  if (!loaded.ok) return loaded;
  const { record } = loaded.value;
  const now = deps.clock.now();
  const refusal =
    refusalOf(caseOf(record), loaded.value.actor, 'evaluate') ??
    (record.evaluationDue !== cmd.period ? { code: 'no_evaluation_due' as const } : null);
  if (refusal)
    return refused(deps, now, cmd.actor, record.id, { ...refusal, record }, { action: 'evaluate', period: cmd.period });
  const policy = await policyOf(deps, record);
  const settings = policy.lifecycle ?? DEFAULT_LIFECYCLE;
  const judged = judgeEvaluation(
    {
      expectedRevenueFen: record.input.expected.revenueFen,
      expectedSubscribers: record.input.expected.subscribers,
      actualRevenueFen: cmd.actualRevenueFen,
      actualSubscribers: cmd.actualSubscribers,
    },
    record.input.termMonths,
    cmd.period * settings.evaluationEveryMonths,
    settings.evaluationFlagBelowPct,
  );
  const report: EvaluationReport = {
    period: cmd.period,
    reportedAt: now.toISOString(),
    reportedBy: cmd.actor,
    actualRevenueFen: cmd.actualRevenueFen,
    actualSubscribers: cmd.actualSubscribers,
    ...judged,
  };
  const [next] = evaluationsOutstanding(record, settings, deps.calendar, cmd.period, now);
  const updated: ApplicationRecord = {
    ...record,
    evaluations: [...record.evaluations, report],
    evaluationDue: next?.period ?? null,
  };
  const months = evaluationPeriod(record, settings, deps.calendar, cmd.period);
  const m = messagesFor(deps, now, record.id);
  const outbox = [
    m.refresh(),
    ...(judged.flagged
      ? [
          m.text(channel('ops'), 'evaluation.flagged', {
            unit: record.input.unit,
            period: cmd.period,
            // Which measures fell short (words, not figures: the channel sees no money, SPEC §7).
            shortfalls: judged.shortfalls.join(','),
            ...(months ? { firstMonth: months.firstMonth, lastMonth: months.lastMonth } : {}),
          }),
        ]
      : []),
  ];
  return commitChange(
    deps,
    now,
    record,
    updated,
    {
      actor: cmd.actor,
      history: { action: judged.flagged ? 'evaluation_flagged' : 'evaluation_reported' },
      audit: { action: 'evaluate', before: null, after: report },
      outbox,
    },
    policy,
  );
}
