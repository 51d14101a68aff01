import type { JobKind } from '../../domain/schedule';
import type { AuditEntry } from '../records/audit';
import type { OutboxMessage } from './outbox';

export { JOB_KINDS, type JobKind } from '../../domain/schedule';

/** One piece of work due at an instant; an application's jobs are derived from its state and replaced with it. */
export interface Job {
  id: string;
  kind: JobKind;
  applicationId: string | null;
  dueAt: string;
  payload: Record<string, string | number>;
}

/** What running a job leads to, committed together with marking it done. */
export interface JobEffects {
  outbox?: OutboxMessage[];
  audit?: AuditEntry[];
  /** Work that follows (a recurring job's next run). */
  schedule?: Job[];
}

export interface JobRepository {
  /**
   * Claims up to `limit` pending jobs due by `now` whose lease is free or expired, leasing them to
   * `owner` until `leaseUntil`. Costs what the due jobs cost, not what is stored (an index on due time).
   */
  claimDue(now: Date, limit: number, owner: string, leaseUntil: Date): Promise<Job[]>;
  /** Marks a claimed job done with its effects, in one commit; false when the lease was lost meanwhile. */
  complete(id: string, owner: string, at: Date, effects?: JobEffects): Promise<boolean>;
  /** A failed run: the job stays pending and is tried again from `retryAt`. */
  fail(id: string, owner: string, error: string, retryAt: Date): Promise<void>;
  /** Adds jobs that belong to no application (recurring ones); an id already there is kept as it is. */
  schedule(jobs: Job[]): Promise<void>;
  /** The pending jobs of an application, soonest first. */
  pendingFor(applicationId: string): Promise<Job[]>;
}
