import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseApplication, parseApplicationJson } from '../../src/formats/application-json';
import { describeInputError } from '../../src/i18n/describe-input-error';

const sample = readFileSync(join(__dirname, '../../config/samples/application.json'), 'utf8');
const sampleObject = (): Record<string, unknown> => JSON.parse(sample);

const problemsOf = (value: unknown, lang: 'zh-CN' | 'en-US' = 'en-US'): string[] => {
  const parsed = parseApplication(value);
  if (parsed.ok) throw new Error('expected the application to be refused');
  return describeInputError(parsed.error, lang);
};

describe('reading an application', () => {
  it('reads the sample application, with the commission percent held as basis points', () => {
    const parsed = parseApplicationJson(sample);
    expect(parsed.ok && parsed.value).toMatchObject({
      unit: 'pudong-branch',
      termMonths: 12,
      commissionBp: 0,
      preConsultationRef: null,
    });
  });

  it('accepts a commission with two decimals, as a string or a number', () => {
    for (const commissionPct of ['5.25', 5.25]) {
      const parsed = parseApplication({ ...sampleObject(), commissionPct });
      expect(parsed.ok && parsed.value.commissionBp).toBe(525);
    }
  });

  it('removes the invisible characters that reorder or hide text (bidi overrides, zero-width) from names, and refuses a name of nothing else', () => {
    const parsed = parseApplication({
      ...sampleObject(),
      customer: { name: '\u202E司公限有\u202C 精密\u200B制造\uFEFF', groupId: 'G\u2066123\u2069' },
      justification: '\u200D理由',
    });
    expect(parsed.ok && [parsed.value.customer, parsed.value.justification]).toEqual([
      { name: '司公限有 精密制造', groupId: 'G123' },
      '理由',
    ]);
    expect(problemsOf({ ...sampleObject(), customer: { name: '\u202E\u200B', groupId: 'G1' } }).join('\n')).toMatch(
      /customer\.name/,
    );
  });

  it('treats an empty pre-consultation reference as none', () => {
    const parsed = parseApplication({ ...sampleObject(), preConsultationRef: '  ' });
    expect(parsed.ok && parsed.value.preConsultationRef).toBeNull();
  });

  it.each([
    [
      'a negative quantity',
      { tariffLines: [{ product: 'CLOUD-PBX', quantity: -5, proposedUnitPriceFen: 3000 }] },
      'tariffLines[0].quantity',
      'at least 1',
    ],
    [
      'a price in yuan with decimals',
      { tariffLines: [{ product: 'CLOUD-PBX', quantity: 5, proposedUnitPriceFen: 29.9 }] },
      'tariffLines[0].proposedUnitPriceFen',
      'whole number',
    ],
    [
      'an absurd quantity',
      { tariffLines: [{ product: 'CLOUD-PBX', quantity: 1e9, proposedUnitPriceFen: 3000 }] },
      'tariffLines[0].quantity',
      'at most 100000',
    ],
    ['a term given as text', { termMonths: '12' }, 'termMonths', 'must be a number'],
    ['a commission with three decimals', { commissionPct: '5.125' }, 'commissionPct', 'at most two decimals'],
    ['a commission over 100 %', { commissionPct: '120' }, 'commissionPct', 'from 0 to 100'],
    ['a start month that is not a month', { startMonth: '2027-13' }, 'startMonth', 'YYYY-MM'],
    ['no tariff line', { tariffLines: [] }, 'tariffLines', 'at least 1'],
    ['a misspelt field', { termMonth: 12 }, '(root)', 'termMonth'],
  ])('refuses %s, naming the field', (_case, change, field, words) => {
    const lines = problemsOf({ ...sampleObject(), ...change });
    expect(lines.some((l) => l.includes(`"${field}"`) && l.includes(words))).toBe(true);
  });

  it('names every missing field at once', () => {
    const { customer: _c, activity: _a, justification: _j, ...rest } = sampleObject();
    const lines = problemsOf(rest);
    expect(lines).toHaveLength(3);
    for (const field of ['customer', 'activity', 'justification'])
      expect(lines.join('\n')).toContain(`"${field}" is not right: required`);
  });

  it('speaks Chinese by default', () => {
    expect(problemsOf({ ...sampleObject(), termMonths: 0 }, 'zh-CN')[0]).toBe(
      'application: “termMonths”填写有误:不能小于 1',
    );
  });

  it("reports malformed JSON as bad input with the parser's detail", () => {
    const parsed = parseApplicationJson('{"unit": ', 'app.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(describeInputError(parsed.error, 'en-US')[0]).toMatch(
        /^app\.json: "\(file\)" is not right: is not valid JSON: /,
      );
  });
});
