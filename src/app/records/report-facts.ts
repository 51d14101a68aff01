import type { ApplicationState } from '../../domain/application-state';
import type { StepStatus } from '../../domain/approval-step';
import { planEnd } from '../../domain/lifecycle';
import { shanghaiInstant, type LocalDate } from '../../domain/local-date';
import type { TierId } from '../../domain/policy';
import type { StepId } from '../../domain/route';
import type { ApplicationRecord } from './application-record';

/** A step of an application's life the report times: an approval step, or the support center's fulfillment. */
export type ReportStep = StepId | 'fulfillment';

/** One step's time on someone's desk, however it ended: an approval step or the fulfillment task. */
export interface TimedWork {
  step: ReportStep;
  /** Who holds it: the assignee of a step, who carried out the fulfillment ('' while nobody has). */
  holder: string;
  startedAt: string;
  dueAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decision: 'approve' | 'return' | 'reject' | 'other' | null;
}

/**
 * What the monthly report needs of one application, and nothing else: its unit, tier and state, when it
 * was filed and how it was judged, every step it was given (all revisions) and its fulfillment, and the
 * plan in effect with its evaluations. The store keeps it beside the application, rewritten with every
 * save, so a report reads these instead of whole applications — and only those of the applications
 * whose `since`–`until` span overlaps the month.
 */
export interface ReportFacts {
  unit: string;
  tier: TierId | null;
  state: ApplicationState;
  submittedAt: string;
  /** Discount depth and margin of a plan judged and routed; null for one blocked or not needing approval. */
  economics: { discountDepthBp: number; marginBp: number } | null;
  /** The timed work, in the order of the record: past revisions' steps, the current ones, the fulfillment. */
  work: TimedWork[];
  /** The plan, once in effect: from when, its last day, and each evaluation's time and verdict, in order. */
  plan: { activatedAt: string; lastDay: LocalDate; evaluations: { reportedAt: string; flagged: boolean }[] } | null;
  /** The first moment anything of the application happened (its filing, a step given or decided, its start). */
  since: string;
  /** The last moment anything of it can count in a month; null while work on it is still awaited. */
  until: string | null;
}

const DECISION_OF: Record<StepStatus, TimedWork['decision']> = {
  waiting: null,
  pending: null,
  cancelled: null,
  approved: 'approve',
  returned: 'return',
  rejected: 'reject',
  escalated: 'other',
};

/** Every step of every revision given to someone with a deadline, and the fulfillment task, as timed work. */
function timedWork(record: ApplicationRecord): TimedWork[] {
  const steps = [...record.pastRevisions.flatMap((r) => r.steps), ...record.steps].flatMap((s): TimedWork[] =>
    s.status === 'cancelled' || s.status === 'waiting' || !s.startedAt || !s.dueAt
      ? []
      : [
          {
            step: s.step,
            holder: s.assignee,
            startedAt: s.startedAt,
            dueAt: s.dueAt,
            decidedAt: s.status === 'pending' ? null : s.decidedAt,
            decidedBy: s.decidedBy,
            decision: DECISION_OF[s.status],
          },
        ],
  );
  const task = record.fulfillment;
  if (!task) return steps;
  return [
    ...steps,
    {
      step: 'fulfillment',
      holder: task.doneBy ?? '',
      startedAt: task.createdAt,
      dueAt: task.dueAt,
      decidedAt: task.doneAt,
      decidedBy: task.doneBy,
      decision: null,
    },
  ];
}

const iso = (at: string): string => new Date(at).toISOString();
const earliest = (times: string[]): string => times.map(iso).reduce((a, b) => (b < a ? b : a));
const latest = (times: string[]): string => times.map(iso).reduce((a, b) => (b > a ? b : a));

/**
 * An application's report facts. `since` and `until` bound every moment a month's figures look at —
 * the filing, each step's start and decision (a step still awaited leaves `until` open), the plan's
 * start and the first moment of its last day — so a month [from, before) can only count an application
 * with `since < before` and `until` open or `>= from`, and a store may read no other.
 */
export function reportFactsOf(record: ApplicationRecord): ReportFacts {
  const work = timedWork(record);
  const economics = record.assessment.outcome === 'routed' ? record.assessment.economics : null;
  const plan = record.activatedAt
    ? {
        activatedAt: record.activatedAt,
        lastDay: planEnd(record.input).lastDay,
        evaluations: record.evaluations.map((e) => ({ reportedAt: e.reportedAt, flagged: e.flagged })),
      }
    : null;
  const moments = [
    record.submittedAt,
    ...work.flatMap((w) => (w.decidedAt ? [w.startedAt, w.decidedAt] : [w.startedAt])),
    ...(plan ? [plan.activatedAt, shanghaiInstant(plan.lastDay).toISOString()] : []),
  ];
  return {
    unit: record.input.unit,
    tier: record.assessment.tier,
    state: record.state,
    submittedAt: record.submittedAt,
    economics: economics ? { discountDepthBp: economics.discountDepthBp, marginBp: economics.marginBp } : null,
    work,
    plan,
    since: earliest(moments),
    until: work.some((w) => w.decidedAt === null) ? null : latest(moments),
  };
}
