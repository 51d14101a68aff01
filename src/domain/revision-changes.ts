import type { ApplicationInput } from './application';
import type { ApprovalStep } from './approval-step';

/** A field of the application form that a revision can change; a tariff line's fields name their line. */
export const CHANGE_FIELDS = [
  'unit',
  'customerName',
  'customerGroupId',
  'activity',
  'startMonth',
  'termMonths',
  'product',
  'quantity',
  'unitPrice',
  'subsidy',
  'commission',
  'agentChannel',
  'agentName',
  'preConsultationRef',
  'expectedRevenue',
  'expectedSubscribers',
  'justification',
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** A value as the form holds it: money in fen, commission in basis points; null where a line or reference is absent. */
export type ChangeValue = string | number | boolean | null;

/** One field that differs between two revisions, with both values; `line` (from 1) for a tariff line's fields. */
export interface InputChange {
  field: ChangeField;
  line: number | null;
  before: ChangeValue;
  after: ChangeValue;
}

/** The form's fields, in the order a person reads them, by what they hold. */
function fieldsOf(input: ApplicationInput): [ChangeField, ChangeValue][] {
  return [
    ['unit', input.unit],
    ['customerName', input.customer.name],
    ['customerGroupId', input.customer.groupId],
    ['activity', input.activity],
    ['startMonth', input.startMonth],
    ['termMonths', input.termMonths],
    ['subsidy', input.subsidyFen],
    ['commission', input.commissionBp],
    ['agentChannel', input.agentChannel],
    ['agentName', input.agentName ?? null],
    ['preConsultationRef', input.preConsultationRef],
    ['expectedRevenue', input.expected.revenueFen],
    ['expectedSubscribers', input.expected.subscribers],
    ['justification', input.justification],
  ];
}

/**
 * What a revision changed from an earlier one: every field whose value differs, tariff lines compared
 * line by line (a line added or removed shows as its fields from or to null).
 */
export function inputChanges(before: ApplicationInput, after: ApplicationInput): InputChange[] {
  const changes: InputChange[] = [];
  const old = new Map(fieldsOf(before));
  for (const [field, value] of fieldsOf(after)) {
    const was = old.get(field) ?? null;
    if (was !== value) changes.push({ field, line: null, before: was, after: value });
  }
  const lines = Math.max(before.tariffLines.length, after.tariffLines.length);
  for (let i = 0; i < lines; i++) {
    const [a, b] = [before.tariffLines[i], after.tariffLines[i]];
    const pairs: [ChangeField, ChangeValue, ChangeValue][] = [
      ['product', a?.product ?? null, b?.product ?? null],
      ['quantity', a?.quantity ?? null, b?.quantity ?? null],
      ['unitPrice', a?.proposedUnitPriceFen ?? null, b?.proposedUnitPriceFen ?? null],
    ];
    for (const [field, was, now] of pairs)
      if (was !== now) changes.push({ field, line: i + 1, before: was, after: now });
  }
  // Lines first (prices and quantities are what an approver looks for), then the rest in form order.
  return [...changes.filter((c) => c.line !== null), ...changes.filter((c) => c.line === null)];
}

/** Whether a person had a revision's step before them: they decided it, or it was theirs (or their delegate's) and reached. */
const sawStep = (step: ApprovalStep, person: string): boolean =>
  step.status !== 'waiting' &&
  step.status !== 'cancelled' &&
  (step.decidedBy === person || step.assignee === person || step.delegate === person);

/**
 * The latest earlier revision a person had before them as an approver, or null: the one a revised
 * plan's changes are shown against, so an approver sees everything that changed since they last looked.
 */
export function lastSeenRevision<R extends { revision: number; input: ApplicationInput; steps: ApprovalStep[] }>(
  pastRevisions: readonly R[],
  person: string,
): R | null {
  return [...pastRevisions].reverse().find((r) => r.steps.some((s) => sawStep(s, person))) ?? null;
}
