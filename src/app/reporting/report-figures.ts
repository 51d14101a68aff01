import type { WorkingCalendar } from '../../domain/business-days';
import { shanghaiDate } from '../../domain/local-date';
import type { TierId } from '../../domain/policy';
import { TIER_IDS } from '../../domain/policy';
import { workingMinutesBetween } from '../../domain/working-hours';
import type { CaseFacts, PlanFacts, ReportFacts, TimedWork } from '../records/report-facts';
import {
  OUTCOMES,
  REPORT_STEPS,
  type DecisionCounts,
  type MonthlyReport,
  type ReportOutcome,
  type ReportStep,
  type Spread,
} from './report-model';

/** The month being reported on, as instants, and the moment the figures are read. */
export interface ReportPeriod {
  from: Date;
  before: Date;
  asOf: Date;
}

type Tally = { approve: number; return: number; reject: number };
const NO_DECISIONS: Tally = { approve: 0, return: 0, reject: 0 };

/** Replaces a map's value for a key by `change` of it (or of `empty`, the first time). */
function bump<K, V>(map: Map<K, V>, key: K, empty: V, change: (value: V) => V): void {
  map.set(key, change(map.get(key) ?? empty));
}

/** The value at a percentile of sorted numbers by nearest rank (the median of 1, 2, 3, 4 is 2); 0 for none. */
export function nearestRank(sorted: readonly number[], pct: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil((pct / 100) * sorted.length) - 1)] ?? 0;
}

/** A part of a whole as a percent with one decimal; 0 of nothing is 0. */
export const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;

const spreadOf = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: nearestRank(sorted, 50), max: sorted.at(-1) ?? 0 };
};

const counts = (c: Tally): DecisionCounts => {
  const all = c.approve + c.return + c.reject;
  return {
    ...c,
    approvePct: percent(c.approve, all),
    returnPct: percent(c.return, all),
    rejectPct: percent(c.reject, all),
  };
};

const outcomeOf = (facts: CaseFacts): ReportOutcome => {
  switch (facts.state) {
    case 'in_fulfillment':
    case 'active':
    case 'expired':
      return 'approved';
    default:
      return facts.state;
  }
};

/**
 * The report's figures, gathered one application's report facts at a time (`add`, in any order, each
 * once) so the store can hand them over as it reads them; `report` gives them as the model.
 */
export class ReportFigures {
  private submitted = 0;
  private readonly outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<ReportOutcome, number>;
  private readonly cycle = new Map<ReportStep, { took: number[]; allowed: number[] }>();
  private readonly overdueStep = new Map<ReportStep, { counted: number; overdue: number }>();
  private readonly overdueHolder = new Map<string, { counted: number; overdue: number }>();
  private readonly byUnit = new Map<string, Tally>();
  private readonly byTier = new Map<TierId, Tally>();
  private readonly economics = new Map<string, { discount: number[]; margin: number[] }>();
  private readonly active = { total: 0, onPace: 0, flagged: 0, notEvaluated: 0 };

  /** The month's first day in Shanghai, the last day a plan in effect in the month can have ended on. */
  private readonly firstDay: string;
  /** The month's end as ISO text, as report facts keep their instants: a month may count tens of thousands of plans. */
  private readonly beforeIso: string;

  constructor(
    private readonly period: ReportPeriod,
    private readonly calendar: WorkingCalendar,
  ) {
    this.firstDay = shanghaiDate(period.from);
    this.beforeIso = period.before.toISOString();
  }

  private within(iso: string | null): boolean {
    if (!iso) return false;
    const at = new Date(iso);
    return at >= this.period.from && at < this.period.before;
  }

  /** Takes a piece of an application's report facts into the figures (one that has nothing to do with the month changes none). */
  add(facts: ReportFacts): void {
    if (facts.kind === 'plan') return this.addPlan(facts);
    if (this.within(facts.submittedAt)) this.addFiled(facts);
    for (const work of facts.work) this.addWork(facts, work);
  }

  private addFiled(facts: CaseFacts): void {
    this.submitted += 1;
    this.outcomes[outcomeOf(facts)] += 1;
    const e = facts.economics;
    if (!e) return;
    const unit = this.economics.get(facts.unit) ?? { discount: [], margin: [] };
    unit.discount.push(e.discountDepthBp);
    unit.margin.push(e.marginBp);
    this.economics.set(facts.unit, unit);
  }

  private addWork(facts: CaseFacts, work: TimedWork): void {
    const { before } = this.period;
    const decidedInMonth = this.within(work.decidedAt);
    // Or still awaited when the month ended: given before its end and not decided by then.
    const awaited = new Date(work.startedAt) < before && (!work.decidedAt || new Date(work.decidedAt) >= before);
    if (!decidedInMonth && !awaited) return;
    const due = new Date(work.dueAt);
    const end = this.period.asOf < before ? this.period.asOf : before;
    const overdue = decidedInMonth ? new Date(work.decidedAt as string) > due : due < end;
    const addTo = (tally: { counted: number; overdue: number }) => ({
      counted: tally.counted + 1,
      overdue: tally.overdue + (overdue ? 1 : 0),
    });
    bump(this.overdueStep, work.step, { counted: 0, overdue: 0 }, addTo);
    const holder = (decidedInMonth ? work.decidedBy : null) ?? work.holder;
    if (holder) bump(this.overdueHolder, holder, { counted: 0, overdue: 0 }, addTo);
    if (!decidedInMonth) return;
    const started = new Date(work.startedAt);
    // Pushed in place: a busy month decides thousands of steps, and copying the lists each time is quadratic.
    const times = this.cycle.get(work.step) ?? { took: [], allowed: [] };
    times.took.push(workingMinutesBetween(this.calendar, started, new Date(work.decidedAt as string)));
    times.allowed.push(workingMinutesBetween(this.calendar, started, due));
    this.cycle.set(work.step, times);
    const decision = work.decision;
    if (decision === null || decision === 'other') return;
    const decide = (c: Tally) => ({ ...c, [decision]: c[decision] + 1 });
    bump(this.byUnit, facts.unit, NO_DECISIONS, decide);
    if (facts.tier) bump(this.byTier, facts.tier, NO_DECISIONS, decide);
  }

  private addPlan(plan: PlanFacts): void {
    if (plan.activatedAt >= this.beforeIso) return;
    // In effect until its last day, so in the month unless that day came before the month's first.
    if (plan.lastDay < this.firstDay) return;
    this.active.total += 1;
    // The verdict of the latest evaluation before the month's end: the latest change of verdict before it.
    const latest = plan.verdicts.filter((v) => v.reportedAt < this.beforeIso).at(-1);
    if (!latest) this.active.notEvaluated += 1;
    else if (latest.flagged) this.active.flagged += 1;
    else this.active.onPace += 1;
  }

  /** The figures gathered, with the names and the spot check the caller read. */
  report(
    extra: Pick<MonthlyReport, 'month' | 'spotCheck' | 'tierNames'> & {
      unitName: (id: string) => string;
      personName: (id: string) => string;
    },
  ): MonthlyReport {
    const stepOrder = (step: ReportStep) => REPORT_STEPS.indexOf(step);
    return {
      month: extra.month,
      from: this.period.from.toISOString(),
      before: this.period.before.toISOString(),
      asOf: this.period.asOf.toISOString(),
      submitted: this.submitted,
      outcomes: { ...this.outcomes },
      cycleTimes: [...this.cycle]
        .sort(([a], [b]) => stepOrder(a) - stepOrder(b))
        .map(([step, { took, allowed }]) => {
          const sorted = [...took].sort((a, b) => a - b);
          return {
            step,
            decided: took.length,
            medianMinutes: nearestRank(sorted, 50),
            p90Minutes: nearestRank(sorted, 90),
            deadlineMinutes: nearestRank(
              [...allowed].sort((a, b) => a - b),
              50,
            ),
          };
        }),
      overdueBySteps: [...this.overdueStep]
        .sort(([a], [b]) => stepOrder(a) - stepOrder(b))
        .map(([step, t]) => ({ step, ...t, overduePct: percent(t.overdue, t.counted) })),
      overdueByApprover: [...this.overdueHolder]
        .map(([approver, t]) => ({
          approver,
          name: extra.personName(approver),
          ...t,
          overduePct: percent(t.overdue, t.counted),
        }))
        // Worst first; ties by id, so the order never depends on a collation.
        .sort((a, b) => b.overduePct - a.overduePct || b.counted - a.counted || (a.approver < b.approver ? -1 : 1)),
      decisionsByUnit: [...this.byUnit]
        .map(([unit, c]) => ({ unit, unitName: extra.unitName(unit), ...counts(c) }))
        .sort((a, b) => a.unit.localeCompare(b.unit)),
      decisionsByTier: TIER_IDS.flatMap((tier) => {
        const c = this.byTier.get(tier);
        return c ? [{ tier, ...counts(c) }] : [];
      }),
      economicsByUnit: [...this.economics]
        .map(([unit, e]) => ({
          unit,
          unitName: extra.unitName(unit),
          plans: e.discount.length,
          discountDepthBp: spreadOf(e.discount),
          marginBp: spreadOf(e.margin),
        }))
        .sort((a, b) => a.unit.localeCompare(b.unit)),
      activePlans: { ...this.active },
      spotCheck: extra.spotCheck,
      tierNames: extra.tierNames,
    };
  }
}
