import type { ApplicationInput } from '../../src/domain/application';
import type { TierId } from '../../src/domain/policy';
import { routeFor, stepBasis, type RouteStep } from '../../src/domain/route';
import { application, policy } from './fixtures';

const cooperation: RouteStep = { step: 'cooperation', role: 'cooperation_approver' };
const opsApprover: RouteStep = { step: 'ops_review', role: 'ops_approver' };
const opsHead: RouteStep = { step: 'ops_review', role: 'ops_head' };
const leadership: RouteStep = { step: 'leadership', role: 'leader' };
const opsFinal: RouteStep = { step: 'ops_final', role: 'ops_head' };

interface Row {
  rule: string;
  input: Partial<ApplicationInput>;
  tier: TierId;
  leadershipIsFinal?: boolean;
  route: RouteStep[];
}

const rows: Row[] = [
  { rule: 'sends a tier1 plan to the ops approver alone', input: {}, tier: 'tier1', route: [opsApprover] },
  { rule: 'sends a tier2 plan to the ops head', input: {}, tier: 'tier2', route: [opsHead] },
  {
    rule: 'reports a tier3 plan to leadership, then back to the ops head for the final reply',
    input: {},
    tier: 'tier3',
    route: [opsHead, leadership, opsFinal],
  },
  {
    rule: 'ends a tier3 plan with leadership when leadership is final',
    input: {},
    tier: 'tier3',
    leadershipIsFinal: true,
    route: [opsHead, leadership],
  },
  {
    rule: 'asks cooperation first about a plan through an agent channel',
    input: { agentChannel: true },
    tier: 'tier1',
    route: [cooperation, opsApprover],
  },
  {
    rule: 'asks cooperation first about a plan paying a commission',
    input: { commissionBp: 1 },
    tier: 'tier2',
    route: [cooperation, opsHead],
  },
  {
    rule: 'asks cooperation first, then ops, leadership and ops again about a tier3 agent plan',
    input: { agentChannel: true, commissionBp: 500 },
    tier: 'tier3',
    route: [cooperation, opsHead, leadership, opsFinal],
  },
  {
    rule: 'leaves leadership out of a tier2 plan even when leadership is final',
    input: {},
    tier: 'tier2',
    leadershipIsFinal: true,
    route: [opsHead],
  },
];

describe('routeFor', () => {
  it.each(rows)('$rule', ({ input, tier, leadershipIsFinal = false, route }) => {
    expect(routeFor(application(input), tier, { ...policy, leadershipIsFinal })).toEqual(route);
  });
});

describe('why each step is on the route', () => {
  it.each<[string, Partial<ApplicationInput>, TierId, string[]]>([
    ['a tier1 plan: within ops authority', {}, 'tier1', ['ops_authority']],
    ['a tier2 plan: the ops head', {}, 'tier2', ['ops_head_authority']],
    [
      'a tier3 plan: beyond ops, leadership, the final reply',
      {},
      'tier3',
      ['beyond_ops', 'leadership_report', 'ops_final'],
    ],
    ['an agent-channel plan: cooperation first', { agentChannel: true }, 'tier1', ['agent_channel', 'ops_authority']],
    [
      'a plan paying commission only: cooperation too',
      { commissionBp: 300 },
      'tier2',
      ['agent_commission', 'ops_head_authority'],
    ],
  ])('gives %s', (_case, input, tier, bases) => {
    const plan = application(input);
    expect(routeFor(plan, tier, policy).map((s) => stepBasis(s.step, tier, plan))).toEqual(bases);
  });
});
