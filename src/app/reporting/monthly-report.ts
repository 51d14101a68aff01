import { addMonths, isMonth, shanghaiDate, shanghaiInstant, type Month } from '../../domain/local-date';
import { tierNamesOf } from '../../domain/policy';
import type { SpotCheckDraw } from '../../domain/spot-check';
import { ok, type Result } from '../../domain/result';
import type { ApprovalDeps } from '../common/deps';
import { actorOf, nameOf } from '../common/people';
import { refused } from '../common/refuse';
import { auditEntry, spotCheckSubject } from '../records/audit';
import type { Refusal } from '../records/refusal';
import { ReportFigures } from './report-figures';
import type { MonthlyReport } from './report-model';

/** Who may read the monthly report: ops, leadership and the auditors (SPEC §9). */
export const REPORT_READERS = ['ops_approver', 'ops_head', 'leader', 'auditor'] as const;

/** The audit subject of a month's report, under which every reading of it is recorded. */
export const reportSubject = (month: Month): string => `report:${month}`;

/**
 * A month's report for a person who may read it (ops, leaders, auditors), audited as a view;
 * anyone else is refused (`not_report_reader`), audited too.
 */
export async function monthlyReport(
  deps: ApprovalDeps,
  actor: string,
  month: Month,
): Promise<Result<MonthlyReport, Refusal>> {
  const now = deps.clock.now();
  const directory = await deps.store.directory.get();
  const roles = directory ? actorOf(directory, actor).roles : [];
  if (!REPORT_READERS.some((role) => roles.includes(role)))
    return refused(deps, now, actor, reportSubject(month), { code: 'not_report_reader' }, { month });
  const report = await reportFigures(deps, month);
  await deps.store.audit.append([auditEntry(now, actor, 'report.view', reportSubject(month), null, { month })]);
  return ok(report);
}

/**
 * The figures of a month (no one's permission asked: the command line's operator, the scheduler).
 * Read from the report facts the store keeps beside each application, and only from those of the
 * applications that can count in the month: not a scan of every stored application.
 */
export async function reportFigures(deps: Pick<ApprovalDeps, 'store' | 'clock' | 'calendar'>, month: Month) {
  if (!isMonth(month)) throw new RangeError(`not a month: ${month}`);
  const from = shanghaiInstant(`${month}-01`);
  const before = shanghaiInstant(`${addMonths(month, 1)}-01`);
  const lastDay = shanghaiDate(new Date(before.getTime() - 1));
  const [directory, policy] = await Promise.all([deps.store.directory.get(), deps.store.policies.inForceOn(lastDay)]);
  const figures = new ReportFigures({ from, before, asOf: deps.clock.now() }, deps.calendar);
  await deps.store.applications.reportFacts({ from: from.toISOString(), before: before.toISOString() }, (facts) =>
    figures.add(facts),
  );
  return figures.report({
    month,
    spotCheck: await spotCheckOf(deps, month),
    tierNames: tierNamesOf(policy),
    unitName: (id) => directory?.units.find((u) => u.id === id)?.name ?? id,
    personName: (id) => (directory ? nameOf(directory, id) : id),
  });
}

/** The month's spot check from the audit trail: every plan drawn, and the latest finding on each. */
async function spotCheckOf(deps: Pick<ApprovalDeps, 'store'>, month: Month): Promise<MonthlyReport['spotCheck']> {
  const entries = await deps.store.audit.about(spotCheckSubject(month));
  const sampled = new Set<string>();
  const findings = new Map<string, 'pass' | 'issue'>();
  let drawn = false;
  for (const entry of entries) {
    if (entry.action === 'spot_check.draw') {
      drawn = true;
      for (const unit of (entry.after as SpotCheckDraw).units) for (const id of unit.planIds) sampled.add(id);
    }
    if (entry.action === 'spot_check.finding') {
      const finding = entry.after as { applicationId: string; result: 'pass' | 'issue' };
      findings.set(finding.applicationId, finding.result);
    }
  }
  const results = [...sampled].map((id) => findings.get(id));
  return {
    drawn,
    sampled: sampled.size,
    passed: results.filter((r) => r === 'pass').length,
    issues: results.filter((r) => r === 'issue').length,
    unchecked: results.filter((r) => r === undefined).length,
    issueIds: [...sampled].filter((id) => findings.get(id) === 'issue').sort(),
  };
}
