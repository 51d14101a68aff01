import type { BasisPoints } from './basis-points';
import type { LocalDate } from './local-date';
import type { LifecycleSettings } from './lifecycle';
import type { Fen } from './money';

export const TIER_IDS = ['tier1', 'tier2', 'tier3'] as const;
export type TierId = (typeof TIER_IDS)[number];

/** A tier holds for a plan when every threshold it sets holds; an unset threshold always holds. */
export interface Tier {
  id: TierId;
  /** Its name as people read it, by language tag ("zh-CN": "一级授权"); a language without one reads a default. */
  name?: Record<string, string>;
  minMarginBp?: BasisPoints;
  maxDiscountDepthBp?: BasisPoints;
  maxSubsidyBp?: BasisPoints;
  maxCommissionBp?: BasisPoints;
  maxContractValueFen?: Fen;
}

/** The approval policy that ops keeps; each import is a new version with the date it takes effect. */
export interface PolicyContent {
  maxTermMonths: number;
  tiers: Tier[];
  deadlines: { approvalBusinessDays: number; fulfillmentBusinessDays: number };
  /** Rules 第七条(二): beyond ops' authority, ops reports upward and then gives the final reply itself. */
  leadershipIsFinal: boolean;
  /**
   * Judge the contract value of a plan together with the customer's overlapping plans (same product, months
   * in common, pending or in effect), so that splitting one deal does not lower its authority. Default off.
   */
  judgeCustomerTotal?: boolean;
  /** Reminders, escalation, evaluations and spot checks; DEFAULT_LIFECYCLE where unset. */
  lifecycle?: LifecycleSettings;
}

export interface Policy extends PolicyContent {
  version: number;
  effectiveFrom: LocalDate;
  importedAt: string;
  importedBy: string;
}

/** Each tier's display names by language, as a policy gives them (a tier without names is absent). */
export type TierNames = Partial<Record<TierId, Record<string, string>>>;

export const tierNamesOf = (policy: Pick<PolicyContent, 'tiers'> | null): TierNames =>
  Object.fromEntries((policy?.tiers ?? []).flatMap((t) => (t.name ? [[t.id, t.name]] : [])));

/** The version in force on a date: the latest effectiveFrom on or before it (later import wins a tie). */
export function policyInForce<P extends Policy>(policies: readonly P[], date: LocalDate): P | undefined {
  return policies
    .filter((p) => p.effectiveFrom <= date)
    .sort((a, b) =>
      a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1,
    )[0];
}
