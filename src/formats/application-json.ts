import { z } from 'zod';
import type { ApplicationInput } from '../domain/application';
import { fail, ok, type Result } from '../domain/result';
import { inputError, problemsFromZod, type InputError } from './input-error';
import { fen, LIMITS, month, percent, text } from './primitives';

const tariffLine = z
  .object({
    product: text(64),
    quantity: z.number().int().min(1).max(LIMITS.maxQuantity),
    proposedUnitPriceFen: fen(LIMITS.maxUnitPriceFen).pipe(z.number().min(1)),
  })
  .strict();

/** The application form's fields, as ops and other systems send them (issue #2's JSON). */
const applicationSchema = z
  .object({
    unit: text(64),
    applicant: text(200),
    customer: z.object({ name: text(200), groupId: text(64) }).strict(),
    activity: text(64),
    preConsultationRef: z
      .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), text(64).nullable())
      .default(null),
    startMonth: month,
    termMonths: z.number().int().min(1).max(LIMITS.maxTermMonths),
    agentChannel: z.boolean().default(false),
    agentName: z
      .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), text(60).nullable())
      .optional(),
    tariffLines: z.array(tariffLine).min(1).max(LIMITS.maxLines),
    subsidyFen: fen(LIMITS.maxSubsidyFen).default(0),
    commissionPct: percent.default('0'),
    expected: z
      .object({
        revenueFen: fen(Number.MAX_SAFE_INTEGER),
        subscribers: z.number().int().min(0).max(10_000_000),
      })
      .strict(),
    justification: text(4000),
  })
  .strict();

/** Validates an application object into the domain's terms; every bad field is named. */
export function parseApplication(value: unknown, source = 'application'): Result<ApplicationInput, InputError> {
  const parsed = applicationSchema.safeParse(value);
  if (!parsed.success) return fail(inputError(source, problemsFromZod(parsed.error.issues)));
  const { commissionPct, ...rest } = parsed.data;
  return ok({ ...rest, commissionBp: commissionPct });
}

/** Parses application JSON text; malformed JSON is an input error too, never a stack trace. */
export function parseApplicationJson(json: string, source = 'application'): Result<ApplicationInput, InputError> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return fail(
      inputError(source, [
        { field: '(file)', problem: 'malformed_json', params: { detail: (error as Error).message } },
      ]),
    );
  }
  return parseApplication(value, source);
}
