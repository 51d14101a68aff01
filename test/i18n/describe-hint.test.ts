import { describeHint } from '../../src/i18n/describe-hint';

describe('describeHint', () => {
  it('says each figure in yuan or percent with two decimals, and the tier by its default name', () => {
    expect(
      describeHint({ kind: 'line_price_min', line: 1, product: 'CLOUD-PBX', priceFen: 858, reaches: 'tier1' }, 'zh-CN'),
    ).toBe('第 1 行“CLOUD-PBX”单价不低于 ¥8.58 即可落入一级授权。');
    expect(describeHint({ kind: 'subsidy_max', subsidyFen: 1_200_000, reaches: 'no_approval' }, 'zh-CN')).toBe(
      '补贴不超过 ¥12,000.00 即无需审批(在分公司权限之内)。',
    );
    expect(
      describeHint({ kind: 'commission_max', commissionBp: 800, reaches: 'tier2', avoids: 'leadership' }, 'zh-CN'),
    ).toBe('代理酬金比例不超过 8.00% 即可落入二级授权,不需要上报领导。');
    expect(describeHint({ kind: 'price_floor_cost', line: 2, product: 'CLOUD-DESK', priceFen: 400 }, 'zh-CN')).toBe(
      '第 2 行“CLOUD-DESK”单价不低于成本 ¥4.00 即可通过成本校验。',
    );
  });

  it('names a tier as the policy names it, in the reader language', () => {
    const names = { tier1: { 'zh-CN': '经管部授权', 'en-US': 'Ops authority' } };
    const hint = { kind: 'subsidy_max', subsidyFen: 96_000, reaches: 'tier1' } as const;

    expect(describeHint(hint, 'zh-CN', names)).toBe('补贴不超过 ¥960.00 即可落入经管部授权。');
    expect(describeHint(hint, 'en-US', names)).toBe('A subsidy of at most ¥960.00 places the plan in Ops authority.');
  });

  it('says in English what clears a block', () => {
    expect(
      describeHint(
        { kind: 'line_price_min', line: 1, product: 'CLOUD-PBX', priceFen: 2209, reaches: 'cost_covered' },
        'en-US',
      ),
    ).toBe('A unit price of at least ¥22.09 on line 1 ("CLOUD-PBX") makes the revenue cover the cost.');
    expect(describeHint({ kind: 'commission_max', commissionBp: 0, reaches: 'activity_defined' }, 'en-US')).toBe(
      'An agent commission of at most 0.00% asks for no agent commission, which the activity does not define.',
    );
  });
});
