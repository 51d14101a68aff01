import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodIssue } from 'zod';
import { z } from 'zod';
import { DEFAULT_LIFECYCLE } from '../domain/lifecycle';
import { TIER_IDS, type PolicyContent, type Tier } from '../domain/policy';
import { fail, ok, type Result } from '../domain/result';
import { inputError, problemsFromZod, type FieldProblem, type InputError } from './input-error';
import { LIMITS, percent } from './primitives';

const tier = z
  .object({
    id: z.enum(TIER_IDS),
    // Per language: { zh-CN: 一级授权, en-US: Tier 1 authority }.
    name: z.record(z.string().regex(/^[a-z]{2}-[A-Z]{2}$/), z.string().trim().min(1).max(40)).optional(),
    minMarginPct: percent.optional(),
    maxDiscountDepthPct: percent.optional(),
    maxSubsidyPct: percent.optional(),
    maxCommissionPct: percent.optional(),
    maxContractValueFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

const businessDays = z.number().int().min(1).max(30);

/** Ops' approval policy as YAML (issue #2's format); percents as numbers or strings, money in fen. */
const policySchema = z
  .object({
    maxTermMonths: z.number().int().min(1).max(LIMITS.maxTermMonths),
    tiers: z
      .array(tier)
      .min(1)
      .max(TIER_IDS.length)
      .refine((tiers) => tiers.every((t, i) => t.id === TIER_IDS[i]), { message: 'tier_order' }),
    deadlines: z
      .object({ approvalBusinessDays: businessDays.default(2), fulfillmentBusinessDays: businessDays.default(1) })
      .strict()
      .default({}),
    leadershipIsFinal: z.boolean().default(false),
    // Split deals: judge a plan's contract value with the customer's overlapping plans (src/domain/overlap.ts).
    judgeCustomerTotal: z.boolean().default(false),
    lifecycle: z
      .object({
        expiryNoticeDays: z.array(z.number().int().min(1).max(365)).max(5).default(DEFAULT_LIFECYCLE.expiryNoticeDays),
        escalationGraceBusinessDays: z
          .number()
          .int()
          .min(0)
          .max(30)
          .default(DEFAULT_LIFECYCLE.escalationGraceBusinessDays),
        evaluationEveryMonths: z.number().int().min(1).max(12).default(DEFAULT_LIFECYCLE.evaluationEveryMonths),
        evaluationFlagBelowPct: z.number().int().min(1).max(100).default(DEFAULT_LIFECYCLE.evaluationFlagBelowPct),
        spotCheckSharePct: z.number().int().min(1).max(100).default(DEFAULT_LIFECYCLE.spotCheckSharePct),
        pauseDeadlineWhileAsking: z.boolean().default(DEFAULT_LIFECYCLE.pauseDeadlineWhileAsking),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Reads a policy YAML document; every bad field is named, with its line and column. */
export function parsePolicyYaml(yamlText: string, source = 'policy.yaml'): Result<PolicyContent, InputError> {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines });
  if (doc.errors.length > 0)
    return fail(
      inputError(
        source,
        doc.errors.map((error) => ({
          field: '(file)',
          ...(error.linePos ? { line: error.linePos[0].line, col: error.linePos[0].col } : {}),
          problem: 'other',
          // The position is given apart, in the reader's words.
          params: { detail: (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '') },
        })),
      ),
    );
  const parsed = policySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const { issues } = parsed.error;
    // problemsFromZod gives one problem per issue, in order.
    return fail(
      inputError(
        source,
        problemsFromZod(issues).map((p, i) => placed(p, issues[i], doc, lines)),
      ),
    );
  }
  const { tiers, lifecycle, ...rest } = parsed.data;
  return ok({ ...rest, tiers: tiers.map(toTier), ...(lifecycle ? { lifecycle } : {}) });
}

/**
 * A problem with the line and column of the value it concerns: the nearest node on its path that
 * the document has (a missing field is placed at the object that lacks it, an unknown one at its key).
 */
function placed(problem: FieldProblem, issue: ZodIssue | undefined, doc: Document, lines: LineCounter): FieldProblem {
  const path = issue?.path ?? [];
  if (issue?.code === 'unrecognized_keys') {
    const map: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
    const key = isMap(map)
      ? map.items.find((pair) => isScalar(pair.key) && pair.key.value === issue.keys[0])?.key
      : null;
    if (isNode(key) && key.range) return { ...problem, ...lines.linePos(key.range[0]) };
  }
  for (let length = path.length; length >= 0; length--) {
    const node: unknown = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { ...problem, line, col };
    }
  }
  return problem;
}

function toTier(t: z.infer<typeof tier>): Tier {
  const out: Tier = { id: t.id };
  if (t.name !== undefined) out.name = t.name;
  if (t.minMarginPct !== undefined) out.minMarginBp = t.minMarginPct;
  if (t.maxDiscountDepthPct !== undefined) out.maxDiscountDepthBp = t.maxDiscountDepthPct;
  if (t.maxSubsidyPct !== undefined) out.maxSubsidyBp = t.maxSubsidyPct;
  if (t.maxCommissionPct !== undefined) out.maxCommissionBp = t.maxCommissionPct;
  if (t.maxContractValueFen !== undefined) out.maxContractValueFen = t.maxContractValueFen;
  return out;
}
