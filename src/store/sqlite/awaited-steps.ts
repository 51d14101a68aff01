import type { ApplicationQuery, ApplicationRepository, CountedPage, QueueQuery } from '../../app/ports/store';
import type { ApplicationRecord } from '../../app/records/application-record';
import { awaitedStepOf } from '../../app/records/list-keys';
import { applicationRecordSchema } from '../schemas/application-schema';
import { readDocument } from '../schemas/stored-document';
import type { Migration } from './migrations';
import { queueCounter } from './queue-counts';
import type { SqliteDatabase, Statement } from './sqlite-connection';

/**
 * Migration 14: what `待办` and `列表`'s flagged, overdue and step filters read, indexed (issue 13).
 * `awaited_steps` holds a row for each application in review, its awaited step (awaitedStepOf) with
 * its place in the lists' order (submission time, then `filed`, the application's rowid, its filing
 * order): a few hundred rows however many plans the store keeps, each list a walk of one index. A
 * plan's flag is a column with a partial index of the flagged alone. Both are written with every
 * create and update, in its transaction; `run` fills them for the applications already there.
 */
export const LIST_INDEXES: Migration = {
  version: 14,
  name: "what waits on whom, and which plans were flagged, indexed for 待办 and 列表's filters",
  sql: `
    ALTER TABLE applications ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1));
    UPDATE applications SET flagged = 1 WHERE EXISTS (
      SELECT 1 FROM json_each(doc, '$.evaluations') WHERE json_extract(value, '$.flagged') IS 1);
    CREATE INDEX applications_flagged ON applications (submitted_at) WHERE flagged = 1;
    CREATE TABLE awaited_steps (
      id TEXT PRIMARY KEY REFERENCES applications (id),
      filed INTEGER NOT NULL,
      submitted_at TEXT NOT NULL,
      step TEXT NOT NULL,
      role TEXT NOT NULL,
      assignee TEXT NOT NULL,
      delegate TEXT,
      applicant TEXT NOT NULL,
      due_at TEXT
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX awaited_in_order ON awaited_steps (submitted_at, filed);
    CREATE INDEX awaited_by_role ON awaited_steps (role, submitted_at, filed);
    CREATE INDEX awaited_by_assignee ON awaited_steps (assignee, submitted_at, filed);
    CREATE INDEX awaited_by_delegate ON awaited_steps (delegate, submitted_at, filed);
    CREATE INDEX awaited_by_due ON awaited_steps (due_at);
  `,
  run: fillAwaitedSteps,
};

/** Keeps an application's awaited step in step with the record; to be run in its write's transaction, after it. */
export type AwaitedStepWriter = (record: ApplicationRecord) => void;

/**
 * Migration 19: awaited steps by their plan's applicant, so 待办's queue counts a person's own plans out by index
 * (dropped by migration 21, whose counts replace it).
 */
export const AWAITED_BY_APPLICANT: Migration = {
  version: 19,
  name: "awaited steps by the applicant of their plan (待办's queue counts a person's own plans out)",
  sql: `CREATE INDEX awaited_by_applicant ON awaited_steps (applicant);`,
};

/** SQL that counts one awaited step, `row` (NEW or OLD), in `waiting_counts` (`in`), or out of it. */
const countWaiting = (row: 'NEW' | 'OLD', direction: 'in' | 'out') =>
  direction === 'in'
    ? `
      INSERT INTO waiting_counts (person, assigned, delegated) VALUES (${row}.assignee, 1, 0)
        ON CONFLICT (person) DO UPDATE SET assigned = assigned + 1;
      INSERT INTO waiting_counts (person, assigned, delegated)
        SELECT ${row}.delegate, 0, 1 WHERE ${row}.delegate IS NOT NULL AND ${row}.delegate <> ${row}.assignee
        ON CONFLICT (person) DO UPDATE SET delegated = delegated + 1;`
    : `
      UPDATE waiting_counts SET assigned = assigned - 1 WHERE person = ${row}.assignee;
      UPDATE waiting_counts SET delegated = delegated - 1
        WHERE person = ${row}.delegate AND ${row}.delegate <> ${row}.assignee;`;

/**
 * Migration 20: how many steps wait on each person, as approver and as the delegate of another, counted as
 * they come and go (issue 13). `待办` counted them from the indexes at each look, as many index entries as
 * the person has waiting: an ops head who stands in for a colleague with 10,000 plans read 10,000 entries.
 * Triggers keep the counts with `awaited_steps`, whichever statement changes it.
 */
export const WAITING_COUNTS: Migration = {
  version: 20,
  name: 'how many steps wait on each person, as approver and as delegate, counted as they are written',
  sql: `
    CREATE TABLE waiting_counts (
      person TEXT PRIMARY KEY,
      assigned INTEGER NOT NULL CHECK (assigned >= 0),
      delegated INTEGER NOT NULL CHECK (delegated >= 0)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO waiting_counts (person, assigned, delegated)
      SELECT person, sum(assigned), sum(delegated) FROM (
        SELECT assignee AS person, 1 AS assigned, 0 AS delegated FROM awaited_steps
        UNION ALL
        SELECT delegate, 0, 1 FROM awaited_steps WHERE delegate IS NOT NULL AND delegate <> assignee)
      GROUP BY person;
    CREATE TRIGGER awaited_step_counted AFTER INSERT ON awaited_steps BEGIN${countWaiting('NEW', 'in')}
    END;
    CREATE TRIGGER awaited_step_uncounted AFTER DELETE ON awaited_steps BEGIN${countWaiting('OLD', 'out')}
    END;
    CREATE TRIGGER awaited_step_recounted AFTER UPDATE OF assignee, delegate ON awaited_steps BEGIN${countWaiting('OLD', 'out')}${countWaiting('NEW', 'in')}
    END;
  `,
};

export function awaitedStepWriter(db: SqliteDatabase): AwaitedStepWriter {
  const clear = db.prepare<[string]>('DELETE FROM awaited_steps WHERE id = ?');
  const insert = db.prepare<[Record<string, string | null>]>(
    `INSERT INTO awaited_steps (id, filed, submitted_at, step, role, assignee, delegate, applicant, due_at)
     SELECT id, rowid, submitted_at, @step, @role, @assignee, @delegate, applicant, @dueAt FROM applications WHERE id = @id`,
  );
  return (record) => {
    clear.run(record.id);
    const awaited = awaitedStepOf(record);
    if (awaited) insert.run({ id: record.id, ...awaited });
  };
}

/** Migration 14's back-fill: the awaited step of every application in review, from its document. */
function fillAwaitedSteps(db: SqliteDatabase): void {
  const write = awaitedStepWriter(db);
  const rows = db
    .prepare<[], { id: string; doc: string }>("SELECT id, doc FROM applications WHERE state = 'in_review'")
    .all();
  for (const row of rows) write(readDocument(applicationRecordSchema, 'applications', row.id, row.doc));
}

/**
 * What a page's query asks of the awaited step (overdue, which step), as a condition on `awaited_steps`
 * with its parameters added to `params`; null when it asks nothing of it.
 */
export function awaitedWhere(query: ApplicationQuery, params: Record<string, string | number>): string | null {
  const where: string[] = [];
  if (query.awaitedDueBefore !== undefined) {
    where.push('due_at < @awaitedDueBefore');
    params.awaitedDueBefore = query.awaitedDueBefore;
  }
  if (query.awaitedSteps !== undefined) {
    const names = query.awaitedSteps.map((step, i) => {
      params[`awaitedStep_${i}`] = step;
      return `@awaitedStep_${i}`;
    });
    where.push(names.length > 0 ? `step IN (${names.join(', ')})` : '0');
  }
  return where.length > 0 ? where.join(' AND ') : null;
}

/** A row of a list in order: the application, its version, and its place. */
interface Placed {
  id: string;
  version: number;
  submittedAt: string;
  filed: number;
}

const before = (a: Placed, b: Placed) =>
  a.submittedAt < b.submittedAt || (a.submittedAt === b.submittedAt && a.filed < b.filed);

/** The first `limit` of several lists each in order, in order, each application once. */
function firstOf(lists: Placed[][], limit: number): Placed[] {
  const merged = lists.flat().sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const seen = new Set<string>();
  return merged.filter((p) => !seen.has(p.id) && seen.add(p.id)).slice(0, limit);
}

const AWAITED = `SELECT w.id, a.version, w.submitted_at AS submittedAt, w.filed FROM awaited_steps w
  JOIN applications a ON a.id = w.id`;

/**
 * `待办`'s two lists (ApplicationRepository.waitingOn and queue): each source is a walk of one index in
 * the lists' order, as far as the page, merged; the totals count index entries. `recordAt` gives the
 * record of a listed version.
 */
export function waitingReaders(
  db: SqliteDatabase,
  recordAt: (row: { id: string; version: number }) => ApplicationRecord,
): Pick<ApplicationRepository, 'waitingOn' | 'queue'> {
  const byAssignee = db.prepare<[string, number], Placed>(
    `${AWAITED} WHERE w.assignee = ? ORDER BY w.submitted_at, w.filed LIMIT ?`,
  );
  const byDelegate = db.prepare<[string, number], Placed>(
    `${AWAITED} WHERE w.delegate = ? ORDER BY w.submitted_at, w.filed LIMIT ?`,
  );
  const inFulfillment = db.prepare<[number], Placed>(
    `SELECT id, version, submitted_at AS submittedAt, rowid AS filed FROM applications
     WHERE state = 'in_fulfillment' ORDER BY submitted_at, rowid LIMIT ?`,
  );
  // Kept by migration 20's triggers: a person's own steps, and those they stand in for that are not also theirs.
  const waitingCount = db.prepare<{ person: string }, { n: number }>(
    'SELECT assigned + delegated AS n FROM waiting_counts WHERE person = @person',
  );
  const countFulfillment = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM applications WHERE state = 'in_fulfillment'",
  );

  // Another's steps, not on their own plans; with `withoutDelegated`, not those they stand in for either.
  const others = (withoutDelegated: boolean) =>
    `w.assignee <> @of AND w.applicant <> @of${withoutDelegated ? ' AND (w.delegate IS NULL OR w.delegate <> @of)' : ''}`;
  const countQueue = queueCounter(db);
  // A statement per shape (a role or all), prepared once.
  const statements = new Map<string, Statement<Record<string, string | number>, Placed>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const queueOf = (role: boolean, withoutDelegated: boolean) =>
    prepared(
      `${AWAITED} WHERE ${role ? 'w.role = @role AND ' : ''}${others(withoutDelegated)}
       ORDER BY w.submitted_at, w.filed LIMIT @limit`,
    );
  // Each list and its count in one read transaction, so they agree whatever another process saves meanwhile.
  const readWaiting = db.transaction((person: string, fulfillment: boolean, limit: number) => {
    const shown = firstOf(
      [
        byAssignee.all(person, limit),
        byDelegate.all(person, limit),
        ...(fulfillment ? [inFulfillment.all(limit)] : []),
      ],
      limit,
    );
    const total = (waitingCount.get({ person })?.n ?? 0) + (fulfillment ? (countFulfillment.get()?.n ?? 0) : 0);
    return { records: shown.map(recordAt), total };
  });
  const readQueue = db.transaction((query: QueueQuery, limit: number): CountedPage => {
    const params: Record<string, string | number> = { of: query.of, limit };
    const lists =
      query.roles === null
        ? [queueOf(false, query.withoutDelegated).all(params)]
        : query.roles.map((role) => queueOf(true, query.withoutDelegated).all({ ...params, role }));
    return { records: firstOf(lists, limit).map(recordAt), total: countQueue(query) };
  });
  return {
    async waitingOn(person, fulfillment, limit) {
      return readWaiting(person, fulfillment, limit);
    },
    async queue(query, limit) {
      if (query.roles?.length === 0) return { records: [], total: 0 };
      return readQueue(query, limit);
    },
  };
}
