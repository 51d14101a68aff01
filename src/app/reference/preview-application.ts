import type { ApplicationInput } from '../../domain/application';
import { assessApplication, type Assessment } from '../../domain/assess';
import { hintsFor, type Hint } from '../../domain/hints';
import type { LocalDate } from '../../domain/local-date';
import { tierNamesOf, type TierNames } from '../../domain/policy';
import type { Reason } from '../../domain/reason';
import { ok, type Result } from '../../domain/result';
import type { AppError } from '../records/refusal';
import { judgingContext, type JudgingOverrides } from './judging-context';
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

/** What would happen to an application on a date: blocked, not needed, or routed — nothing is saved. */
export async function previewApplication(
  store: Store,
  input: ApplicationInput,
  on: LocalDate,
  overrides: JudgingOverrides = {},
): Promise<Result<Preview, AppError>> {
  const context = await judgingContext(store, on, overrides);
  if (!context.ok) return context;
  const { catalog, policy, knownUnits, catalogVersion, policyVersion, warnings } = context.value;
  const ctx = knownUnits ? { catalog, policy, today: on, knownUnits } : { catalog, policy, today: on };
  const assessment = assessApplication(input, ctx);
  const hints = hintsFor(input, ctx, assessment);
  return ok({ assessment, catalogVersion, policyVersion, warnings, hints, tierNames: tierNamesOf(policy) });
}
