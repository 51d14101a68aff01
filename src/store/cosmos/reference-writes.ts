import type { AuditEntry } from '../../app/records/audit';
import { chainAppend, chainHead } from './audit-chain-heads';
import type { CosmosContext } from './cosmos-context';
import type { BatchOp, Item } from './cosmos-io';

/**
 * Commits a new version of reference data in its partition as one batch: the head item (the current
 * version, or the index of versions) replaced on its ETag — or created when there is none yet — the
 * version's own item, and its audit entry, after the audit chain's head (audit-chain-heads.ts). True
 * when it committed; false when another import, or another entry in the partition's chain, got there
 * first (the caller reads again and numbers its version after that one).
 */
export async function commitVersion(
  ctx: CosmosContext,
  operation: string,
  head: { item: Item; etag: string | null },
  version: Item,
  audit: AuditEntry,
): Promise<boolean> {
  const pk = head.item.pk;
  const appended = chainAppend(ctx, await chainHead(ctx, operation, pk), pk, [audit]);
  const ops: BatchOp[] = [
    ...appended.head,
    head.etag === null ? { op: 'create', item: head.item } : { op: 'replace', item: head.item, ifMatch: head.etag },
    { op: 'create', item: version },
    ...appended.entries,
  ];
  const outcome = await ctx.io.batch(operation, pk, ops);
  appended.settle(outcome);
  if (outcome.ok) return true;
  if (outcome.index <= appended.head.length && (outcome.status === 409 || outcome.status === 412)) return false;
  throw new Error(`Cosmos DB: ${operation} failed with status ${outcome.status} at operation ${outcome.index}`);
}
