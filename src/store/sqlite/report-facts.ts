import type { ApplicationRecord } from '../../app/records/application-record';
import { reportFactsOf, type ReportFacts } from '../../app/records/report-facts';
import { applicationRecordSchema } from '../schemas/application-schema';
import { reportFactsSchema } from '../schemas/report-facts-schema';
import { readDocument, writeDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';

/** Writes an application's report facts, replacing those of its earlier version; to be run in its write's transaction. */
export type ReportFactsWriter = (record: ApplicationRecord) => void;

export function reportFactsWriter(db: SqliteDatabase): ReportFactsWriter {
  const clear = db.prepare<[string]>('DELETE FROM report_facts WHERE id = ?');
  const insert = db.prepare<[{ id: string; kind: string; since: string; until: string | null; facts: string }]>(
    'INSERT INTO report_facts (id, kind, since, until, facts) VALUES (@id, @kind, @since, @until, @facts)',
  );
  return (record) => {
    clear.run(record.id);
    for (const facts of reportFactsOf(record))
      insert.run({
        id: record.id,
        kind: facts.kind,
        since: facts.since,
        until: facts.until,
        facts: writeDocument(reportFactsSchema, `report facts of ${record.id}`, facts),
      });
  };
}

/** The pieces of report facts whose span overlaps [from, before), each read and checked as it comes. */
export function reportFactsReader(db: SqliteDatabase) {
  const overlapping = db.prepare<[{ from: string; before: string }], { id: string; kind: string; facts: string }>(
    `SELECT id, kind, facts FROM report_facts
     WHERE (until IS NULL OR until >= @from) AND since < @before`,
  );
  return async (span: { from: string; before: string }, visit: (facts: ReportFacts) => void): Promise<void> => {
    // Iterated synchronously to the end, so no other statement on this connection runs in between.
    for (const row of overlapping.iterate(span))
      visit(readDocument(reportFactsSchema, 'report_facts', `${row.id} ${row.kind}`, row.facts));
  };
}

/** Migration 9's back-fill: the report facts of every application already stored, from its document, 500 at a time. */
export function fillReportFacts(db: SqliteDatabase): void {
  const write = reportFactsWriter(db);
  const next = db.prepare<[number], { rowid: number; id: string; doc: string }>(
    'SELECT rowid, id, doc FROM applications WHERE rowid > ? ORDER BY rowid LIMIT 500',
  );
  // Each batch is read whole before it is written: a connection cannot write while one of its statements iterates.
  for (let rows = next.all(0); rows.length > 0; rows = next.all(rows.at(-1)?.rowid ?? Infinity))
    for (const row of rows) write(readDocument(applicationRecordSchema, 'applications', row.id, row.doc));
}
