import type { ApplicationInput } from './application';
import { addDays, addMonths, type LocalDate } from './local-date';

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

type PlanTerm = Pick<ApplicationInput, 'startMonth' | 'termMonths'>;

/** The last day a plan's discounts hold by its term, and the day it expires (the day after its last month). */
export function planEnd(input: PlanTerm): { lastDay: LocalDate; expiresOn: LocalDate } {
  const firstMonthAfter = addMonths(input.startMonth, input.termMonths);
  const expiresOn = `${firstMonthAfter}-01`;
  return { lastDay: addDays(expiresOn, -1), expiresOn };
}

/**
 * 第九条(三): ops ends a plan before its term — its evaluation shows it falls short, or it is at the
 * end of its life. Its discounts hold until `lastDay`; then it expires as at the end of its term.
 */
export interface EarlyEnd {
  lastDay: LocalDate;
  reason: string;
  /** Who ended it (AAD object id) and when (ISO 8601). */
  by: string;
  at: string;
}

/** What a plan's end depends on: its term, and whether ops ended it early (older records: never). */
export interface PlanLife {
  input: PlanTerm;
  endsEarly?: EarlyEnd | null;
}

/**
 * The last day a plan's discounts actually hold and the day it expires: the early end ops set, else
 * the end of its term. Everything that asks when a plan ends (its schedule, its evaluations, search)
 * asks this.
 */
export function effectiveEnd(plan: PlanLife): { lastDay: LocalDate; expiresOn: LocalDate } {
  const early = plan.endsEarly?.lastDay;
  return early ? { lastDay: early, expiresOn: addDays(early, 1) } : planEnd(plan.input);
}

/** What an evaluation judges against the application's expectations. */
export const EVALUATION_MEASURES = ['revenue', 'subscribers'] as const;
export type EvaluationMeasure = (typeof EVALUATION_MEASURES)[number];

/** One quarterly (by default) report of a plan's actual results against what its application expected. */
export interface EvaluationReport {
  period: number;
  reportedAt: string;
  reportedBy: string;
  actualRevenueFen: number;
  actualSubscribers: number;
  expectedRevenueToDateFen: number;
  /** Older reports were judged on revenue alone and have neither of these. */
  expectedSubscribersToDate?: number;
  /** What fell short of its expected figure, in EVALUATION_MEASURES order. */
  shortfalls?: EvaluationMeasure[];
  /** Whether anything fell short: the plan is flagged for improvement. */
  flagged: boolean;
}

/** What fell short in a report (an older report, judged on revenue alone, by its flag). */
export const shortfallsOf = (report: EvaluationReport): EvaluationMeasure[] =>
  report.shortfalls ?? (report.flagged ? ['revenue'] : []);

/** What an evaluation judges: the application's expected totals over the term, and the actual results to date. */
export interface EvaluationFigures {
  expectedRevenueFen: number;
  expectedSubscribers: number;
  actualRevenueFen: number;
  actualSubscribers: number;
}

/**
 * Each measure expected by the end of an evaluation period (pro rata over the term: the rules set no
 * other pace, so subscribers are expected to build up as revenue does), and which actual results are
 * under the flag threshold. Integer arithmetic: short iff actual × 100 < expected × pct.
 */
export function judgeEvaluation(
  figures: EvaluationFigures,
  termMonths: number,
  monthsElapsed: number,
  flagBelowPct: number,
): Required<
  Pick<EvaluationReport, 'expectedRevenueToDateFen' | 'expectedSubscribersToDate' | 'shortfalls' | 'flagged'>
> {
  const months = BigInt(Math.min(monthsElapsed, termMonths));
  const toDate = (total: number) => Number((BigInt(total) * months) / BigInt(termMonths));
  const short = (actual: number, expected: number) => BigInt(actual) * 100n < BigInt(expected) * BigInt(flagBelowPct);
  const expectedRevenueToDateFen = toDate(figures.expectedRevenueFen);
  const expectedSubscribersToDate = toDate(figures.expectedSubscribers);
  const shortfalls: EvaluationMeasure[] = [
    ...(short(figures.actualRevenueFen, expectedRevenueToDateFen) ? ['revenue' as const] : []),
    ...(short(figures.actualSubscribers, expectedSubscribersToDate) ? ['subscribers' as const] : []),
  ];
  return { expectedRevenueToDateFen, expectedSubscribersToDate, shortfalls, flagged: shortfalls.length > 0 };
}
