import type { Job, JobEffects, JobRepository } from '../../app/ports/jobs';
import { chainAppend, chainHead } from './audit-chain-heads';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import type { BatchOp } from './cosmos-io';
import { ITEM_IDS } from './item-keys';
import { itemLocator } from './item-locator';
import { jobPartition, jobsIn, jobWrite, newJobItem, parseJobItem, type JobItem } from './job-items';
import { outboxCreates } from './outbox-items';

/** Due jobs whose lease is free, soonest first, across partitions from the index on `pendingDue`. */
const due = (now: string) => ({
  query:
    'SELECT * FROM c WHERE c.pendingDue <= @now AND (IS_NULL(c.leaseUntil) OR c.leaseUntil <= @now) ORDER BY c.pendingDue',
  parameters: [{ name: '@now', value: now }],
});

const bySoonest = (jobs: Job[]): Job[] => jobs.sort((a, b) => a.dueAt.localeCompare(b.dueAt));

/**
 * Jobs by due time under leases. The tick queries across partitions by due time (its one query) and
 * takes each job with a replace conditional on the ETag it read, so two instances never run one job.
 * A completion is written only by the lease owner, in one batch with its effects in the job's partition.
 */
export function cosmosJobRepository(ctx: CosmosContext): JobRepository {
  const locate = itemLocator(ctx, 'job', 'jobId');
  const readItem = (operation: string, id: string): Promise<JobItem | null> =>
    locate.read(operation, id, ITEM_IDS.job, parseJobItem);

  /**
   * Adds jobs not there yet (an id already there is kept as it is). The tick schedules the recurring
   * work on every beat, so it first asks which are there (one query per partition) rather than failing
   * a create for each.
   */
  const schedule = async (operation: string, jobs: readonly Job[]) => {
    const byPartition = new Map<string, Job[]>();
    for (const job of jobs) byPartition.set(jobPartition(job), [...(byPartition.get(jobPartition(job)) ?? []), job]);
    for (const [pk, group] of byPartition) {
      const there = new Set(
        (
          await jobsIn(
            ctx,
            `${operation} existing`,
            pk,
            group.map((j) => j.id),
          )
        ).map((j) => j.jobId),
      );
      for (const job of group) if (!there.has(job.id)) await ctx.io.create(operation, newJobItem(job));
    }
  };

  async function complete(id: string, owner: string, at: Date, effects: JobEffects = {}): Promise<boolean> {
    const skip = new Set<string>();
    let partition: string | null = null;
    const done = await retryOnConflict(`jobs.complete ${id}`, async (): Promise<boolean | 'cancelled' | undefined> => {
      const item = await readItem('jobs.complete', id);
      partition = item?.pk ?? null;
      if (!item || item.leaseOwner !== owner || item.status === 'done') return false;
      // Cancelled while it ran (a decision re-derived its application's jobs): settled without its effects,
      // so the decision that cancelled it stands. Re-derived as pending again, it completes: the lease is what counts.
      if (item.status === 'cancelled')
        return (await ctx.io.replace('jobs.complete', jobWrite(item, { leaseUntil: null }), item._etag))
          ? 'cancelled'
          : undefined;
      // Work that follows in the same partition commits with the completion; a next run already scheduled is kept.
      const follows = (effects.schedule ?? []).filter((j) => jobPartition(j) === item.pk);
      const there = new Set(
        follows.length
          ? (
              await jobsIn(
                ctx,
                'jobs.complete follows',
                item.pk,
                follows.map((j) => j.id),
              )
            ).map((j) => j.jobId)
          : [],
      );
      // The audit chain's head goes first (audit-chain-heads.ts), then the job's own guard.
      const appended = chainAppend(ctx, await chainHead(ctx, 'jobs.complete', item.pk), item.pk, effects.audit ?? []);
      const guard = appended.head.length;
      const ops: BatchOp[] = [
        ...appended.head,
        {
          op: 'replace',
          item: jobWrite(item, { status: 'done', doneAt: at.toISOString(), leaseUntil: null }),
          ifMatch: item._etag,
        },
        ...follows.filter((j) => !there.has(j.id)).map((j) => ({ op: 'create' as const, item: newJobItem(j) })),
        ...appended.entries,
        ...outboxCreates(
          (effects.outbox ?? []).filter((m) => !skip.has(ITEM_IDS.outbox(m.id))),
          item.pk,
          ctx.nextSeq,
        ),
      ];
      const outcome = await ctx.io.batch('jobs.complete', item.pk, ops);
      appended.settle(outcome);
      if (outcome.ok) return true;
      if (outcome.index <= guard && [409, 412, 404].includes(outcome.status)) return undefined;
      const failed = ops[outcome.index];
      if (outcome.status === 409 && failed) {
        skip.add(failed.item.id);
        return undefined;
      }
      throw new Error(
        `Cosmos DB: completing job ${id} failed with status ${outcome.status} at operation ${outcome.index}`,
      );
    });
    if (done === 'cancelled') return true;
    // Work for another partition (another application's) follows the commit; scheduling it again is harmless.
    if (done)
      await schedule(
        'jobs.complete follows',
        (effects.schedule ?? []).filter((j) => jobPartition(j) !== partition),
      );
    return done;
  }

  return {
    async claimDue(now, limit, owner, leaseUntil) {
      const claimed: Job[] = [];
      if (limit <= 0) return claimed;
      for await (const page of ctx.io.pages('jobs.claimDue', due(now.toISOString()), {
        pageSize: Math.min(Math.max(limit, 10), 100),
      })) {
        for (const raw of page) {
          const item = parseJobItem(raw, 'due');
          const leased = jobWrite(item, {
            leaseOwner: owner,
            leaseUntil: leaseUntil.toISOString(),
            attempts: item.attempts + 1,
          });
          if (await ctx.io.replace('jobs.claimDue', leased, item._etag)) {
            locate.remember(item.jobId, item.pk);
            claimed.push(item.body);
            if (claimed.length >= limit) return bySoonest(claimed);
          }
        }
      }
      return bySoonest(claimed);
    },
    complete,
    async fail(id, owner, error, retryAt) {
      await retryOnConflict(`jobs.fail ${id}`, async () => {
        const item = await readItem('jobs.fail', id);
        if (!item || item.leaseOwner !== owner) return true;
        const failed = jobWrite(item, {
          lastError: error,
          dueAt: retryAt.toISOString(),
          leaseOwner: null,
          leaseUntil: null,
        });
        return (await ctx.io.replace('jobs.fail', failed, item._etag)) ? true : undefined;
      });
    },
    async schedule(jobs) {
      await schedule('jobs.schedule', jobs);
    },
    async pendingFor(applicationId) {
      const raw = await ctx.io.inPartition('jobs.pendingFor', applicationId, 'c.type = "job" AND c.status = "pending"');
      return raw
        .map((item, i) => parseJobItem(item, `${applicationId} #${i}`))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .map((item) => item.body);
    },
  };
}
