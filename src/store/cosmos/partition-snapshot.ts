import { z } from 'zod';
import type { CosmosContext } from './cosmos-context';
import { parseJobItem, type JobItem } from './job-items';

/** What a write must know of its partition before it builds its batch. */
export interface PartitionSnapshot {
  /** The jobs it replaces: those pending, and those with the ids it wants. */
  jobs: JobItem[];
  /** The ids of its messages already there (decided before): they are not written again. */
  messages: Set<string>;
}

const outboxIdSchema = z.object({ type: z.literal('outbox'), messageId: z.string() });

/**
 * Reads, in one query inside the partition, the jobs a write replaces (when `jobIds` is given) and
 * which of its message ids exist. Asking first rather than letting a create fail keeps a batch from
 * failing after its first operation, which cosmosdb-server, unlike the service, would not roll back.
 */
export async function partitionSnapshot(
  ctx: CosmosContext,
  operation: string,
  pk: string,
  jobIds: readonly string[] | null,
  messageIds: readonly string[],
): Promise<PartitionSnapshot> {
  const wanted: string[] = [];
  if (jobIds !== null) wanted.push('(c.type = "job" AND (c.status = "pending" OR ARRAY_CONTAINS(@jobIds, c.jobId)))');
  if (messageIds.length > 0) wanted.push('(c.type = "outbox" AND ARRAY_CONTAINS(@messageIds, c.messageId))');
  if (wanted.length === 0) return { jobs: [], messages: new Set() };
  const raw = await ctx.io.inPartition(operation, pk, wanted.join(' OR '), [
    { name: '@jobIds', value: [...(jobIds ?? [])] },
    { name: '@messageIds', value: [...messageIds] },
  ]);
  const snapshot: PartitionSnapshot = { jobs: [], messages: new Set() };
  raw.forEach((item, i) => {
    const outbox = outboxIdSchema.safeParse(item);
    if (outbox.success) snapshot.messages.add(outbox.data.messageId);
    else snapshot.jobs.push(parseJobItem(item, `${pk} #${i}`));
  });
  return snapshot;
}
