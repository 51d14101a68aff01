import type { MonthlyReport, ReportStep } from '../app/reporting/report-model';
import { OUTCOMES } from '../app/reporting/report-model';
import { formatBasisPoints } from '../domain/basis-points';
import { tierName } from './describe-reason';
import { t, type Lang } from './index';

/** A chart's figures in the reader's words, whatever draws it: slices, bars, or groups of bars. */
export type ReportChart =
  | { kind: 'donut'; points: { legend: string; value: number }[] }
  | { kind: 'bars' | 'hbars'; axis: 'hours' | 'percent'; points: { x: string; y: number }[] }
  | { kind: 'grouped'; axis: 'hours' | 'percent'; series: { legend: string; values: { x: string; y: number }[] }[] };

/** One part of the report: its heading, its chart (null: nothing to draw), the same figures as facts, and notes. */
export interface ReportSection {
  id: string;
  title: string;
  chart: ReportChart | null;
  facts: { title: string; value: string }[];
  notes: string[];
}

const hours = (minutes: number): number => Math.round(minutes / 6) / 10;
const oneDecimal = (n: number): string => n.toFixed(1);
const percentOf = (bp: number): number => bp / 100;

const stepName = (step: ReportStep, lang: Lang): string =>
  step === 'fulfillment' ? t(lang, 'report.step.fulfillment') : t(lang, `step.${step}`);

/** Whether a chart would draw nothing but a zero line (every bar 0): an axis of 1e-4 ticks tells nobody anything. */
const allZero = (chart: ReportChart | null): boolean =>
  chart !== null &&
  (chart.kind === 'bars' || chart.kind === 'hbars') &&
  chart.points.length > 0 &&
  chart.points.every((p) => p.y === 0);

/**
 * A section with nothing in it says so, rather than drawing an empty chart; one whose bars are all
 * zero (nothing overdue) says its facts in lines instead of drawing a flat chart.
 */
const section = (id: string, title: string, chart: ReportChart | null, facts: ReportSection['facts'], lang: Lang) => {
  const flat = allZero(chart);
  const colon = lang === 'zh-CN' ? ':' : ': ';
  return {
    id,
    title,
    chart: facts.length > 0 && !flat ? chart : null,
    facts,
    notes: facts.length === 0 ? [t(lang, 'report.none')] : flat ? facts.map((f) => `${f.title}${colon}${f.value}`) : [],
  };
};

const DECISIONS = ['approve', 'return', 'reject'] as const;

/** Approve/return/reject rates of some groups, as grouped bars and a fact per group. */
function decisionSection(
  id: string,
  title: string,
  rows: ({ label: string } & MonthlyReport['decisionsByUnit'][number])[],
  lang: Lang,
): ReportSection {
  return section(
    id,
    title,
    {
      kind: 'grouped',
      axis: 'percent',
      series: DECISIONS.map((d) => ({
        legend: t(lang, `report.decision.${d}`),
        values: rows.map((r) => ({ x: r.label, y: r[`${d}Pct`] })),
      })),
    },
    rows.map((r) => ({
      title: r.label,
      value: t(lang, 'report.decision.fact', {
        approve: r.approve,
        return: r.return,
        reject: r.reject,
        approvePct: oneDecimal(r.approvePct),
        returnPct: oneDecimal(r.returnPct),
        rejectPct: oneDecimal(r.rejectPct),
      }),
    })),
    lang,
  );
}

/**
 * The monthly report in the reader's words, part by part: what a card draws (with the facts as the
 * fallback of clients that draw no charts) and what the command line prints.
 */
export function describeReport(report: MonthlyReport, lang: Lang): ReportSection[] {
  const outcomes = OUTCOMES.map((o) => ({ label: t(lang, `report.outcome.${o}`), count: report.outcomes[o] }));
  const active = (['onPace', 'flagged', 'notEvaluated'] as const).map((k) => ({
    label: t(lang, `report.active.${k}`),
    count: report.activePlans[k],
  }));
  const spot = report.spotCheck;
  const spotRows = (['passed', 'issues', 'unchecked'] as const).map((k) => ({
    label: t(lang, `report.spotcheck.${k}`),
    count: spot[k],
  }));
  const count = (n: number) => t(lang, 'report.count', { count: n });
  const donut = (rows: { label: string; count: number }[]): ReportChart => ({
    kind: 'donut',
    points: rows.filter((r) => r.count > 0).map((r) => ({ legend: r.label, value: r.count })),
  });
  const overdue = (rows: { label: string; counted: number; overdue: number; overduePct: number }[]) =>
    rows.map((r) => ({
      title: r.label,
      value: t(lang, 'report.overdue.fact', { overdue: r.overdue, count: r.counted, pct: oneDecimal(r.overduePct) }),
    }));
  const steps = report.overdueBySteps.map((s) => ({ ...s, label: stepName(s.step, lang) }));
  const approvers = report.overdueByApprover.map((a) => ({ ...a, label: a.name }));
  const cycle = report.cycleTimes.map((c) => ({ ...c, label: stepName(c.step, lang) }));
  return [
    section(
      'outcomes',
      t(lang, 'report.outcomes'),
      donut(outcomes),
      report.submitted > 0 ? outcomes.map((o) => ({ title: o.label, value: count(o.count) })) : [],
      lang,
    ),
    section(
      'cycle',
      t(lang, 'report.cycle'),
      {
        kind: 'grouped',
        axis: 'hours',
        series: (['median', 'p90', 'deadline'] as const).map((k) => ({
          legend: t(lang, `report.cycle.${k}`),
          values: cycle.map((c) => ({ x: c.label, y: hours(c[`${k}Minutes`]) })),
        })),
      },
      cycle.map((c) => ({
        title: c.label,
        value: t(lang, 'report.cycle.fact', {
          median: oneDecimal(hours(c.medianMinutes)),
          p90: oneDecimal(hours(c.p90Minutes)),
          deadline: oneDecimal(hours(c.deadlineMinutes)),
          count: c.decided,
        }),
      })),
      lang,
    ),
    section(
      'overdueSteps',
      t(lang, 'report.overdueSteps'),
      { kind: 'bars', axis: 'percent', points: steps.map((s) => ({ x: s.label, y: s.overduePct })) },
      overdue(steps),
      lang,
    ),
    section(
      'overdueApprovers',
      t(lang, 'report.overdueApprovers'),
      { kind: 'hbars', axis: 'percent', points: approvers.map((a) => ({ x: a.label, y: a.overduePct })) },
      overdue(approvers),
      lang,
    ),
    decisionSection(
      'decisionsUnit',
      t(lang, 'report.decisionsUnit'),
      report.decisionsByUnit.map((u) => ({ ...u, label: u.unitName })),
      lang,
    ),
    decisionSection(
      'decisionsTier',
      t(lang, 'report.decisionsTier'),
      report.decisionsByTier.map((r) => ({
        ...r,
        unit: r.tier,
        unitName: r.tier,
        label: tierName(r.tier, lang, report.tierNames),
      })),
      lang,
    ),
    section(
      'economics',
      t(lang, 'report.economics'),
      {
        kind: 'grouped',
        axis: 'percent',
        series: [
          {
            legend: t(lang, 'report.economics.discount'),
            values: report.economicsByUnit.map((u) => ({ x: u.unitName, y: percentOf(u.discountDepthBp.median) })),
          },
          {
            legend: t(lang, 'report.economics.margin'),
            values: report.economicsByUnit.map((u) => ({ x: u.unitName, y: percentOf(u.marginBp.median) })),
          },
        ],
      },
      report.economicsByUnit.map((u) => ({
        title: u.unitName,
        value: t(lang, 'report.economics.fact', {
          count: u.plans,
          discountMin: formatBasisPoints(u.discountDepthBp.min),
          discountMedian: formatBasisPoints(u.discountDepthBp.median),
          discountMax: formatBasisPoints(u.discountDepthBp.max),
          marginMin: formatBasisPoints(u.marginBp.min),
          marginMedian: formatBasisPoints(u.marginBp.median),
          marginMax: formatBasisPoints(u.marginBp.max),
        }),
      })),
      lang,
    ),
    section(
      'active',
      t(lang, 'report.active', { count: report.activePlans.total }),
      donut(active),
      report.activePlans.total > 0 ? active.map((a) => ({ title: a.label, value: count(a.count) })) : [],
      lang,
    ),
    spot.drawn
      ? {
          ...section(
            'spotCheck',
            t(lang, 'report.spotcheck', { count: spot.sampled }),
            donut(spotRows),
            spot.sampled > 0 ? spotRows.map((r) => ({ title: r.label, value: count(r.count) })) : [],
            lang,
          ),
          ...(spot.issueIds.length > 0
            ? { notes: [t(lang, 'report.spotcheck.issueIds', { ids: spot.issueIds.join('、') })] }
            : {}),
        }
      : {
          id: 'spotCheck',
          title: t(lang, 'report.spotcheck', { count: 0 }),
          chart: null,
          facts: [],
          notes: [t(lang, 'report.spotcheck.none')],
        },
  ];
}
