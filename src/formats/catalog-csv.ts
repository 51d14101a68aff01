import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  LINE_KINDS,
  PRODUCT_STATUSES,
  type Activity,
  type CatalogContent,
  type CatalogProduct,
  type LineKind,
} from '../domain/catalog';
import { fail, ok, type Result } from '../domain/result';
import { inputError, problemsFromZod, type FieldProblem, type InputError } from './input-error';
import { LIMITS, percent, text } from './primitives';

const CATALOG_COLUMNS = [
  'product_code',
  'product_name',
  'status',
  'standard_price_fen',
  'unit_cost_fen',
  'market_reference_fen',
  'activity_code',
  'branch_max_discount_pct',
  'standard_subsidy_pct',
  'standard_commission_pct',
  'allowed_kinds',
] as const;

const fenCell = z
  .string()
  .trim()
  .regex(/^\d+$/, { message: 'not_an_integer' })
  .transform(Number)
  .pipe(z.number().max(LIMITS.maxUnitPriceFen));

const kindList = z.string().transform((value, ctx) => {
  const kinds = value
    .split('|')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (kinds.length === 0 || !kinds.every((k): k is LineKind => (LINE_KINDS as readonly string[]).includes(k))) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'bad_kind_list' });
    return z.NEVER;
  }
  return [...new Set(kinds)];
});

const row = z.object({
  product_code: text(64),
  product_name: text(200),
  status: z.enum(PRODUCT_STATUSES),
  standard_price_fen: fenCell.pipe(z.number().min(1)),
  unit_cost_fen: fenCell,
  market_reference_fen: fenCell,
  activity_code: text(64),
  branch_max_discount_pct: percent,
  standard_subsidy_pct: percent,
  standard_commission_pct: percent,
  allowed_kinds: kindList,
});
type Row = z.infer<typeof row>;

const ACTIVITY_TERMS = [
  'branch_max_discount_pct',
  'standard_subsidy_pct',
  'standard_commission_pct',
  'allowed_kinds',
] as const;

/**
 * Reads the product center's monthly catalog CSV (one row per product in an activity). Any bad
 * row refuses the whole import, each problem named with its line number; an activity's terms
 * must agree on every row that names it.
 */
export function parseCatalogCsv(csv: string, source = 'catalog.csv'): Result<CatalogContent, InputError> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { columns: true, info: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    // csv-parse names the line it stopped on.
    const { lines } = error as { lines?: unknown };
    return fail(
      inputError(source, [
        {
          field: '(file)',
          ...(typeof lines === 'number' ? { line: lines } : {}),
          problem: 'other',
          params: { detail: (error as Error).message },
        },
      ]),
    );
  }
  if (records.length === 0) return fail(inputError(source, [{ field: '(file)', problem: 'empty_file', params: {} }]));
  const missing = CATALOG_COLUMNS.filter((c) => !(c in records[0]!.record));
  if (missing.length > 0)
    return fail(
      inputError(source, [
        { field: 'header', line: 1, problem: 'missing_column', params: { columns: missing.join(', ') } },
      ]),
    );

  const problems: FieldProblem[] = [];
  const products = new Map<string, CatalogProduct>();
  const activities = new Map<string, { activity: Activity; line: number; row: Row }>();
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      problems.push(...problemsFromZod(parsed.error.issues).map((p) => ({ ...p, line })));
      continue;
    }
    const r = parsed.data;
    const key = `${r.activity_code}/${r.product_code}`;
    if (seen.has(key)) {
      problems.push({
        field: 'product_code',
        line,
        problem: 'duplicate',
        params: { value: `${key} (line ${seen.get(key)})` },
      });
      continue;
    }
    seen.set(key, line);
    products.set(r.product_code, {
      code: r.product_code,
      name: r.product_name,
      status: r.status,
      standardPriceFen: r.standard_price_fen,
      unitCostFen: r.unit_cost_fen,
      marketReferenceFen: r.market_reference_fen,
    });
    const known = activities.get(r.activity_code);
    if (!known) {
      activities.set(r.activity_code, {
        line,
        row: r,
        activity: {
          code: r.activity_code,
          branchMaxDiscountBp: r.branch_max_discount_pct,
          standardSubsidyBp: r.standard_subsidy_pct,
          standardCommissionBp: r.standard_commission_pct,
          allowedKinds: r.allowed_kinds,
          productCodes: [r.product_code],
        },
      });
      continue;
    }
    for (const column of ACTIVITY_TERMS) {
      if (JSON.stringify(known.row[column]) !== JSON.stringify(r[column])) {
        problems.push({
          field: column,
          line,
          problem: 'activity_mismatch',
          params: { line: known.line, column },
        });
      }
    }
    known.activity.productCodes.push(r.product_code);
  }
  if (problems.length > 0) return fail(inputError(source, problems));
  return ok({ products: [...products.values()], activities: [...activities.values()].map((a) => a.activity) });
}
