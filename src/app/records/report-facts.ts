import type { ApplicationState } from '../../domain/application-state';
import type { StepStatus } from '../../domain/approval-step';
import { effectiveEnd } from '../../domain/lifecycle';
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
 * The span of time a piece of report facts can count in: the first moment anything in it happened,
 * and the last (null: open, while work in it is still awaited). A month [from, before) can count it
 * only if `since < before` and `until` is open or `>= from`, so a store reads no other.
 */
interface Span {
  since: string;
  until: string | null;
}

/** The application's case: its unit, tier and state, its filing and how it was judged, every step it was given. */
export interface CaseFacts extends Span {
  kind: 'case';
  unit: string;
  tier: TierId | null;
  state: ApplicationState;
  submittedAt: string;
  /** Discount depth and margin of a plan judged and routed; null for one blocked or not needing approval. */
  economics: { discountDepthBp: number; marginBp: number } | null;
  /** Past revisions' steps, the current ones, then the fulfillment, as the record has them. */
  work: TimedWork[];
}

/** The plan in effect: from when, its last day, and from when its evaluations said it was on pace or flagged. */
export interface PlanFacts extends Span {
  kind: 'plan';
  /** Instants in one form (ISO, UTC, milliseconds), so they compare as text. */
  activatedAt: string;
  lastDay: LocalDate;
  /** Each change of verdict, oldest first: the evaluation that first said so (later ones saying the same add nothing). */
  verdicts: { reportedAt: string; flagged: boolean }[];
}

/**
 * What the monthly report needs of one application and nothing else, in pieces, each with the span of
 * time it can count in: its case, and once it took effect its plan. The store keeps them beside the
 * application, rewritten with every save, so a report reads these instead of whole applications, and
 * only the pieces whose span overlaps the month — a plan in effect for years costs a month's report
 * its few dozen bytes, not its whole history.
 */
export type ReportFacts = CaseFacts | PlanFacts;

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

/** The case: its span runs from the filing (or the first step, if earlier) to the last decision, open while one is awaited. */
function caseFacts(record: ApplicationRecord): CaseFacts {
  const work = timedWork(record);
  const economics = record.assessment.outcome === 'routed' ? record.assessment.economics : null;
  const moments = [
    record.submittedAt,
    ...work.flatMap((w) => (w.decidedAt ? [w.startedAt, w.decidedAt] : [w.startedAt])),
  ];
  return {
    kind: 'case',
    since: earliest(moments),
    until: work.some((w) => w.decidedAt === null) ? null : latest(moments),
    unit: record.input.unit,
    tier: record.assessment.tier,
    state: record.state,
    submittedAt: record.submittedAt,
    economics: economics ? { discountDepthBp: economics.discountDepthBp, marginBp: economics.marginBp } : null,
    work,
  };
}

/**
 * The plan: its span runs from taking effect to the first moment of its last day — the one ops ended
 * it on, if it did (in the month unless that day came before it).
 */
function planFacts(record: ApplicationRecord, activatedAt: string): PlanFacts {
  const { lastDay } = effectiveEnd(record);
  const verdicts: PlanFacts['verdicts'] = [];
  for (const e of [...record.evaluations].sort((a, b) => iso(a.reportedAt).localeCompare(iso(b.reportedAt))))
    if (verdicts.at(-1)?.flagged !== e.flagged) verdicts.push({ reportedAt: iso(e.reportedAt), flagged: e.flagged });
  return {
    kind: 'plan',
    since: iso(activatedAt),
    until: shanghaiInstant(lastDay).toISOString(),
    activatedAt: iso(activatedAt),
    lastDay,
    verdicts,
  };
}

/** An application's report facts: its case, and its plan once in effect (a plan, once in effect, stays so). */
export function reportFactsOf(record: ApplicationRecord): ReportFacts[] {
  const facts: ReportFacts[] = [caseFacts(record)];
  if (record.activatedAt) facts.push(planFacts(record, record.activatedAt));
  return facts;
}
