import type { ApplicationInput } from '../../domain/application';
import { assessApplication, type Assessment } from '../../domain/assess';
import { hintsFor, type Hint } from '../../domain/hints';
import type { LocalDate } from '../../domain/local-date';
import { tierNamesOf, type TierNames } from '../../domain/policy';
import type { Reason } from '../../domain/reason';
import { ok, type Result } from '../../domain/result';
import type { AppError } from '../records/refusal';
import { overlapWarnings } from '../../domain/overlap';
import { judgingContext, overlapsOf, type JudgingOverrides } from './judging-context';
import type { Store } from '../ports/store';

export interface Preview {
  assessment: Assessment;
  catalogVersion: number | string;
  policyVersion: number | string;
  warnings: Reason[];
  /** The figures that would meet a missed threshold or clear a block, one at a time. */
  hints: Hint[];
  /** The display names of the judging policy's tiers. */
  tierNames: TierNames;
}

/**
 * What would happen to an application on a date: blocked, not needed, or routed — nothing is saved. The
 * customer's overlapping plans are warned of, and count with the policy's `judgeCustomerTotal`.
 */
export async function previewApplication(
  store: Store,
  input: ApplicationInput,
  on: LocalDate,
  overrides: JudgingOverrides = {},
  /** The application this is a new revision of, when it is one: never its own overlap. */
  self: string | null = null,
): Promise<Result<Preview, AppError>> {
  const context = await judgingContext(store, on, overrides);
  if (!context.ok) return context;
  const { catalog, policy, knownUnits, catalogVersion, policyVersion, warnings } = context.value;
  const overlaps = await overlapsOf(store, input, self);
  const ctx = { catalog, policy, today: on, overlaps, ...(knownUnits ? { knownUnits } : {}) };
  const assessment = assessApplication(input, ctx);
  const hints = hintsFor(input, ctx, assessment);
  return ok({
    assessment,
    catalogVersion,
    policyVersion,
    warnings: [...warnings, ...overlapWarnings(overlaps)],
    hints,
    tierNames: tierNamesOf(policy),
  });
}
