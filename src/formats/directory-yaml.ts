import { parse } from 'yaml';
import { z } from 'zod';
import { ROLES, UNIT_KINDS, type Directory } from '../app/records/directory';
import { fail, ok, type Result } from '../domain/result';
import { inputError, problemsFromZod, type FieldProblem, type InputError } from './input-error';
import { text } from './primitives';

const directorySchema = z
  .object({
    units: z.array(z.object({ id: text(64), name: text(200), kind: z.enum(UNIT_KINDS) }).strict()).min(1),
    people: z
      .array(
        z
          .object({
            aadObjectId: text(64),
            name: text(200),
            email: z.string().email(),
            roles: z.array(z.enum(ROLES)).min(1),
            unit: text(64).optional(),
            delegate: text(64).optional(),
            head: text(64).optional(),
            locale: text(16).optional(),
            covers: z.array(text(64)).min(1).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Reads the admin's directory YAML; units and delegates people point to must exist. */
export function parseDirectoryYaml(yamlText: string, source = 'directory.yaml'): Result<Directory, InputError> {
  let value: unknown;
  try {
    value = parse(yamlText);
  } catch (error) {
    return fail(
      inputError(source, [{ field: '(file)', problem: 'other', params: { detail: (error as Error).message } }]),
    );
  }
  const parsed = directorySchema.safeParse(value);
  if (!parsed.success) return fail(inputError(source, problemsFromZod(parsed.error.issues)));
  const directory: Directory = parsed.data;
  const problems: FieldProblem[] = [];
  const unitIds = new Set(directory.units.map((u) => u.id));
  const personIds = new Set<string>();
  directory.people.forEach((person, i) => {
    if (personIds.has(person.aadObjectId))
      problems.push({
        field: `people[${i}].aadObjectId`,
        problem: 'duplicate',
        params: { value: person.aadObjectId },
      });
    personIds.add(person.aadObjectId);
  });
  directory.people.forEach((person, i) => {
    if (person.unit && !unitIds.has(person.unit))
      problems.push({ field: `people[${i}].unit`, problem: 'unknown_reference', params: { value: person.unit } });
    if (person.delegate && !personIds.has(person.delegate))
      problems.push({
        field: `people[${i}].delegate`,
        problem: 'unknown_reference',
        params: { value: person.delegate },
      });
    (person.covers ?? []).forEach((unit, j) => {
      if (!unitIds.has(unit))
        problems.push({ field: `people[${i}].covers[${j}]`, problem: 'unknown_reference', params: { value: unit } });
    });
    if (person.head && !personIds.has(person.head))
      problems.push({ field: `people[${i}].head`, problem: 'unknown_reference', params: { value: person.head } });
  });
  return problems.length > 0 ? fail(inputError(source, problems)) : ok(directory);
}
