import type { ApplicationState } from '../../domain/application-state';
import type { StepStatus } from '../../domain/approval-step';
import type { Catalog } from '../../domain/catalog';
import type { Economics } from '../../domain/economics';
import type { TierId, TierNames } from '../../domain/policy';
import type { StepId } from '../../domain/route';
import type { ApplicationRecord, HistoryAction } from '../records/application-record';
import type { NameBook } from './export-names';

/** Someone as an export shows them: their id, and their name where a directory version had them. */
export interface Named {
  id: string;
  name: string | null;
}

/** A spot-check finding an auditor recorded on a plan. */
export interface ExportedFinding {
  month: string;
  result: 'pass' | 'issue';
  note: string | null;
  by: Named;
  at: string;
}

/**
 * One application as an export row: codes and figures, no words (those are the reader's language's,
 * made where the file is written). Money in fen, ratios in basis points, times as ISO instants.
 */
export interface ApplicationExportRow {
  id: string;
  unit: Named;
  applicant: Named;
  customer: { name: string; groupId: string };
  activity: string;
  products: { code: string; name: string | null; quantity: number; unitPriceFen: number }[];
  startMonth: string;
  termMonths: number;
  economics: Economics | null;
  tier: TierId | null;
  /** The tier's names in the policy version the plan was judged on. */
  tierNames: TierNames;
  /** The current revision's route: each step, who holds it, and how it stands. */
  route: {
    step: StepId;
    assignee: Named;
    status: StepStatus;
    decidedBy: Named | null;
    decidedAt: string | null;
    comment: string | null;
  }[];
  /** Every decision and hand-over on a step, every revision's, oldest first: who, what, when. */
  decisions: { at: string; actor: Named; action: HistoryAction; revision: number; comment: string | null }[];
  state: ApplicationState;
  submittedAt: string;
  activatedAt: string | null;
  evaluations: {
    period: number;
    reportedAt: string;
    reportedBy: Named;
    actualRevenueFen: number;
    expectedRevenueToDateFen: number;
    actualSubscribers: number;
    flagged: boolean;
  }[];
  findings: ExportedFinding[];
}

/** What building a row looks up: names, the catalog version the plan was judged on, its tier names. */
export interface RowContext {
  names: NameBook;
  catalog: Catalog | null;
  tierNames: TierNames;
  findings: readonly ExportedFinding[];
}

/** An application as an export row. */
export function applicationRow(record: ApplicationRecord, ctx: RowContext): ApplicationExportRow {
  const named = (id: string): Named => ({ id, name: ctx.names.person(id) });
  const { input } = record;
  return {
    id: record.id,
    unit: { id: input.unit, name: ctx.names.unit(input.unit) },
    applicant: named(input.applicant),
    customer: { name: input.customer.name, groupId: input.customer.groupId },
    activity: input.activity,
    products: input.tariffLines.map((line) => ({
      code: line.product,
      name: ctx.catalog?.products.find((p) => p.code === line.product)?.name ?? null,
      quantity: line.quantity,
      unitPriceFen: line.proposedUnitPriceFen,
    })),
    startMonth: input.startMonth,
    termMonths: input.termMonths,
    economics: record.assessment.economics,
    tier: record.assessment.tier,
    tierNames: ctx.tierNames,
    route: record.steps.map((s) => ({
      step: s.step,
      assignee: named(s.assignee),
      status: s.status,
      decidedBy: s.decidedBy === null ? null : named(s.decidedBy),
      decidedAt: s.decidedAt,
      comment: s.comment,
    })),
    decisions: record.history
      .filter((h) => h.action.includes('.'))
      .map((h) => ({
        at: h.at,
        actor: named(h.actor),
        action: h.action,
        revision: h.revision,
        comment: h.comment ?? null,
      })),
    state: record.state,
    submittedAt: record.submittedAt,
    activatedAt: record.activatedAt,
    evaluations: record.evaluations.map((e) => ({
      period: e.period,
      reportedAt: e.reportedAt,
      reportedBy: named(e.reportedBy),
      actualRevenueFen: e.actualRevenueFen,
      expectedRevenueToDateFen: e.expectedRevenueToDateFen,
      actualSubscribers: e.actualSubscribers,
      flagged: e.flagged,
    })),
    findings: [...ctx.findings],
  };
}
