import type { QueueQuery } from '../../app/ports/store';
import type { Migration } from './migrations';
import type { SqliteDatabase, Statement } from './sqlite-connection';

/** SQL that counts one awaited step, `row` (NEW or OLD), in the queue's counts (`in`), or out of them. */
const countQueued = (row: 'NEW' | 'OLD', direction: 'in' | 'out') =>
  direction === 'in'
    ? `
      INSERT INTO role_waiting_counts (role, n) VALUES (${row}.role, 1) ON CONFLICT (role) DO UPDATE SET n = n + 1;
      INSERT INTO own_waiting_counts (person, role, own, own_or_delegated)
        SELECT person, ${row}.role, max(own), 1 FROM (
          SELECT ${row}.assignee AS person, 1 AS own UNION ALL SELECT ${row}.applicant, 1 UNION ALL SELECT ${row}.delegate, 0)
        WHERE person IS NOT NULL GROUP BY person
        ON CONFLICT (person, role) DO UPDATE SET own = own + excluded.own, own_or_delegated = own_or_delegated + 1;`
    : `
      UPDATE role_waiting_counts SET n = n - 1 WHERE role = ${row}.role;
      UPDATE own_waiting_counts
        SET own = own - (person = ${row}.assignee OR person = ${row}.applicant), own_or_delegated = own_or_delegated - 1
        WHERE role = ${row}.role AND person IN (${row}.assignee, ${row}.applicant, ${row}.delegate);`;

/**
 * Migration 21: `待办`'s queue counted as steps come and go, and walked from indexes that hold what it skips
 * (issue 13). The queue is the awaited steps of a person's roles that are not their own: not theirs to decide,
 * not on their own plans and, but for the ops head, not theirs to stand in for. Its total was every awaited step
 * of the roles, counted from the index at each look, less the person's own: an ops approver with 10,000 steps of
 * the role in the store counted 10,000 index entries. Triggers now keep, per role, how many steps await it, and
 * per person and role, how many of those are the person's own (as approver or applicant) and how many are
 * theirs with those they stand in for; the total is a few rows' sum.
 *
 * The page walks the steps in order and skips the person's own. The order's indexes now hold the columns the
 * skip compares, so a skipped step costs an index entry, not a read of its row: a person who stands in for a
 * colleague with 10,000 waiting steps skipped them row by row.
 */
export const QUEUE_COUNTS: Migration = {
  version: 21,
  name: "待办's queue: each role's awaited steps and each person's own among them, counted as they are written",
  sql: `
    CREATE TABLE role_waiting_counts (
      role TEXT PRIMARY KEY,
      n INTEGER NOT NULL CHECK (n >= 0)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE own_waiting_counts (
      person TEXT NOT NULL,
      role TEXT NOT NULL,
      own INTEGER NOT NULL CHECK (own >= 0),
      own_or_delegated INTEGER NOT NULL CHECK (own_or_delegated >= own),
      PRIMARY KEY (person, role)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO role_waiting_counts (role, n) SELECT role, count(*) FROM awaited_steps GROUP BY role;
    INSERT INTO own_waiting_counts (person, role, own, own_or_delegated)
      SELECT person, role, sum(own), count(*) FROM (
        SELECT id, person, role, max(own) AS own FROM (
          SELECT id, assignee AS person, role, 1 AS own FROM awaited_steps
          UNION ALL SELECT id, applicant, role, 1 FROM awaited_steps
          UNION ALL SELECT id, delegate, role, 0 FROM awaited_steps WHERE delegate IS NOT NULL)
        GROUP BY id, person)
      GROUP BY person, role;
    CREATE TRIGGER awaited_step_queued AFTER INSERT ON awaited_steps BEGIN${countQueued('NEW', 'in')}
    END;
    CREATE TRIGGER awaited_step_unqueued AFTER DELETE ON awaited_steps BEGIN${countQueued('OLD', 'out')}
    END;
    CREATE TRIGGER awaited_step_requeued AFTER UPDATE OF role, assignee, applicant, delegate ON awaited_steps
    BEGIN${countQueued('OLD', 'out')}${countQueued('NEW', 'in')}
    END;
    -- What the counts replace: indexes read only to count a person's steps (migrations 15 and 19).
    DROP INDEX awaited_by_applicant;
    DROP INDEX awaited_by_delegate_assignee;
    DROP INDEX awaited_in_order;
    CREATE INDEX awaited_in_order ON awaited_steps (submitted_at, filed, assignee, applicant, delegate);
    DROP INDEX awaited_by_role;
    CREATE INDEX awaited_by_role ON awaited_steps (role, submitted_at, filed, assignee, applicant, delegate);
  `,
};

/**
 * The total of `待办`'s queue (ApplicationRepository.queue): the steps awaiting its roles (every role, for the
 * ops head) less the person's own, from migration 21's counts.
 */
export function queueCounter(db: SqliteDatabase): (query: QueueQuery) => number {
  // A statement per number of roles (null: every role), prepared once.
  const statements = new Map<string, Statement<Record<string, string>, { n: number | null }>>();
  return (query) => {
    const roles = query.roles ?? [];
    const own = query.withoutDelegated ? 'own_or_delegated' : 'own';
    const key = `${query.roles === null ? 'all' : roles.length} ${own}`;
    let statement = statements.get(key);
    if (!statement) {
      const inRoles = query.roles === null ? '' : ` AND role IN (${roles.map((_, i) => `@role_${i}`).join(', ')})`;
      statement = db.prepare(
        `SELECT (SELECT coalesce(sum(n), 0) FROM role_waiting_counts WHERE true${inRoles})
              - (SELECT coalesce(sum(${own}), 0) FROM own_waiting_counts WHERE person = @of${inRoles}) AS n`,
      );
      statements.set(key, statement);
    }
    const params = Object.fromEntries([['of', query.of], ...roles.map((role, i) => [`role_${i}`, role])]);
    return statement.get(params)?.n ?? 0;
  };
}
