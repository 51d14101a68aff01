import fc from 'fast-check';
import { applicationFromForm, yuanToFen, type FieldErrors } from '../../../src/bot/form/application-from-form';
import { formValuesFrom, formValuesOf } from '../../../src/bot/form/form-values';
import type { ApplicationInput } from '../../../src/domain/application';
import type { Result } from '../../../src/domain/result';
import { sampleApplication } from '../../domain/fixtures';

const ZHANG_WEI = '00000000-0000-0000-0000-00000000a001';

/** config/samples/application.json as 张伟 types it into the card: money in yuan, toggles as text. */
const sampleCard: Record<string, unknown> = {
  unit: 'pudong-branch',
  activity: 'ACT-CLOUD-2026',
  customerName: '上海某某集团',
  customerGroupId: 'G2100123',
  startMonth: '2027-01',
  termMonths: '12',
  line0Product: 'CLOUD-PBX',
  line0Quantity: '200',
  line0Price: '30',
  subsidyYuan: '5000',
  commissionPct: '',
  agentChannel: 'false',
  preConsultationRef: '',
  expectedRevenueYuan: '72000',
  expectedSubscribers: '200',
  justification: '竞争对手报价每席位 30 元,客户总部 200 席位整体迁移,三年内有扩容到 500 席位的计划。',
};
const sample = (): ApplicationInput => ({ ...sampleApplication(), applicant: ZHANG_WEI });

const fromCard = (
  changes: Record<string, unknown> = {},
  lang: 'zh-CN' | 'en-US' = 'zh-CN',
): Result<ApplicationInput, FieldErrors> =>
  applicationFromForm(formValuesFrom({ ...sampleCard, ...changes }), ZHANG_WEI, lang);

function errorsOf(result: Result<ApplicationInput, FieldErrors>): FieldErrors {
  if (result.ok) throw new Error('the form was accepted');
  return result.error;
}

describe('yuanToFen', () => {
  it.each([
    ['30', 3000],
    ['29.9', 2990],
    ['29.90', 2990],
    ['0.01', 1],
    ['0', 0],
    ['0.5', 50],
    ['007', 700],
    ['99999999999.99', 9_999_999_999_999],
  ])('should read "%s" yuan as exactly %d fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each([
    ['8.995', 'more than two decimals, which would need rounding'],
    ['0.001', 'a tenth of a fen'],
    ['-1', 'a negative amount'],
    ['1e3', 'scientific notation'],
    ['１２', 'full-width digits'],
    ['', 'nothing'],
    ['.5', 'no whole yuan'],
    ['30.', 'a dangling point'],
    ['1,000', 'a thousands separator (the form strips those first)'],
    [' 30', 'surrounding spaces (the form trims those first)'],
    ['¥30', 'a currency sign'],
    ['30元', 'a unit'],
    ['Infinity', 'infinity'],
    ['0x1F', 'a hexadecimal number'],
    ['100000000000', 'more than eleven digits of yuan'],
  ])('should refuse "%s": %s', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });
});

describe('applicationFromForm', () => {
  it('should read the sample application from the card, money in exact fen', () => {
    expect(fromCard()).toEqual({ ok: true, value: sample() });
  });

  it('should take the applicant from who submits, not from the card', () => {
    const result = applicationFromForm(
      formValuesFrom({ ...sampleCard, applicant: 'someone.else' }),
      ZHANG_WEI,
      'zh-CN',
    );
    expect(result.ok && result.value.applicant).toBe(ZHANG_WEI);
  });

  it('should read numbers that Input.Number sends as numbers', () => {
    const result = fromCard({
      termMonths: 12,
      line0Quantity: 200,
      line0Price: 29.9,
      expectedSubscribers: 200,
      expectedRevenueYuan: 71760,
      commissionPct: 6,
      subsidyYuan: 0,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ...sample(),
        tariffLines: [{ product: 'CLOUD-PBX', quantity: 200, proposedUnitPriceFen: 2990 }],
        subsidyFen: 0,
        commissionBp: 600,
        expected: { revenueFen: 7176000, subscribers: 200 },
      },
    });
  });

  it('should read money with thousands separators and a toggle sent as a boolean', () => {
    const result = fromCard({
      subsidyYuan: '5,000.50',
      expectedRevenueYuan: '72,000',
      agentChannel: true,
      agentName: ' 沪闵代理 ',
      preConsultationRef: ' PC-2026-0042 ',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ...sample(),
        subsidyFen: 500050,
        agentChannel: true,
        agentName: '沪闵代理',
        preConsultationRef: 'PC-2026-0042',
      },
    });
  });

  it('should ask which agent when the plan involves an agent channel, next to the agent field', () => {
    const result = fromCard({ agentChannel: 'true', agentName: '' });
    expect(result).toEqual({ ok: false, error: { agentName: ['涉及代理渠道时,请填写代理商名称或编码'] } });
    // Without an agent channel there is no agent to name, whatever is typed.
    const none = fromCard({ agentChannel: 'false', agentName: '沪闵代理' });
    expect(none.ok && 'agentName' in none.value).toBe(false);
  });

  it('should ignore empty lines wherever they are', () => {
    const result = fromCard({
      line0Product: '',
      line0Quantity: '',
      line0Price: '',
      line1Product: 'CLOUD-PBX',
      line1Quantity: '200',
      line1Price: '30',
      line2Product: 'CLOUD-DESK',
      line2Quantity: '10',
      line2Price: '110.5',
    });
    expect(result.ok && result.value.tariffLines).toEqual([
      { product: 'CLOUD-PBX', quantity: 200, proposedUnitPriceFen: 3000 },
      { product: 'CLOUD-DESK', quantity: 10, proposedUnitPriceFen: 11050 },
    ]);
  });

  it.each<[string, Record<string, unknown>, string, string, string]>([
    [
      'a price with three decimals',
      { line0Price: '8.995' },
      'lines[0].proposedPriceYuan',
      '应为金额(元),最多两位小数',
      'must be an amount in yuan with at most two decimals',
    ],
    [
      'a negative price',
      { line0Price: '-30' },
      'lines[0].proposedPriceYuan',
      '应为金额(元),最多两位小数',
      'must be an amount in yuan with at most two decimals',
    ],
    ['a fractional quantity', { line0Quantity: '2.5' }, 'lines[0].quantity', '应为整数', 'must be a whole number'],
    ['a quantity of zero', { line0Quantity: '0' }, 'lines[0].quantity', '不能小于 1', 'must be at least 1'],
    ['a line without its product', { line0Product: '' }, 'lines[0].product', '必填', 'required'],
    ['a line without its price', { line0Price: '' }, 'lines[0].proposedPriceYuan', '必填', 'required'],
    [
      'no line at all',
      { line0Product: '', line0Quantity: '', line0Price: '' },
      'lines[0].product',
      '至少需要 1 项',
      'needs at least 1 item(s)',
    ],
    ['a missing unit', { unit: '' }, 'unit', '必填', 'required'],
    ['a missing customer name', { customerName: '   ' }, 'customerName', '必填', 'required'],
    ['a missing customer group id', { customerGroupId: undefined }, 'customerGroupId', '必填', 'required'],
    ['a missing activity', { activity: null }, 'activity', '必填', 'required'],
    [
      'a month that does not exist',
      { startMonth: '2027-13' },
      'startMonth',
      '应为 YYYY-MM 格式的月份',
      'must be a month as YYYY-MM',
    ],
    ['a missing term', { termMonths: '' }, 'termMonths', '必填', 'required'],
    ['a term of zero months', { termMonths: '0' }, 'termMonths', '不能小于 1', 'must be at least 1'],
    ['a term in years', { termMonths: '1.5' }, 'termMonths', '应为整数', 'must be a whole number'],
    [
      'a subsidy in fractions of a fen',
      { subsidyYuan: '5000.001' },
      'subsidyYuan',
      '应为金额(元),最多两位小数',
      'must be an amount in yuan with at most two decimals',
    ],
    [
      'a commission with three decimals',
      { commissionPct: '12.345' },
      'commissionPct',
      '应为 0 到 100 之间、最多两位小数的百分比',
      'must be a percent from 0 to 100 with at most two decimals',
    ],
    [
      'a commission above 100 %',
      { commissionPct: '101' },
      'commissionPct',
      '应为 0 到 100 之间、最多两位小数的百分比',
      'must be a percent from 0 to 100 with at most two decimals',
    ],
    [
      'expected revenue in words',
      { expectedRevenueYuan: '七万二' },
      'expectedRevenueYuan',
      '应为金额(元),最多两位小数',
      'must be an amount in yuan with at most two decimals',
    ],
    ['missing expected revenue', { expectedRevenueYuan: '' }, 'expectedRevenueYuan', '必填', 'required'],
    [
      'negative expected subscribers',
      { expectedSubscribers: '-1' },
      'expectedSubscribers',
      '应为整数',
      'must be a whole number',
    ],
    ['a missing justification', { justification: '' }, 'justification', '必填', 'required'],
  ])('should show %s next to its field, in Chinese and in English', (_, changes, field, zh, en) => {
    expect(errorsOf(fromCard(changes, 'zh-CN'))).toEqual({ [field]: [zh] });
    expect(errorsOf(fromCard(changes, 'en-US'))).toEqual({ [field]: [en] });
  });

  it('should name every problem at once, each next to its own field', () => {
    const errors = errorsOf(fromCard({ line0Price: '8.995', customerName: '', termMonths: 0, commissionPct: 'abc' }));
    expect(Object.keys(errors).sort()).toEqual([
      'commissionPct',
      'customerName',
      'lines[0].proposedPriceYuan',
      'termMonths',
    ]);
  });

  it('should put the problems of a line filled in slot 2 on lines[1] when slot 1 is empty', () => {
    const errors = errorsOf(
      fromCard({
        line0Product: '',
        line0Quantity: '',
        line0Price: '',
        line1Product: 'CLOUD-PBX',
        line1Quantity: '0',
        line1Price: '8.995',
      }),
    );
    expect(errors).toEqual({
      'lines[1].quantity': ['不能小于 1'],
      'lines[1].proposedPriceYuan': ['应为金额(元),最多两位小数'],
    });
  });

  it('should put a problem the schema finds on the slot the line was typed in, past an empty one', () => {
    const errors = errorsOf(fromCard({ line2Product: '', line2Quantity: '10', line2Price: '110' }, 'en-US'));
    expect(errors).toEqual({ 'lines[2].product': ['required'] });
  });

  it('should say what is wrong once per field, the typing problem rather than "required"', () => {
    expect(errorsOf(fromCard({ expectedRevenueYuan: 'abc' }))).toEqual({
      expectedRevenueYuan: ['应为金额(元),最多两位小数'],
    });
    expect(errorsOf(fromCard({ line0Quantity: 'many' }))).toEqual({ 'lines[0].quantity': ['应为整数'] });
  });
});

/** The amount a message states, read as a person reads it next to a yuan field: "100,000.00" is 100000. */
function statedAmount(message: string | undefined): number {
  const amount = /\d[\d,]*(\.\d+)?/.exec(message ?? '')?.[0];
  if (!amount) throw new Error(`no amount in "${message}"`);
  return Number(amount.replace(/,/g, ''));
}

/**
 * The schema's limits are in fen; a person typed yuan. Today the fen figure is shown as it is, so
 * 200,000 yuan is refused as "不能大于 10000000" — a limit it does not exceed. These fail until the
 * form states its money limits in yuan.
 */
describe('applicationFromForm: money limits next to a yuan field', () => {
  it.each([
    ['the highest unit price', { line0Price: '100000.01' }, 'lines[0].proposedPriceYuan', 100_000],
    ['the highest subsidy', { subsidyYuan: '10000000000.01' }, 'subsidyYuan', 10_000_000_000],
  ])('should state %s in yuan', (_, changes, field, yuan) => {
    const [message] = errorsOf(fromCard(changes))[field] ?? [];
    expect(statedAmount(message)).toBe(yuan);
  });

  it('should state the lowest unit price as no more than the 0.01 yuan it accepts', () => {
    expect(fromCard({ line0Price: '0.01' }).ok).toBe(true);
    const [message] = errorsOf(fromCard({ line0Price: '0' }))['lines[0].proposedPriceYuan'] ?? [];
    expect(statedAmount(message)).toBeLessThanOrEqual(0.01);
  });
});

describe('formValuesOf and applicationFromForm', () => {
  it('should give back the sample application from its own prefilled form', () => {
    expect(applicationFromForm(formValuesOf(sample()), ZHANG_WEI, 'zh-CN')).toEqual({ ok: true, value: sample() });
  });

  /** Text a person would type: something visible, with no surrounding blanks (the form trims those). */
  const words = fc
    .string({ minLength: 1, maxLength: 40 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

  const anyFields = fc.record({
    unit: fc.constantFrom('pudong-branch', 'video-ops'),
    applicant: fc.constant(ZHANG_WEI),
    customer: fc.record({ name: words, groupId: fc.stringMatching(/^G\d{7}$/) }),
    activity: fc.constantFrom('ACT-CLOUD-2026', 'ACT-IOT-2026'),
    preConsultationRef: fc.option(fc.constant('PC-2026-0042'), { nil: null }),
    startMonth: fc.constantFrom('2027-01', '2027-12'),
    termMonths: fc.integer({ min: 1, max: 120 }),
    agentChannel: fc.boolean(),
    tariffLines: fc.array(
      fc.record({
        product: fc.constantFrom('CLOUD-PBX', 'IOT-CARD'),
        quantity: fc.integer({ min: 1, max: 100_000 }),
        proposedUnitPriceFen: fc.integer({ min: 1, max: 10_000_000 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    subsidyFen: fc.integer({ min: 0, max: 1_000_000_000_000 }),
    commissionBp: fc.integer({ min: 0, max: 10_000 }),
    expected: fc.record({
      revenueFen: fc.integer({ min: 0, max: 9_999_999_999_999 }),
      subscribers: fc.integer({ min: 0, max: 10_000_000 }),
    }),
    justification: words,
  });
  /** A plan through an agent channel names its agent (the form requires it); one without names none. */
  const anyFormApplication: fc.Arbitrary<ApplicationInput> = fc
    .tuple(anyFields, words)
    .map(([fields, agent]) => (fields.agentChannel ? { ...fields, agentName: agent } : fields));

  it('should give back any application of up to three lines from its own prefilled form', () => {
    fc.assert(
      fc.property(anyFormApplication, (input) => {
        expect(applicationFromForm(formValuesOf(input), ZHANG_WEI, 'en-US')).toEqual({ ok: true, value: input });
      }),
      { numRuns: 300 },
    );
  });
});
