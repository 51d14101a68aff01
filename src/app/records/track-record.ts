import type { ApplicationState } from '../../domain/application-state';
import type { Overlap } from '../../domain/overlap';
import type { TierId } from '../../domain/policy';

/*
 * The customer's track record on the approver's card (never in channels): the group customer's other
 * plans with how they fared, how plans on the same activity fared, and the plans that overlap this one.
 * Worked out by app/common/track-record.ts.
 */

/** One of the customer's other plans as the track record shows it. */
export interface TrackedPlan {
  id: string;
  state: ApplicationState;
  tier: TierId | null;
  discountDepthBp: number | null;
  startMonth: string;
  termMonths: number;
  /** What its latest evaluation said: on pace, flagged for improvement, or nothing reported yet. */
  evaluation: 'on_pace' | 'flagged' | null;
  /** Its spot-check findings: how many, and how many found an issue. */
  findings: { checked: number; issues: number };
}

/** How the latest plans that took effect on an activity fared. */
export interface ActivityRecord {
  activity: string;
  /** Plans taken over (at most ACTIVITY_SAMPLE), and of those how many were ever flagged or had an issue found. */
  plans: number;
  flagged: number;
  withIssues: number;
}

export interface TrackRecord {
  plans: TrackedPlan[];
  /** The customer's other plans beyond those listed (among the latest fifty). */
  more: number;
  activity: ActivityRecord;
  /** The customer's plans, pending or in effect, on a same product in common months. */
  overlaps: Overlap[];
}
