import type { ApplicationInput } from './application';
import { addMonths, type LocalDate } from './local-date';

/** Ops' settings for what happens around deadlines and over a plan's life (SPEC §6); each has a default. */
export interface LifecycleSettings {
  /** Days before a plan's end when the applicant and the unit's channel are told (and on the day). */
  expiryNoticeDays: number[];
  /** Business days after a missed deadline before the step goes to the approver's delegate, else their head. */
  escalationGraceBusinessDays: number;
  /** Months between evaluations of an active plan. */
  evaluationEveryMonths: number;
  /** An evaluation under this percent of the expected revenue to date is flagged for improvement. */
  evaluationFlagBelowPct: number;
  /** Share of each unit's active plans drawn for the monthly spot check (at least one per unit that has any). */
  spotCheckSharePct: number;
  /**
   * Whether a step's deadline pauses while its approver's question to the applicant (询问) is open:
   * when answered, it moves out by the working time the question was open. Off, the deadline runs on
   * and the approver's reminder says a question is open.
   */
  pauseDeadlineWhileAsking: boolean;
}

export const DEFAULT_LIFECYCLE: LifecycleSettings = {
  expiryNoticeDays: [30, 7],
  escalationGraceBusinessDays: 1,
  evaluationEveryMonths: 3,
  evaluationFlagBelowPct: 80,
  spotCheckSharePct: 10,
  pauseDeadlineWhileAsking: false,
};

/** The last day a plan's discounts hold, and the day it expires (the day after its last month). */
export function planEnd(input: Pick<ApplicationInput, 'startMonth' | 'termMonths'>): {
  lastDay: LocalDate;
  expiresOn: LocalDate;
} {
  const firstMonthAfter = addMonths(input.startMonth, input.termMonths);
  const expiresOn = `${firstMonthAfter}-01`;
  const d = new Date(`${expiresOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return { lastDay: d.toISOString().slice(0, 10), expiresOn };
}

/** One quarterly (by default) report of a plan's actual results against what its application expected. */
export interface EvaluationReport {
  period: number;
  reportedAt: string;
  reportedBy: string;
  actualRevenueFen: number;
  actualSubscribers: number;
  expectedRevenueToDateFen: number;
  flagged: boolean;
}

/**
 * The revenue expected by the end of an evaluation period (pro rata over the term), and whether the
 * actual result is under the flag threshold. Integer arithmetic: flagged iff actual × 100 < expected × pct.
 */
export function judgeEvaluation(
  expectedTotalFen: number,
  termMonths: number,
  monthsElapsed: number,
  actualRevenueFen: number,
  flagBelowPct: number,
) {
  const months = Math.min(monthsElapsed, termMonths);
  const expectedToDate = Math.floor((expectedTotalFen * months) / termMonths);
  return {
    expectedRevenueToDateFen: expectedToDate,
    flagged: BigInt(actualRevenueFen) * 100n < BigInt(expectedToDate) * BigInt(flagBelowPct),
  };
}
