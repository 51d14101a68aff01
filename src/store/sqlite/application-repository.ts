import type { ApplicationRecord } from '../../app/records/application-record';
import type { AuditEntry } from '../../app/records/audit';
import type {
  ApplicationQuery,
  ApplicationRepository,
  DuplicateDraft,
  OutboxMessage,
  StaleVersion,
} from '../../app/ports/store';
import { APPLICATION_STATES } from '../../domain/application-state';
import { formatPlanNumber } from '../../domain/plan-number';
import { fail, ok, type Result } from '../../domain/result';
import { applicationRecordSchema } from '../schemas/application-schema';
import type { AuditWriter } from './audit-trail';
import type { OutboxWriter } from './outbox-repository';
import type { JobReplacer } from './job-repository';
import type { Job } from '../../app/ports/jobs';
import { CorruptDocumentError, readDocument, writeDocument } from '../schemas/stored-document';
import { reportFactsReader, reportFactsWriter } from './report-facts';
import { awaitedStepWriter, awaitedWhere, waitingReaders } from './awaited-steps';
import { openStepsReader, openStepsWriter } from './open-steps';
import { isFlagged } from '../../app/records/list-keys';
import { parsedCache } from '../parsed-cache';
import type { SqliteDatabase, Statement } from './sqlite-connection';

type Saved = Result<ApplicationRecord, StaleVersion>;
type Filed = Result<ApplicationRecord, StaleVersion | DuplicateDraft>;

interface ApplicationRow {
  id: string;
  version: number;
  doc: string;
}

/** The indexed columns are copies of fields of the document, kept beside it for filtering. */
const columnsOf = (record: ApplicationRecord) => ({
  id: record.id,
  version: record.version,
  state: record.state,
  applicant: record.input.applicant,
  unit: record.input.unit,
  customer: record.input.customer.groupId,
  activity: record.input.activity,
  draftId: record.draftId,
  flagged: isFlagged(record) ? 1 : 0,
  submittedAt: record.submittedAt,
  updatedAt: record.updatedAt,
  doc: writeDocument(applicationRecordSchema, `application ${record.id}`, record),
});
type ApplicationColumns = ReturnType<typeof columnsOf>;

/** A page's cursor: where the last application shown sits in the order, as opaque text. */
const writeCursor = (place: [string, number]): string => Buffer.from(JSON.stringify(place)).toString('base64url');

/** The place a cursor names, or null for text this store never gave as one. */
function readCursor(cursor: string): [string, number] | null {
  try {
    const place: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(place) && typeof place[0] === 'string' && typeof place[1] === 'number'
      ? [place[0], place[1]]
      : null;
  } catch {
    return null;
  }
}

const raise = (error: Error): never => {
  throw error;
};

function parseRecord(row: ApplicationRow): ApplicationRecord {
  const record = readDocument(applicationRecordSchema, 'applications', row.id, row.doc);
  // The table's CHECK keeps these in step; this guards a file written without it.
  if (record.id !== row.id || record.version !== row.version) {
    throw new CorruptDocumentError(
      'applications',
      row.id,
      `document says ${record.id} v${record.version}, columns say v${row.version}`,
    );
  }
  return record;
}

/**
 * Applications with optimistic concurrency: a write names the version it was based on and fails
 * with `stale_version` (writing nothing, not even audit) when someone saved in between.
 */
export function sqliteApplicationRepository(
  db: SqliteDatabase,
  writeAudit: AuditWriter,
  writeOutbox: OutboxWriter,
  replaceJobs: JobReplacer,
): ApplicationRepository {
  const insert = db.prepare<[ApplicationColumns]>(
    `INSERT INTO applications (id, version, state, applicant, unit, customer, activity, draft_id, flagged, submitted_at, updated_at, doc)
     VALUES (@id, @version, @state, @applicant, @unit, @customer, @activity, @draftId, @flagged, @submittedAt, @updatedAt, @doc)
     ON CONFLICT DO NOTHING`,
  );
  const save = db.prepare<[ApplicationColumns & { expectedVersion: number }]>(
    `UPDATE applications SET version = @version, state = @state, applicant = @applicant, unit = @unit,
     customer = @customer, activity = @activity, draft_id = @draftId, flagged = @flagged,
       submitted_at = @submittedAt, updated_at = @updatedAt, doc = @doc
     WHERE id = @id AND version = @expectedVersion`,
  );
  const versionOf = db.prepare<[string], { version: number }>('SELECT version FROM applications WHERE id = ?');
  const byId = db.prepare<[string], ApplicationRow>('SELECT id, version, doc FROM applications WHERE id = ?');
  const byIdAndVersion = db.prepare<[string, number], ApplicationRow>(
    'SELECT id, version, doc FROM applications WHERE id = ? AND version = ?',
  );
  const byDraft = db.prepare<[string, string], ApplicationRow>(
    'SELECT id, version, doc FROM applications WHERE applicant = ? AND draft_id = ?',
  );
  const bump = db.prepare<[number], { last: number }>(
    'INSERT INTO counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
  );

  const writeFacts = reportFactsWriter(db);
  const writeAwaited = awaitedStepWriter(db);
  const writeOpenSteps = openStepsWriter(db);
  const countOpenSteps = openStepsReader(db);
  // A row's document is parsed and checked once per version, however often it is read.
  const parsed = parsedCache<ApplicationRecord>();
  const toRecord = (row: ApplicationRow): ApplicationRecord => parsed.read(row.id, row.version, () => parseRecord(row));
  /** A listed row's record: the parsed one when its version was read before, else its document, read now. */
  const recordAt = (row: { id: string; version: number }): ApplicationRecord =>
    parsed.peek(row.id, row.version) ??
    toRecord(
      byIdAndVersion.get(row.id, row.version) ??
        raise(new CorruptDocumentError('applications', row.id, `v${row.version} was listed but has no document`)),
    );

  const stale = (id: string, expectedVersion: number): Saved =>
    fail({ code: 'stale_version', id, expectedVersion, actualVersion: versionOf.get(id)?.version ?? null });

  // IMMEDIATE takes the write lock before reading, so another connection queues behind the
  // busy timeout instead of failing mid-transaction with SQLITE_BUSY.
  const create = db.transaction(
    (
      record: ApplicationRecord,
      audit: readonly AuditEntry[],
      outbox: readonly OutboxMessage[],
      jobs: readonly Job[],
    ): Filed => {
      const saved = { ...record, version: 1 };
      // Nothing inserted: the id is taken (expected "no record yet", version 0), or the applicant's draft was filed already.
      if (insert.run(columnsOf(saved)).changes === 0) {
        const filed = record.draftId ? byDraft.get(record.input.applicant, record.draftId) : undefined;
        return filed ? fail({ code: 'duplicate_draft', existing: toRecord(filed) }) : stale(record.id, 0);
      }
      writeFacts(saved);
      writeAwaited(saved);
      writeOpenSteps(saved);
      writeAudit(audit);
      writeOutbox(outbox);
      replaceJobs(record.id, jobs);
      return ok(saved);
    },
  );
  const update = db.transaction(
    (
      record: ApplicationRecord,
      expectedVersion: number,
      audit: readonly AuditEntry[],
      outbox: readonly OutboxMessage[],
      jobs: readonly Job[],
    ): Saved => {
      const saved = { ...record, version: expectedVersion + 1 };
      if (save.run({ ...columnsOf(saved), expectedVersion }).changes === 0) return stale(record.id, expectedVersion);
      writeFacts(saved);
      writeAwaited(saved);
      writeOpenSteps(saved);
      writeAudit(audit);
      writeOutbox(outbox);
      replaceJobs(record.id, jobs);
      return ok(saved);
    },
  );

  // A prepared statement per combination of filters, so each can use its own index.
  const listings = new Map<string, Statement<Record<string, string>, ApplicationRow>>();
  const listing = (filter: { applicant?: string; unit?: string }) => {
    const where: string[] = [];
    if (filter.applicant !== undefined) where.push('applicant = @applicant');
    if (filter.unit !== undefined) where.push('unit = @unit');
    const sql = `SELECT id, version, doc FROM applications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY submitted_at, rowid`;
    let statement = listings.get(sql);
    if (!statement) listings.set(sql, (statement = db.prepare<Record<string, string>, ApplicationRow>(sql)));
    return statement;
  };

  type PageRow = { rowid: number; id: string; version: number; submittedAt: string };
  const pages = new Map<string, Statement<Record<string, string | number>, PageRow>>();
  /** Newest first by (submitted_at, rowid), after the cursor's place; the query's lists as numbered parameters. */
  const paging = (query: ApplicationQuery, after: boolean) => {
    const params: Record<string, string | number> = {};
    const where: string[] = [];
    const anyOf = (column: string, values: readonly string[] | undefined) => {
      if (values === undefined) return;
      const names = values.map((v, i) => {
        params[`${column}_${i}`] = v;
        return `@${column}_${i}`;
      });
      where.push(names.length > 0 ? `${column} IN (${names.join(', ')})` : '0');
    };
    // States are written into the statement, in the order the workflow lists them, so a query for the plans
    // that took effect matches the partial index `applications_took_effect` (SQLite matches an index's
    // condition by its text, and never one with a bound parameter).
    if (query.states !== undefined) {
      const states = APPLICATION_STATES.filter((s) => query.states?.includes(s));
      where.push(states.length > 0 ? `state IN (${states.map((s) => `'${s}'`).join(', ')})` : '0');
    }
    anyOf('unit', query.units);
    anyOf('applicant', query.applicants);
    anyOf('customer', query.customers);
    anyOf('activity', query.activities);
    if (query.submittedFrom !== undefined) {
      where.push('submitted_at >= @from');
      params.from = query.submittedFrom;
    }
    if (query.submittedBefore !== undefined) {
      where.push('submitted_at < @before');
      params.before = query.submittedBefore;
    }
    // The partial index of flagged plans serves this alone.
    if (query.flagged) where.push('flagged = 1');
    const awaited = awaitedWhere(query, params);
    if (awaited) where.push(`id IN (SELECT id FROM awaited_steps WHERE ${awaited})`);
    if (after) where.push('(submitted_at < @afterAt OR (submitted_at = @afterAt AND rowid < @afterRow))');
    // Without the document: the parsed ones are mostly known already (parsedCache), and only the others are read.
    const sql = `SELECT rowid, id, version, submitted_at AS submittedAt FROM applications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY submitted_at DESC, rowid DESC LIMIT @limit`;
    let statement = pages.get(sql);
    if (!statement) pages.set(sql, (statement = db.prepare(sql)));
    return { statement, params };
  };

  // One read transaction: the documents read for a page are those of the versions it listed, whatever
  // another process saves meanwhile.
  const readPage = db.transaction(
    (
      statement: Statement<Record<string, string | number>, PageRow>,
      params: Record<string, string | number>,
      limit: number,
    ) => {
      const rows = statement.all({ ...params, limit: limit + 1 });
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      const next = rows.length > limit && last ? writeCursor([last.submittedAt, last.rowid]) : null;
      return { records: shown.map(recordAt), next };
    },
  );
  return {
    async page(query, limit, cursor) {
      const after = cursor ? readCursor(cursor) : null;
      // A cursor this store never gave continues nowhere: the page after it is empty.
      if (cursor && !after) return { records: [], next: null };
      const { statement, params } = paging(query, after !== null);
      return readPage(statement, { ...params, ...(after ? { afterAt: after[0], afterRow: after[1] } : {}) }, limit);
    },
    async create(record, audit, outbox, jobs) {
      return create.immediate(record, audit, outbox, jobs);
    },
    async update(record, expectedVersion, audit, outbox, jobs) {
      return update.immediate(record, expectedVersion, audit, outbox, jobs);
    },
    async get(id) {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    async findByDraft(applicant, draftId) {
      const row = byDraft.get(applicant, draftId);
      return row ? toRecord(row) : null;
    },
    async list(filter = {}) {
      const params: Record<string, string> = {};
      if (filter.applicant !== undefined) params.applicant = filter.applicant;
      if (filter.unit !== undefined) params.unit = filter.unit;
      return listing(filter).all(params).map(toRecord);
    },
    reportFacts: reportFactsReader(db),
    ...waitingReaders(db, recordAt),
    async openSteps() {
      return countOpenSteps();
    },
    async nextNumber(year) {
      // One statement, so the increment is atomic across connections.
      const row = bump.get(year);
      if (!row) throw new Error('counters: the increment returned no row');
      return formatPlanNumber(year, row.last);
    },
  };
}
