import { addMonths, monthOf, shanghaiDate } from '../../domain/local-date';
import type { SpotCheckDraw } from '../../domain/spot-check';
import { fail, ok, type Result } from '../../domain/result';
import { tooLong } from '../../domain/text-limits';
import { auditEntry, spotCheckSubject } from '../records/audit';
import { actorOf } from '../common/people';
import type { ApprovalDeps } from '../common/deps';

export interface Finding {
  applicationId: string;
  result: 'pass' | 'issue';
  note: string | null;
  actor: string;
}

export type FindingError =
  | { code: 'not_auditor' }
  | { code: 'not_sampled'; id: string }
  | { code: 'note_required' }
  | NonNullable<ReturnType<typeof tooLong>>;

/** An auditor records the finding on a plan of this or last month's spot check; audited on both. */
export async function recordFinding(
  deps: ApprovalDeps,
  finding: Finding,
): Promise<Result<{ month: string }, FindingError>> {
  const now = deps.clock.now();
  const directory = await deps.store.directory.get();
  if (!directory || !actorOf(directory, finding.actor).roles.includes('auditor')) {
    await deps.store.audit.append([
      auditEntry(now, finding.actor, 'refused.spot_check.finding', finding.applicationId, null, finding),
    ]);
    return fail({ code: 'not_auditor' });
  }
  if (finding.result === 'issue' && !finding.note?.trim()) return fail({ code: 'note_required' });
  const overLimit = tooLong('finding', finding.note);
  if (overLimit) return fail(overLimit);
  const thisMonth = monthOf(shanghaiDate(now));
  for (const month of [thisMonth, addMonths(thisMonth, -1)]) {
    const draws = (await deps.store.audit.about(spotCheckSubject(month))).filter((e) => e.action === 'spot_check.draw');
    const sampled = draws.some((d) =>
      (d.after as SpotCheckDraw).units.some((u) => u.planIds.includes(finding.applicationId)),
    );
    if (!sampled) continue;
    const recorded = { month, result: finding.result, note: finding.note?.trim() || null };
    await deps.store.audit.append([
      auditEntry(now, finding.actor, 'spot_check.finding', finding.applicationId, null, recorded),
      auditEntry(now, finding.actor, 'spot_check.finding', spotCheckSubject(month), null, {
        applicationId: finding.applicationId,
        ...recorded,
      }),
    ]);
    return ok({ month });
  }
  return fail({ code: 'not_sampled', id: finding.applicationId });
}
