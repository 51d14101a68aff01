import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogCsv } from '../../src/formats/catalog-csv';
import { describeInputError } from '../../src/i18n/describe-input-error';

const sample = readFileSync(join(__dirname, '../../config/samples/catalog.csv'), 'utf8');
const [header = '', ...rows] = sample.trim().split('\n');

const problemsOf = (csv: string): string[] => {
  const parsed = parseCatalogCsv(csv);
  if (parsed.ok) throw new Error('expected the catalog to be refused');
  return describeInputError(parsed.error, 'en-US');
};

describe('reading the monthly catalog CSV', () => {
  it('reads products with Chinese names and groups them into activities', () => {
    const parsed = parseCatalogCsv(sample);
    if (!parsed.ok) throw new Error(describeInputError(parsed.error, 'en-US').join('\n'));
    expect(parsed.value.products.find((p) => p.code === 'CLOUD-PBX')).toEqual({
      code: 'CLOUD-PBX',
      name: '云总机(每席位)',
      status: 'commercial',
      standardPriceFen: 5000,
      unitCostFen: 2000,
      marketReferenceFen: 4500,
    });
    expect(parsed.value.activities.find((a) => a.code === 'ACT-CLOUD-2026')).toEqual({
      code: 'ACT-CLOUD-2026',
      branchMaxDiscountBp: 1000,
      standardSubsidyBp: 500,
      standardCommissionBp: 300,
      allowedKinds: ['tariff_discount', 'promo_subsidy', 'agent_commission'],
      productCodes: ['CLOUD-PBX', 'CLOUD-DESK'],
    });
  });

  it('reads a file saved by Excel with a byte-order mark', () => {
    expect(parseCatalogCsv(`\uFEFF${sample}`).ok).toBe(true);
  });

  it('refuses the whole file for one bad row, naming its line and column', () => {
    const bad = rows.map((r, i) => (i === 2 ? r.replace(',300000,120000,', ',300000,12.5,') : r));
    expect(problemsOf([header, ...bad].join('\n'))).toEqual([
      'catalog.csv: "line 4, unit_cost_fen" is not right: must be a whole number',
    ]);
  });

  it("names the line and column in the reader's language", () => {
    const bad = rows.map((r, i) => (i === 2 ? r.replace(',300000,120000,', ',300000,12.5,') : r));
    const parsed = parseCatalogCsv([header, ...bad].join('\n'));
    expect(!parsed.ok && describeInputError(parsed.error, 'zh-CN')).toEqual([
      'catalog.csv: “第 4 行 unit_cost_fen”填写有误:应为整数',
    ]);
  });

  it('names every bad row, not only the first', () => {
    const bad = rows.map((r, i) =>
      i === 0
        ? r.replace('commercial', 'launched')
        : i === 3
          ? r.replace('tariff_discount|promo_subsidy', 'discount')
          : r,
    );
    const lines = problemsOf([header, ...bad].join('\n'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('line 2, status');
    expect(lines[1]).toContain('line 5, allowed_kinds');
  });

  it('names missing columns', () => {
    const dropSixth = (line: string) =>
      line
        .split(',')
        .filter((_cell, i) => i !== 5)
        .join(',');
    const csv = [header, ...rows.slice(0, 3)].map(dropSixth).join('\n');
    expect(problemsOf(csv)[0]).toContain('missing column(s): market_reference_fen');
  });

  it('refuses an activity whose terms differ between its rows', () => {
    const bad = rows.map((r, i) => (i === 1 ? r.replace('ACT-CLOUD-2026,10,5,3', 'ACT-CLOUD-2026,20,5,3') : r));
    expect(problemsOf([header, ...bad].join('\n'))).toEqual([
      'catalog.csv: "line 3, branch_max_discount_pct" is not right: branch_max_discount_pct differs from line 2 of the same activity',
    ]);
  });

  it('refuses the same product twice in one activity', () => {
    expect(problemsOf([header, ...rows, rows[0]].join('\n'))[0]).toContain(
      'repeats an earlier entry: ACT-CLOUD-2026/CLOUD-PBX (line 2)',
    );
  });

  it('refuses an empty file', () => {
    expect(problemsOf(`${header}\n`)[0]).toContain('empty');
  });
});
