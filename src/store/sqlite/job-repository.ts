import type { Job, JobRepository } from '../../app/ports/jobs';
import { jobSchema } from '../schemas/job-schema';
import type { AuditWriter } from './audit-trail';
import type { OutboxWriter } from './outbox-repository';
import { readDocument, writeDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';

interface JobRow {
  id: string;
  doc: string;
}

/** Writes an application's jobs inside that application's write: its pending ones are replaced. */
export type JobReplacer = (applicationId: string, jobs: readonly Job[]) => void;

/** The statements that replace an application's pending jobs, for use inside the application's transaction. */
export function sqliteJobReplacer(db: SqliteDatabase): JobReplacer {
  const cancel = db.prepare<[string]>(
    "UPDATE jobs SET status = 'cancelled' WHERE application_id = ? AND status = 'pending'",
  );
  const insert = sqliteJobInsert(db);
  return (applicationId, jobs) => {
    cancel.run(applicationId);
    for (const job of jobs) insert(job, true);
  };
}

function sqliteJobInsert(db: SqliteDatabase) {
  // A replaced job comes back with the same id when it is still due: it becomes pending again. Its
  // lease is kept, so a job being run while another job's change re-derives it still completes.
  const upsert = db.prepare<[string, string, string | null, string, string]>(
    `INSERT INTO jobs (id, kind, application_id, due_at, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = 'pending', due_at = excluded.due_at, doc = excluded.doc
     WHERE jobs.status = 'cancelled'`,
  );
  const insert = db.prepare<[string, string, string | null, string, string]>(
    'INSERT INTO jobs (id, kind, application_id, due_at, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  return (job: Job, revive: boolean) =>
    (revive ? upsert : insert).run(
      job.id,
      job.kind,
      job.applicationId,
      job.dueAt,
      writeDocument(jobSchema, `job ${job.id}`, job),
    );
}

/**
 * Jobs by due time under leases: a tick claims only what is due (the `jobs_due` index), and two
 * processes never hold the same job, since a claim is one conditional UPDATE.
 */
export function sqliteJobRepository(
  db: SqliteDatabase,
  writeAudit: AuditWriter,
  writeOutbox: OutboxWriter,
): JobRepository {
  const claim = db.prepare<{ now: string; limit: number; owner: string; leaseUntil: string }, JobRow>(
    `UPDATE jobs SET lease_owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM jobs WHERE status = 'pending' AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
       ORDER BY due_at LIMIT @limit
     ) RETURNING id, doc`,
  );
  const done = db.prepare<[string, string, string]>(
    "UPDATE jobs SET status = 'done', done_at = ?, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'pending'",
  );
  // A job cancelled while it ran (a decision re-derived its application's jobs) is settled without its effects.
  const settledCancelled = db.prepare<[string, string]>(
    "UPDATE jobs SET lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'cancelled'",
  );
  const failed = db.prepare<[string, string, string, string]>(
    'UPDATE jobs SET last_error = ?, due_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?',
  );
  const pendingFor = db.prepare<[string], JobRow>(
    "SELECT id, doc FROM jobs WHERE application_id = ? AND status = 'pending' ORDER BY due_at",
  );
  const insert = sqliteJobInsert(db);
  const complete = db.transaction(
    (id: string, owner: string, at: Date, effects: Parameters<JobRepository['complete']>[3]) => {
      if (done.run(at.toISOString(), id, owner).changes === 0) return settledCancelled.run(id, owner).changes > 0;
      writeAudit(effects?.audit ?? []);
      writeOutbox(effects?.outbox ?? []);
      for (const job of effects?.schedule ?? []) insert(job, false);
      return true;
    },
  );
  const toJob = (row: JobRow) => readDocument(jobSchema, 'jobs', row.id, row.doc);
  return {
    async claimDue(now, limit, owner, leaseUntil) {
      return claim
        .all({ now: now.toISOString(), limit, owner, leaseUntil: leaseUntil.toISOString() })
        .map(toJob)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
    async complete(id, owner, at, effects) {
      return complete.immediate(id, owner, at, effects);
    },
    async fail(id, owner, error, retryAt) {
      failed.run(error, retryAt.toISOString(), id, owner);
    },
    async schedule(jobs) {
      db.transaction(() => jobs.forEach((job) => insert(job, false))).immediate();
    },
    async pendingFor(applicationId) {
      return pendingFor.all(applicationId).map(toJob);
    },
  };
}
