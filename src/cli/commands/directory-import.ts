import { parseArgs } from 'node:util';
import { importDirectory, type StrandedStep } from '../../app/reference/import-directory';
import type { Directory } from '../../app/records/directory';
import { parseDirectoryYaml } from '../../formats/directory-yaml';
import { t, type Lang } from '../../i18n';
import { describeDirectoryChange, personWords as who } from '../../i18n/describe-directory-change';
import { BadInput, badOption, EXIT, orBadInput, readInput, type CliContext } from '../cli-context';

const options = { by: { type: 'string' }, reassign: { type: 'string', multiple: true } } as const;

/** `--reassign from=to`, each once; a malformed one is bad input. */
function reassignments(values: readonly string[], lang: Lang): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const [from, to, ...rest] = value.split('=').map((part) => part.trim());
    if (!from || !to || rest.length > 0) throw new BadInput([t(lang, 'cli.directory.bad_reassign', { value })]);
    map[from] = to;
  }
  return map;
}

/** A stranded step and how to fix it, in one line. */
function describeStranded(s: StrandedStep, lang: Lang, before: Directory | null, after: Directory): string {
  const params = {
    id: s.applicationId,
    stepName: t(lang, `step.${s.step}`),
    who: who(s.person, lang, before),
    role: t(lang, `role.${s.role}`),
    from: before?.people.find((p) => p.aadObjectId === s.person)?.email ?? s.person,
    to: who(s.to, lang, after, before),
  };
  const problem = s.problem ?? 'no_target';
  const fix =
    problem === 'target_lacks_role' && s.holder === 'delegate'
      ? 'cli.directory.fix.target_not_approver'
      : (`cli.directory.fix.${problem}` as const);
  // Chinese sentences run on; English ones are spaced.
  const space = lang === 'en-US' ? ' ' : '';
  return `${t(lang, `cli.directory.stranded.${s.holder}.${s.because}`, params)}${space}${t(lang, fix, params)}`;
}

/**
 * `plandesk directory import directory.yaml [--reassign from=to …]`: a new directory version and what
 * changed, as JSON; refused with exit code 2, nothing written, when it would leave open approval steps
 * with nobody to take them (each named, with how to hand it over).
 */
export async function directoryImportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw badOption('file', 'required', ctx.lang);
  const content = orBadInput(parseDirectoryYaml(await readInput(file, ctx.lang), file), ctx.lang);
  const reassign = reassignments(values.reassign ?? [], ctx.lang);
  const store = await ctx.openStore();
  try {
    const deps = { store, clock: ctx.clock, calendar: ctx.calendar, newId: ctx.newId };
    const imported = await importDirectory(deps, content, values.by ?? 'cli', reassign);
    if (!imported.ok) {
      const { error } = imported;
      if (error.code === 'unknown_people')
        throw new BadInput(error.names.map((name) => t(ctx.lang, 'cli.directory.unknown_person', { name })));
      const before = await store.directory.get();
      throw new BadInput([
        t(ctx.lang, 'cli.directory.refused', { count: error.stranded.length }),
        ...error.stranded.map((s) => describeStranded(s, ctx.lang, before, content)),
      ]);
    }
    const { version, previous, changes, handedOver } = imported.value;
    ctx.out(
      JSON.stringify(
        {
          directoryVersion: version.version,
          previousVersion: previous?.version ?? null,
          people: version.people.length,
          units: version.units.length,
          changes: changes.map((change) => ({
            ...change,
            message: describeDirectoryChange(change, version, previous, ctx.lang),
          })),
          handedOver: handedOver.map((s) => ({
            applicationId: s.applicationId,
            step: s.step,
            holder: s.holder,
            from: s.person,
            to: s.to,
            message: t(ctx.lang, `cli.directory.handed_over.${s.holder}`, {
              id: s.applicationId,
              stepName: t(ctx.lang, `step.${s.step}`),
              from: who(s.person, ctx.lang, previous),
              to: who(s.to, ctx.lang, version),
            }),
          })),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
