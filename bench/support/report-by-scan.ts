/**
 * The month's report as PlanDesk computed it before report facts: every application filed since any
 * plan still in effect could have been (the policy's longest term and a year's lead), and the older ones
 * still open, read whole a page of 200 at a time, newest first — here fed to today's ReportFigures
 * through reportFactsOf, which costs little next to reading and checking whole applications. For the
 * benchmark's "before" line, and to show both give the same figures (the spot check aside).
 */
import type { ApprovalDeps } from '../../src/app/common/deps';
import { nameOf } from '../../src/app/common/people';
import type { ApplicationQuery } from '../../src/app/ports/store';
import { reportFactsOf } from '../../src/app/records/report-facts';
import { ReportFigures } from '../../src/app/reporting/report-figures';
import type { ApplicationState } from '../../src/domain/application-state';
import { addMonths, shanghaiDate, shanghaiInstant, type Month } from '../../src/domain/local-date';
import { tierNamesOf } from '../../src/domain/policy';

const STILL_OPEN: readonly ApplicationState[] = ['in_review', 'returned', 'in_fulfillment', 'active'];

export async function reportByScan(deps: Pick<ApprovalDeps, 'store' | 'clock' | 'calendar'>, month: Month) {
  const from = shanghaiInstant(`${month}-01`);
  const before = shanghaiInstant(`${addMonths(month, 1)}-01`);
  const [directory, policy] = await Promise.all([
    deps.store.directory.get(),
    deps.store.policies.inForceOn(shanghaiDate(new Date(before.getTime() - 1))),
  ]);
  const reach = shanghaiInstant(`${addMonths(month, -((policy?.maxTermMonths ?? 36) + 13))}-01`).toISOString();
  const figures = new ReportFigures({ from, before, asOf: deps.clock.now() }, deps.calendar);
  const queries: ApplicationQuery[] = [
    { submittedFrom: reach, submittedBefore: before.toISOString() },
    { submittedBefore: reach, states: STILL_OPEN },
  ];
  let read = 0;
  for (const query of queries) {
    let cursor: string | null = null;
    do {
      const page = await deps.store.applications.page(query, 200, cursor);
      for (const record of page.records) for (const facts of reportFactsOf(record)) figures.add(facts);
      read += page.records.length;
      cursor = page.next;
    } while (cursor);
  }
  const spotCheck = { drawn: false, sampled: 0, passed: 0, issues: 0, unchecked: 0, issueIds: [] };
  const report = figures.report({
    month,
    spotCheck,
    tierNames: tierNamesOf(policy),
    unitName: (id) => directory?.units.find((u) => u.id === id)?.name ?? id,
    personName: (id) => (directory ? nameOf(directory, id) : id),
  });
  return { read, report };
}
