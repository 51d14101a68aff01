import type { AuditEntry } from '../../app/records/audit';
import { auditItems } from './audit-trail';
import type { CosmosContext } from './cosmos-context';
import type { BatchOp, Item } from './cosmos-io';

/**
 * Commits a new version of reference data in its partition as one batch: the head item (the current
 * version, or the index of versions) replaced on its ETag — or created when there is none yet — the
 * version's own item, and its audit entry. True when it committed; false when another import got
 * there first (the caller reads again and numbers its version after that one).
 */
export async function commitVersion(
  ctx: CosmosContext,
  operation: string,
  head: { item: Item; etag: string | null },
  version: Item,
  audit: AuditEntry,
): Promise<boolean> {
  const ops: BatchOp[] = [
    head.etag === null ? { op: 'create', item: head.item } : { op: 'replace', item: head.item, ifMatch: head.etag },
    { op: 'create', item: version },
    ...auditItems([audit], head.item.pk, ctx.nextSeq).map((item) => ({ op: 'create' as const, item })),
  ];
  const outcome = await ctx.io.batch(operation, head.item.pk, ops);
  if (outcome.ok) return true;
  if (outcome.index === 0 && (outcome.status === 409 || outcome.status === 412)) return false;
  throw new Error(`Cosmos DB: ${operation} failed with status ${outcome.status} at operation ${outcome.index}`);
}
