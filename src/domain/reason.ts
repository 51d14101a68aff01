/**
 * Why an application is blocked, not needed, or routed to its tier. A reason is a stable code
 * plus the figures it speaks of; the words are made per language in src/i18n.
 */
export const BLOCKING_CODES = [
  'unknown_unit',
  'unknown_activity',
  'unknown_product',
  'product_not_in_activity',
  'not_issued',
  'kind_not_allowed',
  'term_out_of_range',
  'start_in_past',
  'line_below_cost',
  'below_cost',
] as const;
export type BlockingCode = (typeof BLOCKING_CODES)[number];

export type ReasonCode =
  | BlockingCode
  | 'within_branch_authority'
  | 'tier_reason'
  | 'catalog_stale'
  /** A warning: the customer has another plan, pending or in effect, on a same product in common months. */
  | 'overlapping_plan'
  /** The tier was judged on the customer's combined contract value (policy `judgeCustomerTotal`). */
  | 'customer_total';

export type ReasonParams = Record<string, string | number>;

export interface Reason {
  code: ReasonCode;
  /** The application field it concerns, so a form can show it next to that field. */
  field?: string;
  params: ReasonParams;
}

export const reason = (code: ReasonCode, params: ReasonParams = {}, field?: string): Reason =>
  field === undefined ? { code, params } : { code, params, field };
