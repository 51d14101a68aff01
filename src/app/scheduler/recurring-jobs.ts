import { currentAndNextOccurrences } from '../../domain/recurring';
import { catalogIsStale } from '../reference/judging-context';
import { addMonths, isMonth, shanghaiDate } from '../../domain/local-date';
import { reportFigures } from '../reporting/monthly-report';
import type { ApprovalDeps } from '../common/deps';
import { channel, noticeFor, person } from '../common/outbox-messages';
import type { NoticeKey } from '../ports/notice-keys';
import type { Job } from '../ports/jobs';
import type { OutboxMessage, Recipient } from '../ports/store';
import type { JobHandler, JobRun } from './job-context';

/** This and the next occurrence of every recurring job; scheduling them on each tick is harmless (ids repeat). */
export function recurringJobs(deps: Pick<ApprovalDeps, 'calendar'>, now: Date): Job[] {
  return currentAndNextOccurrences(deps.calendar, now).map((o) => ({
    id: `recurring:${o.kind}:${o.key}`,
    kind: o.kind,
    applicationId: null,
    dueAt: o.dueAt.toISOString(),
    payload: { period: o.key },
  }));
}

/** An occurrence of an earlier period that comes due only now (nothing ran for a while) is left to the current one. */
export function supersededOccurrence(run: JobRun): boolean {
  const current = currentAndNextOccurrences(run.calendar, run.now).find((o) => o.kind === run.job.kind)?.key;
  return typeof run.job.payload.period === 'string' && current !== undefined && run.job.payload.period < current;
}

const text = (run: JobRun, to: Recipient, key: NoticeKey, params: Record<string, string | number>): OutboxMessage =>
  noticeFor(run.deps, run.now, to, key, params);

/** 第七条(一): a catalog more than a month old is a warning to its owners and to ops, once a week. */
export const catalogFreshness: JobHandler = async (run) => {
  if (supersededOccurrence(run)) return {};
  const { store } = run.deps;
  const catalog = await store.catalogs.current();
  if (!catalog || !catalogIsStale(shanghaiDate(new Date(catalog.importedAt)), shanghaiDate(run.now))) return {};
  const owners = (await store.directory.get())?.people.filter((p) => p.roles.includes('catalog_owner')) ?? [];
  const params = { version: catalog.version, importedOn: shanghaiDate(new Date(catalog.importedAt)) };
  return {
    outbox: [
      ...owners.map((o) => text(run, person(o.aadObjectId), 'reason.catalog_stale', params)),
      text(run, channel('ops'), 'reason.catalog_stale', params),
    ],
  };
};

/**
 * On each month's first working day ops gets the month before as the report (SPEC §9): the card with
 * its charts in the chat of each person in ops (ops approvers and their head), figures drawn when it is
 * delivered; the ops channel gets the same month in counts only — no money, customers or names (§7).
 */
export const opsMonthlySummary: JobHandler = async (run) => {
  if (supersededOccurrence(run)) return {};
  const period = run.job.payload.period;
  const month = typeof period === 'string' && isMonth(period) ? addMonths(period, -1) : null;
  if (!month) return {};
  const report = await reportFigures(run.deps, month);
  const ops = (await run.deps.store.directory.get())?.people.filter((p) => OPS.some((r) => p.roles.includes(r))) ?? [];
  const overdue = report.overdueBySteps.reduce((sum, s) => sum + s.overdue, 0);
  const counted = report.overdueBySteps.reduce((sum, s) => sum + s.counted, 0);
  return {
    outbox: [
      ...ops.map((p) => text(run, person(p.aadObjectId), 'summary.report', { month })),
      text(run, channel('ops'), 'summary.monthly', {
        month,
        submitted: report.submitted,
        approved: report.outcomes.approved,
        inReview: report.outcomes.in_review,
        returned: report.outcomes.returned,
        rejected: report.outcomes.rejected,
        withdrawn: report.outcomes.withdrawn,
        counted,
        overdue,
        active: report.activePlans.total,
        flagged: report.activePlans.flagged,
        sampled: report.spotCheck.sampled,
        issues: report.spotCheck.issues,
      }),
    ],
  };
};

/** Who gets the monthly report in their own chat. */
const OPS = ['ops_approver', 'ops_head'] as const;
