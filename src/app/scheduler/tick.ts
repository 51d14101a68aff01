import { addMs } from '../../domain/local-date';
import type { JobKind } from '../../domain/schedule';
import type { ApprovalDeps } from '../common/deps';
import type { JobHandler } from './job-context';
import { expirePlan, expiryNotice, fulfillmentOverdue, nudgeFulfillment } from './plan-jobs';
import { askForEvaluation } from './evaluation-jobs';
import { catalogFreshness, opsMonthlySummary, recurringJobs } from './recurring-jobs';
import { monthlySpotCheck } from './spot-check-jobs';
import { startAbsence } from './absence-jobs';
import { tellAdminsOfUnknownMembers } from './roster-jobs';
import { escalateStep, nudgeStep, stepOverdue } from './step-jobs';

const HANDLERS: Partial<Record<JobKind, JobHandler>> = {
  'step.nudge': nudgeStep,
  'step.overdue': stepOverdue,
  'step.escalate': escalateStep,
  'fulfillment.nudge': nudgeFulfillment,
  'fulfillment.overdue': fulfillmentOverdue,
  'plan.expiry_notice': expiryNotice,
  'plan.expire': expirePlan,
  'plan.evaluation': askForEvaluation,
  'catalog.freshness': catalogFreshness,
  'ops.monthly_summary': opsMonthlySummary,
  'audit.spot_check': monthlySpotCheck,
  'absence.start': startAbsence,
  'roster.unknown': tellAdminsOfUnknownMembers,
};

export interface TickReport {
  ran: number;
  failed: number;
  byKind: Partial<Record<JobKind, number>>;
}

/** A failed job is tried again this much later. */
const RETRY_MS = 5 * 60_000;
/** A claimed job is someone else's for this long; a crashed process's jobs come back after it. */
const LEASE_MS = 2 * 60_000;

/**
 * Runs the jobs due at `now`, in due order, each under a lease so that two processes never run the
 * same one; each job's effects commit with its completion. Claims in batches until nothing is due.
 */
export async function tick(deps: ApprovalDeps, now: Date, owner: string, batch = 200): Promise<TickReport> {
  const report: TickReport = { ran: 0, failed: 0, byKind: {} };
  // The calendar's recurring work is scheduled ahead on every tick; an occurrence already there is kept.
  await deps.store.jobs.schedule(recurringJobs(deps, now));
  for (;;) {
    const jobs = await deps.store.jobs.claimDue(now, batch, owner, addMs(now, LEASE_MS));
    for (const job of jobs) {
      const handler = HANDLERS[job.kind];
      try {
        const effects = handler ? await handler({ deps, calendar: deps.calendar, now, job }) : {};
        if (await deps.store.jobs.complete(job.id, owner, now, effects)) {
          report.ran += 1;
          report.byKind[job.kind] = (report.byKind[job.kind] ?? 0) + 1;
        }
      } catch (error) {
        report.failed += 1;
        await deps.store.jobs.fail(
          job.id,
          owner,
          error instanceof Error ? error.message : String(error),
          addMs(now, RETRY_MS),
        );
      }
    }
    if (jobs.length < batch) return report;
  }
}
