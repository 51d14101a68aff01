import fc from 'fast-check';
import type { z } from 'zod';
import { CARD_ACTIONS } from '../../../src/bot/actions';
import { planCommands } from '../../../src/bot/commands';
import type { BotServices } from '../../../src/bot/services';
import { MAX_BODY_BYTES } from '../../../src/http/activity-shape';
import { agentForm, lineForm, tier2Form } from '../../support/forms';
import { PEOPLE } from '../../support/teams-harness';

/*
 * The values a fuzzed activity is made of: hostile ones of every JSON type, and valid-looking ones
 * taken from what PlanDesk declares (its verbs, their data's fields, its commands) and from the world
 * the fuzz seeded (real people, real application ids).
 */

/** Every verb a card can send, as the bot declares them (src/bot/actions), former names included. */
export const DECLARED_VERBS: readonly string[] = CARD_ACTIONS.flatMap((a) => [a.verb, ...(a.formerVerbs ?? [])]);

/** The object schema under a verb's refinements, defaults and optionals. */
function objectShape(schema: z.ZodTypeAny): Record<string, unknown> {
  let inner = schema as { _def: { schema?: z.ZodTypeAny; innerType?: z.ZodTypeAny }; shape?: unknown };
  while (inner._def.schema || inner._def.innerType)
    inner = (inner._def.schema ?? inner._def.innerType) as unknown as typeof inner;
  return (inner.shape ?? {}) as Record<string, unknown>;
}

/** The fields each verb's data has, read from its schema, with the comment input its button carries. */
export const FIELDS_BY_VERB: ReadonlyMap<string, readonly string[]> = new Map(
  CARD_ACTIONS.flatMap((a) => {
    const fields = [...Object.keys(objectShape(a.schema)), ...(a.comment ? [a.comment.id] : [])];
    return [a.verb, ...(a.formerVerbs ?? [])].map((verb) => [verb, fields] as const);
  }),
);

/** The fields of the application form (the verbs `form.*` take them through their schema's passthrough). */
export const FORM_FIELDS: readonly string[] = [...new Set([...Object.keys(agentForm), 'line1Product', 'line1Price'])];

/** Every chat command's name, as the bot declares them (the command list reads no service to name them). */
export const COMMAND_NAMES: readonly string[] = planCommands({} as BotServices).flatMap((c) => c.names);

export const PEOPLE_LIST = Object.values(PEOPLE);

/** Texts that have broken parsers, renderers and Markdown before: bidi overrides, zero widths, astral planes, markup. */
const NASTY_TEXTS = [
  '',
  ' ',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  '𠜎𠜱𝌆👩‍👩‍👧‍👦',
  '\uD800',
  '\u0000',
  '${applicationId}',
  '{{x}}',
  '<script>alert(1)</script>',
  '**bold** _x_ [a](javascript:alert(1))',
  '__proto__',
  'constructor',
  'toString',
  '-1',
  '1e309',
  'NaN',
  'PP-2026-000001',
  'PP-2026-999999',
  'pp-2026-000001',
  '2027-02-30',
  '9999-12-31',
  '0000-01-01',
  'true',
  'null',
  '../../etc/passwd',
  '\r\n\t',
];

/** A text several kilobytes long (or, rarely, past the body limit): built, not generated, so it costs nothing. */
const hugeText = fc
  .tuple(fc.constantFrom(1_000, 5_000, 30_000, MAX_BODY_BYTES + 10), fc.constantFrom('x', '字', '\u202E', '𝌆', '\\'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** Any text: short or unicode-heavy (graphemes, lone surrogates), or one of the nasty ones. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(...NASTY_TEXTS), weight: 3 },
);

/** Any text, now and then a huge one (kept rare: a body past the limit is refused before anything reads it). */
export const anyTextOrHuge: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: anyText, weight: 40 },
  { arbitrary: hugeText, weight: 1 },
);

/** Any number JSON can carry (NaN and infinities arrive as null). */
const anyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1, 2 ** 31, 2 ** 53 + 1, Number.MAX_VALUE, 1e-300),
);

/** An array or object nested `depth` levels (around the edge's limit, and past it). */
const nested = fc.tuple(fc.integer({ min: 2, max: 40 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { k: value };
  return value;
});

/** A value of any JSON type, `undefined` (the field is left out) included. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyTextOrHuge, weight: 4 },
  { arbitrary: anyNumber, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.array(anyText, { maxLength: 4 }), weight: 1 },
  { arbitrary: nested, weight: 1 },
);

/** The forms a person might fill, to take a form field's plausible value from (one form per payload). */
export const FORMS: readonly Record<string, unknown>[] = [lineForm, agentForm, tier2Form];

/** What the world the fuzz seeded holds, to make valid-looking values from. */
export interface World {
  applicationIds: readonly string[];
}

const day = fc
  .tuple(fc.integer({ min: 2025, max: 2028 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** A value a card of PlanDesk could really carry in a field of that name (real ids, people, steps, dates). */
export function plausible(field: string, world: World, form: Record<string, unknown>): fc.Arbitrary<unknown> {
  const person = fc.constantFrom(...PEOPLE_LIST.map((p) => p.aad));
  switch (field) {
    case 'applicationId':
      return fc.oneof(
        { arbitrary: fc.constantFrom(...world.applicationIds), weight: 9 },
        { arbitrary: fc.constantFrom('PP-2026-999999', null), weight: 1 },
      );
    case 'revision':
      return fc.constantFrom(1, 1, 1, 2, '1');
    case 'stepIndex':
      return fc.constantFrom(0, 0, 1, 2, -1, '0');
    case 'assignee':
    case 'handTo':
    case 'standIn':
    case 'aadObjectId':
    case 'applicant':
    case 'delegate':
    case 'head':
    case 'reassignTo':
      return person;
    case 'from':
    case 'to':
    case 'endDate':
    case 'effectiveFrom':
    case 'submittedFrom':
    case 'submittedTo':
    case 'activeFrom':
    case 'activeTo':
      return day;
    case 'mode':
      return fc.constantFrom('new', 'new', 'new', 'edit', 'renew');
    case 'draftId':
      // Mostly a fresh form (a new application is filed), sometimes one filed before (found, not filed twice).
      return fc.oneof(
        fc.nat().map((n) => `fuzz-draft-${n}`),
        fc.constantFrom('draft-1', 'draft-2'),
      );
    case 'states':
      return fc.constantFrom('in_review', 'active,expired', 'in_review,returned');
    case 'kind':
      return fc.constantFrom('catalog', 'policy', 'directory');
    case 'roles':
      return fc.constantFrom('applicant', 'ops_approver', 'admin,ops_head');
    case 'period':
      return fc.constantFrom(1, 2, 4);
    default:
      return field in form ? fc.constant(form[field]) : anyText;
  }
}
