import { blankForm, formValuesFrom, formValuesOf } from '../../../src/bot/form/form-values';
import { MAX_FORM_LINES, type FormValues } from '../../../src/bot/views/view-models';
import { sampleApplication } from '../../domain/fixtures';

const emptyLine = { product: '', quantity: '', proposedPriceYuan: '' };

describe('formValuesFrom', () => {
  it('should read every input of the card by its id', () => {
    const values = formValuesFrom({
      unit: 'pudong-branch',
      activity: 'ACT-CLOUD-2026',
      customerName: '上海某某集团',
      customerGroupId: 'G2100123',
      startMonth: '2027-01',
      termMonths: '12',
      line0Product: 'CLOUD-PBX',
      line0Quantity: '200',
      line0Price: '30',
      line2Product: 'CLOUD-DESK',
      line2Quantity: '10',
      line2Price: '110.50',
      subsidyYuan: '5000',
      commissionPct: '3',
      agentChannel: 'true',
      agentName: '沪闵代理',
      preConsultationRef: 'PC-2026-0042',
      expectedRevenueYuan: '72000',
      expectedSubscribers: '200',
      justification: '客户总部整体迁移。',
    });
    expect(values).toEqual<FormValues>({
      unit: 'pudong-branch',
      activity: 'ACT-CLOUD-2026',
      customerName: '上海某某集团',
      customerGroupId: 'G2100123',
      startMonth: '2027-01',
      termMonths: '12',
      lines: [
        { product: 'CLOUD-PBX', quantity: '200', proposedPriceYuan: '30' },
        emptyLine,
        { product: 'CLOUD-DESK', quantity: '10', proposedPriceYuan: '110.50' },
      ],
      subsidyYuan: '5000',
      commissionPct: '3',
      agentChannel: true,
      agentName: '沪闵代理',
      preConsultationRef: 'PC-2026-0042',
      expectedRevenueYuan: '72000',
      expectedSubscribers: '200',
      justification: '客户总部整体迁移。',
    });
  });

  it.each<[string, unknown, string]>([
    ['a missing input', undefined, ''],
    ['an input sent as null', null, ''],
    ['an Input.Number sent as a number', 200, '200'],
    ['an Input.Number with decimals', 29.9, '29.9'],
    ['text with blanks around it', '  G2100123 \n', 'G2100123'],
    ['blanks only', '   ', ''],
  ])('should read %s as text', (_, sent, read) => {
    expect(formValuesFrom({ customerGroupId: sent }).customerGroupId).toBe(read);
    expect(formValuesFrom({ line1Quantity: sent }).lines[1]?.quantity).toBe(read);
  });

  it.each<[unknown, boolean]>([
    ['true', true],
    [true, true],
    ['false', false],
    [false, false],
    [undefined, false],
    ['', false],
    ['yes', false],
  ])('should read the agent-channel toggle %p as %p', (sent, on) => {
    expect(formValuesFrom({ agentChannel: sent }).agentChannel).toBe(on);
  });

  it('should give an empty card every field empty, with all its line slots', () => {
    const values = formValuesFrom({});
    expect(values.lines).toEqual(Array.from({ length: MAX_FORM_LINES }, () => emptyLine));
    expect(values.agentChannel).toBe(false);
    expect(
      Object.entries(values).filter(([key, value]) => key !== 'lines' && key !== 'agentChannel' && value !== ''),
    ).toEqual([]);
  });

  it('should ignore inputs the form does not have', () => {
    expect(formValuesFrom({ line3Product: 'CLOUD-PBX', applicant: 'someone.else' })).toEqual(formValuesFrom({}));
  });
});

describe('formValuesOf', () => {
  it('should prefill the form with the sample application, money in yuan with two decimals', () => {
    expect(formValuesOf(sampleApplication())).toEqual<FormValues>({
      unit: 'pudong-branch',
      activity: 'ACT-CLOUD-2026',
      customerName: '上海某某集团',
      customerGroupId: 'G2100123',
      startMonth: '2027-01',
      termMonths: '12',
      lines: [{ product: 'CLOUD-PBX', quantity: '200', proposedPriceYuan: '30.00' }, emptyLine, emptyLine],
      subsidyYuan: '5000.00',
      commissionPct: '',
      agentChannel: false,
      agentName: '',
      preConsultationRef: '',
      expectedRevenueYuan: '72000.00',
      expectedSubscribers: '200',
      justification: sampleApplication().justification,
    });
  });

  it.each([
    [1, '0.01'],
    [5, '0.05'],
    [99, '0.99'],
    [2990, '29.90'],
    [100_000, '1000.00'],
    [10_000_000, '100000.00'],
  ])('should show %d fen as %s yuan', (fen, yuan) => {
    const values = formValuesOf({
      ...sampleApplication(),
      tariffLines: [{ product: 'CLOUD-PBX', quantity: 1, proposedUnitPriceFen: fen }],
      subsidyFen: fen,
    });
    expect(values.lines[0]?.proposedPriceYuan).toBe(yuan);
    expect(values.subsidyYuan).toBe(yuan);
  });

  it('should show a commission as a percent and a pre-consultation reference as typed', () => {
    const values = formValuesOf({
      ...sampleApplication(),
      commissionBp: 1250,
      agentChannel: true,
      agentName: 'AG-0123',
      preConsultationRef: 'PC-2026-0042',
    });
    expect([values.commissionPct, values.agentChannel, values.agentName, values.preConsultationRef]).toEqual([
      '12.50',
      true,
      'AG-0123',
      'PC-2026-0042',
    ]);
  });

  it('should show expected revenue of zero as an amount, not as empty', () => {
    expect(formValuesOf({ ...sampleApplication(), expected: { revenueFen: 0, subscribers: 0 } })).toMatchObject({
      expectedRevenueYuan: '0.00',
      expectedSubscribers: '0',
    });
  });
});

describe('blankForm', () => {
  it("should start a new application in the person's unit, from the month given, for a year", () => {
    const form = blankForm('minhang-branch', '2027-01');
    expect(form).toMatchObject({
      unit: 'minhang-branch',
      startMonth: '2027-01',
      termMonths: '12',
      agentChannel: false,
    });
    expect(form.lines).toEqual(Array.from({ length: MAX_FORM_LINES }, () => emptyLine));
    const { unit: _unit, startMonth: _start, termMonths: _term, agentChannel: _agent, lines: _lines, ...rest } = form;
    expect(Object.values(rest).every((v) => v === '')).toBe(true);
  });

  it('should give each call its own lines, so filling one form leaves the next blank', () => {
    const first = blankForm('pudong-branch', '2027-01');
    first.lines[0] = { product: 'CLOUD-PBX', quantity: '1', proposedPriceYuan: '30' };
    expect(blankForm('pudong-branch', '2027-01').lines[0]).toEqual(emptyLine);
  });
});
