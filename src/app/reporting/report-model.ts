import type { Month } from '../../domain/local-date';
import type { TierId, TierNames } from '../../domain/policy';
import type { ReportStep } from '../records/report-facts';

export type { ReportStep };
export const REPORT_STEPS: readonly ReportStep[] = [
  'cooperation',
  'ops_review',
  'leadership',
  'ops_final',
  'fulfillment',
];

/** Where an application filed in the month stands now: decided one way or another, or still on its way. */
export const OUTCOMES = ['approved', 'in_review', 'returned', 'rejected', 'withdrawn'] as const;
export type ReportOutcome = (typeof OUTCOMES)[number];

/** The decisions a rate counts: approvals, returns for revision and rejections (an escalation decides nothing yet). */
export interface DecisionCounts {
  approve: number;
  return: number;
  reject: number;
  /** Each as a percent of the three together, one decimal (0 when there were none). */
  approvePct: number;
  returnPct: number;
  rejectPct: number;
}

/** The least, middle (nearest rank) and greatest of some ratios, in basis points. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

/**
 * One month of plans in figures (issue 11, "Reports with charts"), as plain data: the applications
 * filed in the month, and every step decided or awaited in it, whenever its application was filed.
 * Times are working minutes (09:00–18:00 on working days, the calendar deadlines use); rates are
 * percents with one decimal, next to the counts they come from. No money and no customer: ratios,
 * counts and plan numbers only.
 */
export interface MonthlyReport {
  month: Month;
  /** The month as instants (ISO): from its first moment to the first moment of the next, Asia/Shanghai. */
  from: string;
  before: string;
  /** When the figures were read: states and pending steps are as they stood then. */
  asOf: string;
  /** Applications filed in the month. */
  submitted: number;
  /** Applications filed in the month, by where they stand now. */
  outcomes: Record<ReportOutcome, number>;
  /**
   * Steps decided in the month, per step: how many, the median and 90th percentile (nearest rank) of
   * the working time they took, and the median working time their deadline allowed.
   */
  cycleTimes: {
    step: ReportStep;
    decided: number;
    medianMinutes: number;
    p90Minutes: number;
    deadlineMinutes: number;
  }[];
  /**
   * Steps decided in the month or still awaited at its end, per step: how many, and how many of them
   * were decided after their deadline or are still awaited past it.
   */
  overdueBySteps: { step: ReportStep; counted: number; overdue: number; overduePct: number }[];
  /** The same per approver: who decided the step (or holds it, while awaited). */
  overdueByApprover: { approver: string; name: string; counted: number; overdue: number; overduePct: number }[];
  /** Decisions taken in the month, by the plan's unit and by its tier. */
  decisionsByUnit: ({ unit: string; unitName: string } & DecisionCounts)[];
  decisionsByTier: ({ tier: TierId } & DecisionCounts)[];
  /** Plans filed in the month that were judged, by unit: their discount depth and margin. */
  economicsByUnit: { unit: string; unitName: string; plans: number; discountDepthBp: Spread; marginBp: Spread }[];
  /** Plans in effect at some time in the month, by their latest evaluation reported before its end. */
  activePlans: { total: number; onPace: number; flagged: number; notEvaluated: number };
  /** The month's spot check: plans drawn, findings recorded on them, and the plans with an issue. */
  spotCheck: { drawn: boolean; sampled: number; passed: number; issues: number; unchecked: number; issueIds: string[] };
  /** The tiers' names by language in the policy in force at the month's end (a tier without names is absent). */
  tierNames: TierNames;
}
