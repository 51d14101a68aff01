import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeInputError } from '../../src/i18n/describe-input-error';
import { parsePolicyYaml } from '../../src/formats/policy-yaml';

const sample = readFileSync(join(__dirname, '../../config/samples/policy.yaml'), 'utf8');

describe('reading the approval policy YAML', () => {
  it('reads the sample policy with its thresholds as basis points', () => {
    const parsed = parsePolicyYaml(sample);
    expect(parsed.ok && parsed.value).toEqual({
      maxTermMonths: 36,
      tiers: [
        {
          id: 'tier1',
          name: { 'zh-CN': '一级授权', 'en-US': 'Tier 1 authority' },
          minMarginBp: 2500,
          maxDiscountDepthBp: 3000,
          maxSubsidyBp: 1000,
          maxCommissionBp: 800,
          maxContractValueFen: 100000000,
        },
        {
          id: 'tier2',
          name: { 'zh-CN': '二级授权', 'en-US': 'Tier 2 authority' },
          minMarginBp: 1500,
          maxDiscountDepthBp: 4500,
          maxSubsidyBp: 2000,
          maxCommissionBp: 1200,
          maxContractValueFen: 500000000,
        },
        { id: 'tier3', name: { 'zh-CN': '三级授权', 'en-US': 'Tier 3 authority' } },
      ],
      deadlines: { approvalBusinessDays: 2, fulfillmentBusinessDays: 1 },
      leadershipIsFinal: false,
      judgeCustomerTotal: false,
    });
  });

  it('reads whether a deadline pauses while a question is open, off when a lifecycle section leaves it out', () => {
    const pausing = parsePolicyYaml(`${sample}lifecycle:\n  pauseDeadlineWhileAsking: true\n`);
    expect(pausing.ok && pausing.value.lifecycle?.pauseDeadlineWhileAsking).toBe(true);
    const older = parsePolicyYaml(`${sample}lifecycle:\n  escalationGraceBusinessDays: 2\n`);
    expect(older.ok && older.value.lifecycle).toMatchObject({
      escalationGraceBusinessDays: 2,
      pauseDeadlineWhileAsking: false,
    });
  });

  it.each([
    [
      'a margin with three decimals',
      sample.replace('minMarginPct: 25\n', 'minMarginPct: 25.125\n'),
      'line 7, column 19, tiers[0].minMarginPct',
    ],
    ['tiers out of order', sample.replace('id: tier1', 'id: tierX'), 'line 5, column 9, tiers[0].id'],
    [
      'a zero-day deadline',
      sample.replace('approvalBusinessDays: 2', 'approvalBusinessDays: 0'),
      'line 21, column 36, deadlines.approvalBusinessDays',
    ],
    [
      'a tier name in no language',
      sample.replace('{ zh-CN: 一级授权, en-US: Tier 1 authority }', '一级授权'),
      'line 6, column 11, tiers[0].name',
    ],
    ['an empty tier name', sample.replace('zh-CN: 一级授权', "zh-CN: ' '"), 'line 6, column 20, tiers[0].name.zh-CN'],
    ['an unknown setting', `${sample}\nmaxTerm: 12\n`, 'line 28, column 1, (root)'],
    [
      'a pause that is not yes or no',
      `${sample}lifecycle:\n  pauseDeadlineWhileAsking: sometimes\n`,
      'line 28, column 29, lifecycle.pauseDeadlineWhileAsking',
    ],
  ])('refuses %s, naming the field with its line and column', (_case, yamlText, field) => {
    const parsed = parsePolicyYaml(yamlText);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(describeInputError(parsed.error, 'en-US').join('\n')).toContain(`"${field}"`);
  });

  it("refuses YAML that does not parse, with the parser's words and where it stopped", () => {
    const parsed = parsePolicyYaml('maxTermMonths: 36\ntiers: [ { id: tier1');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(describeInputError(parsed.error, 'zh-CN')[0]).toMatch(/^policy\.yaml: “第 2 行第 \d+ 列”填写有误:\S/);
  });

  it('words the line and column in Chinese for a Chinese reader', () => {
    const parsed = parsePolicyYaml(sample.replace('minMarginPct: 25\n', 'minMarginPct: 25.125\n'));
    expect(!parsed.ok && describeInputError(parsed.error, 'zh-CN')).toEqual([
      'policy.yaml: “第 7 行第 19 列 tiers[0].minMarginPct”填写有误:应为 0 到 100 之间、最多两位小数的百分比',
    ]);
  });
});
