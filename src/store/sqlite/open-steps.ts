import { isOpenStep } from '../../app/records/list-keys';
import type { ApplicationRecord } from '../../app/records/application-record';
import type { Migration } from './migrations';
import type { SqliteDatabase } from './sqlite-connection';

/**
 * Migration 15: each person's open steps, indexed (issue 13). Every submission, decision and preview
 * sends a step to the least loaded approver of its pool, so it counts everyone's undecided steps (pending,
 * or still to come) of the plans in review. Counted from the documents, that read every plan in review
 * each time; `open_steps` holds one small row per such step, written with every create and update in
 * its transaction, so the count is a walk of one index. The migration fills it from the documents.
 */
export const OPEN_STEPS: Migration = {
  version: 15,
  name: "each person's open steps of the plans in review, for sending a step to the least loaded approver; what waits on a delegate, counted from an index",
  sql: `
    CREATE TABLE open_steps (
      id TEXT NOT NULL REFERENCES applications (id),
      step INTEGER NOT NULL,
      assignee TEXT NOT NULL,
      PRIMARY KEY (id, step)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX open_steps_by_assignee ON open_steps (assignee);
    -- 待办's count of what waits on a person as the delegate, from the index alone (dropped by migration 21).
    CREATE INDEX awaited_by_delegate_assignee ON awaited_steps (delegate, assignee);
    INSERT INTO open_steps (id, step, assignee)
      SELECT a.id, s.key, json_extract(s.value, '$.assignee')
      FROM applications a, json_each(a.doc, '$.steps') s
      -- isOpenStep (app/records/list-keys.ts): pending, or still to come.
      WHERE a.state = 'in_review' AND json_extract(s.value, '$.status') IN ('pending', 'waiting');
  `,
};

/** Keeps an application's open steps in step with the record; to be run in its write's transaction. */
export function openStepsWriter(db: SqliteDatabase): (record: ApplicationRecord) => void {
  const clear = db.prepare<[string]>('DELETE FROM open_steps WHERE id = ?');
  const insert = db.prepare<[string, number, string]>('INSERT INTO open_steps (id, step, assignee) VALUES (?, ?, ?)');
  return (record) => {
    clear.run(record.id);
    if (record.state !== 'in_review') return;
    for (const [i, s] of record.steps.entries()) if (isOpenStep(s)) insert.run(record.id, i, s.assignee);
  };
}

/**
 * Migration 18: each person's open steps, counted as they come and go (issue 13). Counting them by
 * `open_steps` walked every open step in the store at each submission and decision: 10,000 plans waiting
 * on one approver made that a tenth of each decision's time. Triggers keep one row per person in step with
 * `open_steps`, whichever statement changes it; the migration counts those already there.
 */
export const OPEN_STEP_COUNTS: Migration = {
  version: 18,
  name: "each person's open steps, counted as they are written",
  sql: `
    CREATE TABLE open_step_counts (
      assignee TEXT PRIMARY KEY,
      n INTEGER NOT NULL CHECK (n > 0)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO open_step_counts (assignee, n) SELECT assignee, count(*) FROM open_steps GROUP BY assignee;
    CREATE TRIGGER open_step_counted AFTER INSERT ON open_steps BEGIN
      INSERT INTO open_step_counts (assignee, n) VALUES (NEW.assignee, 1)
        ON CONFLICT (assignee) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER open_step_uncounted AFTER DELETE ON open_steps BEGIN
      DELETE FROM open_step_counts WHERE assignee = OLD.assignee AND n = 1;
      UPDATE open_step_counts SET n = n - 1 WHERE assignee = OLD.assignee;
    END;
    CREATE TRIGGER open_step_recounted AFTER UPDATE OF assignee ON open_steps BEGIN
      DELETE FROM open_step_counts WHERE assignee = OLD.assignee AND n = 1;
      UPDATE open_step_counts SET n = n - 1 WHERE assignee = OLD.assignee;
      INSERT INTO open_step_counts (assignee, n) VALUES (NEW.assignee, 1)
        ON CONFLICT (assignee) DO UPDATE SET n = n + 1;
    END;
  `,
};

/** Each person's open steps, by assignee: one row each, kept by migration 18's triggers. */
export function openStepsReader(db: SqliteDatabase): () => Map<string, number> {
  const counts = db.prepare<[], { assignee: string; n: number }>('SELECT assignee, n FROM open_step_counts');
  return () => new Map(counts.all().map((r) => [r.assignee, r.n]));
}
