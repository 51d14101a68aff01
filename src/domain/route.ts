import type { ApplicationInput } from './application';
import type { PolicyContent, TierId } from './policy';

export const STEP_IDS = ['cooperation', 'ops_review', 'leadership', 'ops_final'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const APPROVER_ROLES = ['cooperation_approver', 'ops_approver', 'ops_head', 'leader'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

export interface RouteStep {
  step: StepId;
  role: ApproverRole;
}

/**
 * The approval route of 第十一条/第十二条, fixed at submission: agent-channel plans go to
 * cooperation first; ops reviews (tier2 and above by the ops head); tier3 is reported to
 * leadership, after which ops gives the final reply unless the policy makes leadership final.
 */
export function routeFor(input: ApplicationInput, tier: TierId, policy: PolicyContent): RouteStep[] {
  const steps: RouteStep[] = [];
  if (input.agentChannel || input.commissionBp > 0) steps.push({ step: 'cooperation', role: 'cooperation_approver' });
  steps.push({ step: 'ops_review', role: tier === 'tier1' ? 'ops_approver' : 'ops_head' });
  if (tier === 'tier3') {
    steps.push({ step: 'leadership', role: 'leader' });
    if (!policy.leadershipIsFinal) steps.push({ step: 'ops_final', role: 'ops_head' });
  }
  return steps;
}

/** Why a step is on a route, in the rules' terms: the words are made per language in src/i18n. */
export const ROUTE_BASES = [
  'agent_channel',
  'agent_commission',
  'ops_authority',
  'ops_head_authority',
  'beyond_ops',
  'leadership_report',
  'ops_final',
] as const;
export type RouteBasis = (typeof ROUTE_BASES)[number];

/**
 * The rule that put a step on a plan's route (the same facts `routeFor` decided it on): the route is
 * fixed at submission, so a card derives each step's reason from the step, the tier and the plan.
 */
export function stepBasis(
  step: StepId,
  tier: TierId | null,
  input: Pick<ApplicationInput, 'agentChannel' | 'commissionBp'>,
): RouteBasis {
  switch (step) {
    case 'cooperation':
      return input.agentChannel ? 'agent_channel' : 'agent_commission';
    case 'ops_review':
      return tier === 'tier3' ? 'beyond_ops' : tier === 'tier2' ? 'ops_head_authority' : 'ops_authority';
    case 'leadership':
      return 'leadership_report';
    case 'ops_final':
      return 'ops_final';
  }
}
