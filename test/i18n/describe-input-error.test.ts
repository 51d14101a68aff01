import { inputError, type FieldProblem, type ProblemCode } from '../../src/formats/input-error';
import type { Lang } from '../../src/i18n';
import { describeInputError, describeProblem } from '../../src/i18n/describe-input-error';

// Every parameter any problem's words may name, so no placeholder is left because a test gave none.
const PARAMS = {
  min: 3,
  max: 9,
  expected: 'number',
  keys: 'colour',
  options: 'a | b',
  detail: 'bad thing',
  value: 'X-1',
  columns: 'unit_cost_fen',
  line: 4,
  column: 'tier_rules',
  path: 'x.csv',
};
// Every problem code: a code added to src/formats without a row here fails to compile.
const EVERY_PROBLEM: Record<ProblemCode, true> = {
  required: true,
  not_an_integer: true,
  not_a_number: true,
  wrong_type: true,
  too_small: true,
  too_large: true,
  too_long: true,
  too_few: true,
  too_many: true,
  unknown_field: true,
  not_one_of: true,
  other: true,
  malformed_json: true,
  empty_file: true,
  missing_column: true,
  duplicate: true,
  activity_mismatch: true,
  unknown_reference: true,
  bad_date: true,
  bad_month: true,
  bad_percent: true,
  bad_kind_list: true,
  tier_order: true,
  bad_store_location: true,
  not_migration_target: true,
  cosmos_not_configured: true,
  bad_instant: true,
};
const cases = (Object.keys(EVERY_PROBLEM) as ProblemCode[]).flatMap((problem) =>
  (['zh-CN', 'en-US'] as Lang[]).map((lang) => [problem, lang] as const),
);

describe('describeInputError', () => {
  it.each(cases)('should put the problem %s in words in %s, with nothing left to fill in', (problem, lang) => {
    const words = describeProblem({ field: 'termMonths', problem, params: PARAMS }, lang);
    expect(words.length).toBeGreaterThan(0);
    expect(words).not.toMatch(/\{\w+\}|error\./);
  });

  it('should name the source, the field and the limit on one line per problem', () => {
    const problems: FieldProblem[] = [
      { field: 'termMonths', problem: 'too_large', params: { max: 36 } },
      { field: 'startMonth', problem: 'bad_month', params: {} },
    ];
    expect(describeInputError(inputError('app.json', problems), 'en-US')).toEqual([
      expect.stringMatching(/^app\.json: "termMonths" .*36/),
      expect.stringMatching(/^app\.json: "startMonth" .*YYYY-MM/),
    ]);
    expect(describeInputError(inputError('app.json', problems), 'zh-CN')[0]).toBe(
      'app.json: “termMonths”填写有误:不能大于 36',
    );
  });
});
