import { planEnd } from '../../domain/lifecycle';
import type { Result } from '../../domain/result';
import { endEarly } from '../../domain/workflow';
import { commitChange } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, loadCaseFor, withCase } from '../common/load-case';
import { channel, messagesFor, person } from '../common/outbox-messages';
import { nameOf } from '../common/people';
import { refused } from '../common/refuse';
import type { ApplicationRecord } from '../records/application-record';
import type { ActError } from './applicant-actions';

export interface EndPlanCommand {
  applicationId: string;
  /** The plan's new last day, as the card's date input gave it. */
  lastDay: string;
  reason: string;
  actor: string;
}

/**
 * 第九条(三): ops ends a plan before its term, with a reason and the last day its discounts hold. The
 * applicant hears at once with the date and the reason, the unit's channel with the date only (SPEC
 * §7); the plan stays in effect until then, and the day after it expires as at the end of its term —
 * the support center is asked to restore standard tariffs. A refused attempt is audited with what was
 * asked.
 */
export async function endPlan(deps: ApprovalDeps, cmd: EndPlanCommand): Promise<Result<ApplicationRecord, ActError>> {
  // Someone saved in between (a job asking for an evaluation): judge again on what they saved.
  for (let attempt = 1; ; attempt += 1) {
    const result = await endOnce(deps, cmd);
    if (result.ok || result.error.code !== 'stale_version' || attempt >= 3) return result;
  }
}

async function endOnce(deps: ApprovalDeps, cmd: EndPlanCommand): Promise<Result<ApplicationRecord, ActError>> {
  const loaded = await loadCaseFor(deps, cmd.applicationId, cmd.actor);
  if (!loaded.ok) return loaded;
  const { record, directory, actor } = loaded.value;
  const now = deps.clock.now();
  const ended = endEarly(caseOf(record), record.input, { lastDay: cmd.lastDay, reason: cmd.reason, actor, at: now });
  if (!ended.ok)
    return refused(
      deps,
      now,
      cmd.actor,
      record.id,
      { ...ended.error, record },
      { action: 'end', lastDay: cmd.lastDay, reason: cmd.reason },
    );
  const endsEarly = ended.value.endsEarly;
  if (!endsEarly) throw new Error(`${record.id}: ending it early set no end`);
  const { applicant, unit } = record.input;
  const m = messagesFor(deps, now, record.id);
  const outbox = [
    m.refresh(),
    m.text(person(applicant), 'ended.applicant', {
      lastDay: endsEarly.lastDay,
      why: endsEarly.reason,
      by: nameOf(directory, cmd.actor),
    }),
    m.text(channel(`unit:${unit}`), 'ended.channel', { lastDay: endsEarly.lastDay, unit }),
  ];
  return commitChange(deps, now, record, withCase(record, ended.value), {
    actor: cmd.actor,
    history: { action: 'ended_early', comment: endsEarly.reason },
    audit: { action: 'end_early', before: { lastDay: planEnd(record.input).lastDay }, after: endsEarly },
    outbox,
  });
}
