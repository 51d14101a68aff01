import type { ApplicationInput } from '../../domain/application';
import type { Assessment } from '../../domain/assess';
import type { Hint } from '../../domain/hints';
import { shanghaiDate } from '../../domain/local-date';
import { tierNamesOf, type TierNames } from '../../domain/policy';
import type { Reason } from '../../domain/reason';
import { ok, type Result } from '../../domain/result';
import { stepBasis, type RouteBasis, type StepId } from '../../domain/route';
import { OPS_ROLES } from '../../domain/workflow';
import type { ApprovalDeps } from '../common/deps';
import { approverFor, nameOf, personOf } from '../common/people';
import { refused } from '../common/refuse';
import type { Refusal } from '../records/refusal';
import { previewApplication } from './preview-application';

/** How a plan would be judged, with the route's approvers named (or null when nobody holds the role). */
export interface PreviewModel {
  assessment: Assessment;
  warnings: Reason[];
  /** Each step with the approver it would go to and the rule that puts it on the route. */
  route: { step: StepId; approverName: string | null; basis: RouteBasis }[];
  /** The display names of the tiers of the policy in force. */
  tierNames: TierNames;
  /** The one figure that would meet each missed threshold or clear each block ("what would pass"). */
  hints: Hint[];
}

/**
 * The form's preview for an account manager or ops (it shows cost and margin, from which the catalog's
 * unit costs follow; anyone else is refused, audited): the judgement, the customer's overlaps, the hints.
 */
export async function previewFor(
  deps: ApprovalDeps,
  input: ApplicationInput,
  actor: string,
  self: string | null = null,
): Promise<Result<PreviewModel, Refusal>> {
  // Cost and margin show the catalog's unit costs: the preview is for those who file or judge plans.
  const directory = await deps.store.directory.get();
  const roles = (directory && personOf(directory, actor)?.roles) ?? [];
  if (!roles.some((r) => r === 'applicant' || (OPS_ROLES as readonly string[]).includes(r)))
    return refused(
      deps,
      deps.clock.now(),
      actor,
      `unit:${input.unit}`,
      { code: 'preview_not_allowed' },
      { preview: input },
    );
  const judged = await previewApplication(deps.store, input, shanghaiDate(deps.clock.now()), {}, self);
  if (!judged.ok) return judged;
  const { assessment, warnings, hints } = judged.value;
  return ok(await previewModelOf(deps, input, assessment, warnings, hints));
}
/** A judged application as the form's preview shows it: with the approver each step would go to. */
export async function previewModelOf(
  deps: ApprovalDeps,
  input: ApplicationInput,
  assessment: Assessment,
  warnings: Reason[],
  hints: Hint[],
): Promise<PreviewModel> {
  const [directory, policy, open] = await Promise.all([
    deps.store.directory.get(),
    deps.store.policies.inForceOn(shanghaiDate(deps.clock.now())),
    deps.store.applications.openSteps(),
  ]);
  const route = assessment.route.map((s) => {
    const approver = directory
      ? approverFor(directory, s.role, input.unit, (id) => open.get(id) ?? 0, shanghaiDate(deps.clock.now()))
      : null;
    return {
      step: s.step,
      approverName: approver && directory ? nameOf(directory, approver.assignee) : null,
      basis: stepBasis(s.step, assessment.tier, input),
    };
  });
  return { assessment, warnings, route, tierNames: tierNamesOf(policy), hints };
}
