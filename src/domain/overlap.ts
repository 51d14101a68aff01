import type { ApplicationInput } from './application';
import type { ApplicationState } from './application-state';
import { effectiveEnd, type EarlyEnd } from './lifecycle';
import { addMonths, monthOf, type Month } from './local-date';
import type { Fen } from './money';
import { reason, type Reason } from './reason';

/*
 * Overlaps and split deals (第六条's authority by contract value): a group customer's other plan, pending
 * or in effect, on one of the same products in some of the same months. The approver is warned of it, and
 * a policy with `judgeCustomerTotal` judges the contract value of the plans together, so that one deal
 * split in two is not approved on the authority of each half.
 */

/** The states in which another plan of the customer still counts: being decided, carried out, or in effect. */
export const OVERLAPPING_STATES = [
  'in_review',
  'returned',
  'in_fulfillment',
  'active',
] as const satisfies readonly ApplicationState[];

/** Another plan of the customer as overlap needs it: its content, state, early end and contract value. */
export interface OtherPlan {
  id: string;
  state: ApplicationState;
  input: Pick<ApplicationInput, 'customer' | 'startMonth' | 'termMonths' | 'tariffLines'>;
  endsEarly?: EarlyEnd | null;
  /** Its contract value at the standard tariff, as it was judged (null: it was blocked, or never judged). */
  standardFen: Fen | null;
}

/** One other plan that overlaps: which, on which products, in which months, and its contract value. */
export interface Overlap {
  id: string;
  products: string[];
  from: Month;
  to: Month;
  standardFen: Fen | null;
}

/** The first and last month of a plan: its term, or up to the month of the last day ops ended it on. */
function monthsOf(plan: Pick<OtherPlan, 'input' | 'endsEarly'>): { from: Month; to: Month } {
  const from = plan.input.startMonth;
  const termEnd = addMonths(from, plan.input.termMonths - 1);
  const early = plan.endsEarly ? monthOf(effectiveEnd({ input: plan.input, endsEarly: plan.endsEarly }).lastDay) : null;
  return { from, to: early !== null && early < termEnd ? early : termEnd };
}

/**
 * The customer's other plans that overlap `input`: same group customer, a state in OVERLAPPING_STATES,
 * at least one product in common, at least one month in common. `self` (the plan being judged, when it
 * is already filed) is never its own overlap. In the order given.
 */
export function overlappingPlans(
  input: OtherPlan['input'],
  others: readonly OtherPlan[],
  self: string | null = null,
): Overlap[] {
  const mine = monthsOf({ input });
  const products = new Set(input.tariffLines.map((l) => l.product));
  return others.flatMap((other): Overlap[] => {
    if (other.id === self || other.input.customer.groupId !== input.customer.groupId) return [];
    if (!(OVERLAPPING_STATES as readonly ApplicationState[]).includes(other.state)) return [];
    const shared = [...new Set(other.input.tariffLines.map((l) => l.product))].filter((p) => products.has(p));
    const theirs = monthsOf(other);
    const from = mine.from > theirs.from ? mine.from : theirs.from;
    const to = mine.to < theirs.to ? mine.to : theirs.to;
    if (shared.length === 0 || from > to) return [];
    return [{ id: other.id, products: shared.sort(), from, to, standardFen: other.standardFen }];
  });
}

/** The customer's combined contract value: this plan's and every overlapping plan's that was judged. */
export const combinedContractValue = (own: Fen, overlaps: readonly Overlap[]): Fen =>
  overlaps.reduce((sum, o) => sum + (o.standardFen ?? 0), own);

/** The warning each overlap gives, on the preview and the approver's card. */
export const overlapWarnings = (overlaps: readonly Overlap[]): Reason[] =>
  overlaps.map((o) =>
    reason('overlapping_plan', {
      id: o.id,
      overlapFrom: o.from,
      overlapTo: o.to,
      sharedProducts: o.products.join(', '),
    }),
  );
