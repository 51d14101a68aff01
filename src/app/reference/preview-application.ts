import type { ApplicationInput } from '../../domain/application';
import { assessApplication, type Assessment } from '../../domain/assess';
import type { LocalDate } from '../../domain/local-date';
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
  const assessment = assessApplication(
    input,
    knownUnits ? { catalog, policy, today: on, knownUnits } : { catalog, policy, today: on },
  );
  return ok({ assessment, catalogVersion, policyVersion, warnings });
}
