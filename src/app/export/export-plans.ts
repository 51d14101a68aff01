import { ok, type Result } from '../../domain/result';
import { searchSelection, type ResolvedTerm, type SearchFilter } from '../approval/search';
import type { ApprovalDeps } from '../common/deps';
import { actorOf } from '../common/people';
import { refused } from '../common/refuse';
import { auditEntry } from '../records/audit';
import type { Refusal } from '../records/refusal';
import type { ApplicationExportRow } from './application-row';
import { exportApplications } from './export-applications';
import type { RowSink } from './row-sink';

/**
 * Who may export plans from Teams (`导出`): ops, leadership and the auditors, the people SPEC §9 names
 * for "search, lists, exports (CSV/XLSX) and reports". Admins keep the directory; a whole export of
 * the figures is not theirs to take (the command line's operator can).
 */
export const EXPORTERS = ['ops_approver', 'ops_head', 'leader', 'auditor'] as const;

/** The audit subject of one export, from its offer to its sending. */
export const exportSubject = (exportId: string): string => `export:${exportId}`;

/** The file an export goes into: its rows one at a time, then handed to the person whole, or not. */
export interface ExportFile extends RowSink<ApplicationExportRow> {
  /** Finishes the file and hands it over; false when it did not reach the person (nothing was sent). */
  deliver(): Promise<boolean>;
}

/** An export offered: the id that names it until it is sent, how many plans it holds, and how its words were read. */
export interface ExportOffered {
  exportId: string;
  rows: number;
  terms: ResolvedTerm[];
  /** When it was counted (ISO): the day the file is named after. */
  asOf: string;
}

/** An export sent, or not: how many plans the file held, how its words were read, and whether it reached the person. */
export interface ExportSent {
  rows: number;
  terms: ResolvedTerm[];
  delivered: boolean;
  asOf: string;
}

type ExportDeps = Pick<ApprovalDeps, 'store' | 'clock' | 'newId'>;

/** The person's roles allow an export, else the refusal (audited under `subject`). */
async function mayExport(deps: ExportDeps, actor: string, subject: string, now: Date, attempted: unknown) {
  const directory = await deps.store.directory.get();
  const roles = directory ? actorOf(directory, actor).roles : [];
  if (EXPORTERS.some((role) => roles.includes(role))) return null;
  return refused(deps, now, actor, subject, { code: 'not_exporter' }, attempted);
}

/** The plans the filter selects for the person, newest first, one row each into `sink`, exactly as `列表` selects them. */
async function writeRows(
  deps: ExportDeps,
  actor: string,
  filter: SearchFilter,
  sink: RowSink<ApplicationExportRow>,
  now: Date,
) {
  const { query, keeps, terms } = await searchSelection(deps, actor, filter, now);
  const { rows } = await exportApplications(deps.store, query, sink, { keep: keeps });
  return { rows, terms };
}

/**
 * `导出 [列表 words]`: the plans the filter selects for an exporter, written into `sink` (the file as
 * it would be now, so its plans can be counted and its size told before the person accepts it). A
 * fresh id names the offer until it is sent. Audited with the filter and the count; anyone else is
 * refused (`not_exporter`, audited).
 */
export async function offerExport(
  deps: ExportDeps,
  actor: string,
  filter: SearchFilter,
  sink: RowSink<ApplicationExportRow>,
): Promise<Result<ExportOffered, Refusal>> {
  const now = deps.clock.now();
  const exportId = deps.newId();
  const subject = exportSubject(exportId);
  const refusal = await mayExport(deps, actor, subject, now, { filter });
  if (refusal) return refusal;
  const { rows, terms } = await writeRows(deps, actor, filter, sink, now);
  await deps.store.audit.append([auditEntry(now, actor, 'export.offer', subject, null, { filter, rows })]);
  return ok({ exportId, rows, terms, asOf: now.toISOString() });
}

/**
 * The offered export, sent once the person accepted it: their role checked again (it may have changed
 * since), and each offer sent at most once. The plans the filter selects now are written into `file`
 * and delivered; audited as `export` with the filter and the row count, or `export.failed` when the
 * file did not reach them.
 */
export async function sendExport(
  deps: ExportDeps,
  actor: string,
  exportId: string,
  filter: SearchFilter,
  file: ExportFile,
): Promise<Result<ExportSent, Refusal>> {
  const now = deps.clock.now();
  const subject = exportSubject(exportId);
  const refusal = await mayExport(deps, actor, subject, now, { filter });
  if (refusal) return refusal;
  if ((await deps.store.audit.about(subject)).some((entry) => entry.action === 'export'))
    return refused(deps, now, actor, subject, { code: 'export_already_sent' }, { filter });
  const { rows, terms } = await writeRows(deps, actor, filter, file, now);
  const delivered = await file.deliver();
  await deps.store.audit.append([
    auditEntry(now, actor, delivered ? 'export' : 'export.failed', subject, null, { filter, rows }),
  ]);
  return ok({ rows, terms, delivered, asOf: now.toISOString() });
}
