import { z } from 'zod';
import type { Job } from '../../app/ports/jobs';
import { jobSchema } from '../schemas/job-schema';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { itemKey, type CosmosContext } from './cosmos-context';
import type { BatchOp, Item } from './cosmos-io';
import { ITEM_IDS, PARTITIONS } from './item-keys';

/**
 * A job with its state. `pendingDue` is there only while the job is pending: it is the tick's index
 * (due time across partitions), so a tick reads what is due, not everything ever scheduled.
 */
const jobItemSchema = z.object({
  id: z.string(),
  pk: z.string(),
  type: z.literal('job'),
  jobId: z.string(),
  applicationId: z.string().nullable(),
  status: z.enum(['pending', 'done', 'cancelled']),
  /** When it is due (a failed run's retry time), UTC with milliseconds so it compares as text. */
  dueAt: z.string(),
  pendingDue: z.string().optional(),
  leaseOwner: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  doneAt: z.string().nullable(),
  body: jobSchema,
  _etag: z.string(),
});
export type JobItem = z.infer<typeof jobItemSchema>;

/** A job lives in its application's partition, or with the other recurring work. */
export const jobPartition = (job: Pick<Job, 'applicationId'>): string => job.applicationId ?? PARTITIONS.recurring;

export function newJobItem(job: Job): Item {
  const body = checkDocument(jobSchema, `job ${job.id}`, job);
  const dueAt = new Date(job.dueAt).toISOString();
  return {
    id: ITEM_IDS.job(job.id),
    pk: jobPartition(job),
    type: 'job',
    jobId: job.id,
    applicationId: job.applicationId,
    status: 'pending',
    dueAt,
    pendingDue: dueAt,
    leaseOwner: null,
    leaseUntil: null,
    attempts: 0,
    lastError: null,
    doneAt: null,
    body,
  };
}

export const parseJobItem = (raw: unknown, key: string): JobItem =>
  parseDocument(jobItemSchema, 'jobs', itemKey(raw, key), raw);

/** The item as it is written again with changed state; a job that is no longer pending leaves the tick's index. */
export function jobWrite(item: JobItem, changes: Partial<JobItem>): Item {
  const { _etag: _ignored, pendingDue: _pending, ...rest } = { ...item, ...changes };
  return rest.status === 'pending' ? { ...rest, pendingDue: rest.dueAt } : rest;
}

/** The jobs of a partition with the given ids (a completion's follow-up work already scheduled?). */
export async function jobsIn(
  ctx: CosmosContext,
  operation: string,
  pk: string,
  ids: readonly string[],
): Promise<JobItem[]> {
  const raw = await ctx.io.inPartition(operation, pk, 'c.type = "job" AND ARRAY_CONTAINS(@ids, c.jobId)', [
    { name: '@ids', value: [...ids] },
  ]);
  return raw.map((item, i) => parseJobItem(item, `${pk} #${i}`));
}

/**
 * The operations that replace an application's pending jobs by `jobs`, for the batch of its write,
 * given its jobs that are pending or wanted: pending ones no longer wanted are cancelled; a wanted one
 * already there becomes pending with its new due time and keeps its lease (a run in progress still
 * completes); one already done stays done. Each change of an existing job is conditional on its ETag,
 * so a concurrent claim or completion makes the batch fail and the write start again.
 */
export function jobReplacement(existing: readonly JobItem[], applicationId: string, jobs: readonly Job[]): BatchOp[] {
  for (const job of jobs) {
    if (job.applicationId !== applicationId)
      throw new TypeError(
        `job ${job.id} belongs to ${job.applicationId}, not to ${applicationId}, whose jobs it would replace`,
      );
  }
  const byId = new Map(existing.map((item) => [item.jobId, item]));
  const wanted = new Set(jobs.map((j) => j.id));
  const ops: BatchOp[] = [];
  for (const item of existing) {
    if (item.status === 'pending' && !wanted.has(item.jobId))
      ops.push({ op: 'replace', item: jobWrite(item, { status: 'cancelled' }), ifMatch: item._etag });
  }
  for (const job of jobs) {
    const found = byId.get(job.id);
    if (!found) ops.push({ op: 'create', item: newJobItem(job) });
    else if (found.status !== 'done') {
      const body = checkDocument(jobSchema, `job ${job.id}`, job);
      ops.push({
        op: 'replace',
        item: jobWrite(found, { status: 'pending', dueAt: new Date(job.dueAt).toISOString(), body }),
        ifMatch: found._etag,
      });
    }
  }
  return ops;
}
