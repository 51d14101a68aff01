import { parseArgs } from 'node:util';
import { exportApplications } from '../../app/export/export-applications';
import { exportAudit } from '../../app/export/export-audit';
import type { ExportOptions } from '../../app/export/row-sink';
import type { ApplicationQuery, Store } from '../../app/ports/store';
import { APPLICATION_STATES, type ApplicationState } from '../../domain/application-state';
import { addDays, isLocalDate, shanghaiInstant, type LocalDate } from '../../domain/local-date';
import { APPLICATION_COLUMNS } from '../../export/application-columns';
import { AUDIT_COLUMNS } from '../../export/audit-columns';
import type { Column } from '../../export/columns';
import { formatOf, openTable, type TableFormat } from '../../export/table-file';
import { progressOf } from '../progress';
import { t, type Lang } from '../../i18n';
import { BadInput, badOption, EXIT, type CliContext } from '../cli-context';

const period = { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } as const;

/** `--from` / `--to` as Shanghai days, both included: [from 00:00, the day after `to` 00:00). */
function periodOf(values: { from?: string; to?: string }, lang: Lang): { from?: string; before?: string } {
  const day = (option: 'from' | 'to'): LocalDate | undefined => {
    const value = values[option];
    if (value !== undefined && !isLocalDate(value)) throw badOption(option, 'bad_date', lang);
    return value;
  };
  const from = day('from');
  const to = day('to');
  if (from && to && to < from) throw new BadInput([t(lang, 'cli.export.range_reversed', { date: to, firstDay: from })]);
  return {
    ...(from ? { from: shanghaiInstant(from).toISOString() } : {}),
    ...(to ? { before: shanghaiInstant(addDays(to, 1)).toISOString() } : {}),
  };
}

/** The file `--out` names and the format its extension asks for. */
function outOf(out: string | undefined, lang: Lang): { path: string; format: TableFormat } {
  if (!out) throw badOption('out', 'required', lang);
  const format = formatOf(out);
  if (!format) throw new BadInput([t(lang, 'cli.export.bad_out', { path: out })]);
  return { path: out, format };
}

/**
 * Writes what `run` sends into the table file, with progress on stderr, and prints where it went and
 * how many rows as JSON; a failure leaves no file behind.
 */
async function toFile<Row>(
  ctx: CliContext,
  out: { path: string; format: TableFormat },
  columns: readonly Column<Row>[],
  sheet: string,
  run: (sink: { write: (row: Row) => Promise<void> }, options: ExportOptions) => Promise<{ rows: number }>,
): Promise<number> {
  const table = openTable(out.path, out.format, columns, ctx.lang, sheet);
  try {
    const progress = progressOf(ctx, 'export');
    const { rows } = await run(table, { progressEvery: 1, onProgress: () => progress.add() });
    progress.done();
    await table.close();
    ctx.out(JSON.stringify({ file: out.path, format: out.format, rows }));
    return EXIT.ok;
  } catch (error) {
    await table.abort();
    throw error;
  }
}

/** The units `--unit` names, each one some directory version has; an unknown one is bad input. */
async function unitsOf(store: Store, units: string[] | undefined, lang: Lang): Promise<string[] | undefined> {
  if (!units?.length) return undefined;
  const known = new Set((await store.directory.list()).flatMap((v) => v.units.map((u) => u.id)));
  const unknown = units.filter((u) => !known.has(u));
  if (unknown.length > 0)
    throw new BadInput(
      unknown.map((unit) => t(lang, 'cli.export.unknown_unit', { unit, options: [...known].join(', ') })),
    );
  return units;
}

function statesOf(states: string[] | undefined, lang: Lang): ApplicationState[] | undefined {
  if (!states?.length) return undefined;
  const isState = (s: string): s is ApplicationState => (APPLICATION_STATES as readonly string[]).includes(s);
  const unknown = states.filter((s) => !isState(s));
  if (unknown.length > 0)
    throw new BadInput(
      unknown.map((value) => t(lang, 'cli.export.unknown_state', { value, options: APPLICATION_STATES.join(', ') })),
    );
  return states.filter(isState);
}

/**
 * `plandesk export applications [--from --to --unit … --state …] --out plans.csv|plans.xlsx`: the
 * applications submitted in those Shanghai days, of those units and states, newest first, one row each
 * with headers in the reader's language.
 */
export async function exportApplicationsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...period, unit: { type: 'string', multiple: true }, state: { type: 'string', multiple: true } },
  });
  const out = outOf(values.out, ctx.lang);
  const { from, before } = periodOf(values, ctx.lang);
  const states = statesOf(values.state, ctx.lang);
  const store = await ctx.openStore();
  try {
    const units = await unitsOf(store, values.unit, ctx.lang);
    const query: ApplicationQuery = {
      ...(states ? { states } : {}),
      ...(units ? { units } : {}),
      ...(from ? { submittedFrom: from } : {}),
      ...(before ? { submittedBefore: before } : {}),
    };
    const sheet = t(ctx.lang, 'cli.export.sheet.applications');
    return await toFile(ctx, out, APPLICATION_COLUMNS, sheet, (sink, options) =>
      exportApplications(store, query, sink, options),
    );
  } finally {
    await store.close();
  }
}

/** `plandesk export audit [--from --to] --out audit.csv`: the audit trail with its hashes, in write order. */
export async function exportAuditCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: period });
  const out = outOf(values.out, ctx.lang);
  if (out.format !== 'csv') throw new BadInput([t(ctx.lang, 'cli.export.audit_csv_only', { path: out.path })]);
  const query = periodOf(values, ctx.lang);
  const store = await ctx.openStore();
  try {
    // CSV only, so no sheet to name.
    return await toFile(ctx, out, AUDIT_COLUMNS, '', (sink, options) => exportAudit(store, query, sink, options));
  } finally {
    await store.close();
  }
}
