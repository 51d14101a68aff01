import { z } from 'zod';
import type { AuditEntry } from '../../app/records/audit';
import { chainEntries, GENESIS } from '../audit-chain';
import { assertSealed } from '../audit-checkpoint';
import { parseDocument } from '../schemas/stored-document';
import type { CosmosContext } from './cosmos-context';
import type { BatchOp, BatchOutcome, Item } from './cosmos-io';
import { ITEM_IDS } from './item-keys';

/** Where a partition's chain ends: its last entry's place and hash; `etag` null when it has no head item yet. */
export interface ChainHead {
  position: number;
  hash: string;
  etag: string | null;
}

/** The heads this process last wrote or read, by partition; a stale one only costs a failed first operation. */
export type ChainHeads = Map<string, ChainHead>;

const HEADS_LIMIT = 10_000;

export const AUDIT_HEAD_TYPE = 'audit-head';

export const chainHeadSchema = z.object({
  position: z.number().int().nonnegative(),
  hash: z.string().length(64),
  /** HMAC-SHA256 over the partition, position and hash (audit-checkpoint.ts); absent when written without a key. */
  signature: z.string().optional(),
  _etag: z.string(),
});

const remember = (heads: ChainHeads, pk: string, head: ChainHead) => {
  heads.delete(pk);
  heads.set(pk, head);
  if (heads.size > HEADS_LIMIT) heads.delete(heads.keys().next().value ?? pk);
};

/**
 * The head to append after in partition `pk`: the one this process last saw, or else read. A partition
 * this very batch creates (a new application's) has none, and is not read. A partition with no head
 * item starts a chain; if it already holds chained entries, its head was removed behind the store's back,
 * and appending would fork the chain, so that is refused. So is a head read back that no configured key
 * signed (when one is): chaining after it would sign a rewritten or rolled-back tail as the store's own.
 */
export async function chainHead(ctx: CosmosContext, operation: string, pk: string, isNew = false): Promise<ChainHead> {
  const known = ctx.chainHeads.get(pk);
  if (known) return known;
  if (isNew) return { position: 0, hash: GENESIS, etag: null };
  const raw = await ctx.io.read(`${operation} chain head`, pk, ITEM_IDS.auditHead);
  if (raw !== null) return headRead(ctx, pk, raw);
  const chained = await ctx.io.inPartition(`${operation} chain head`, pk, 'c.type = "audit" AND IS_DEFINED(c.hash)');
  if (chained.length > 0)
    throw new Error(
      `Cosmos DB: partition ${pk} holds chained audit entries but no chain head; run "plandesk audit verify"`,
    );
  return { position: 0, hash: GENESIS, etag: null };
}

/**
 * The head item of partition `pk` as read from the store (raw, with `_etag`), checked as chainHead checks
 * it, and remembered: for a caller that reads many heads at a time (a migration's bulk reads).
 */
export function headRead(ctx: CosmosContext, pk: string, raw: unknown): ChainHead {
  const item = parseDocument(chainHeadSchema, 'audit chain heads', pk, raw);
  assertSealed(ctx.checkpoints, { chain: pk, position: item.position, hash: item.hash }, item.signature);
  const head = { position: item.position, hash: item.hash, etag: item._etag };
  remember(ctx.chainHeads, pk, head);
  return head;
}

/**
 * Appends entries to a partition's chain: the operations to put FIRST in the batch (the head, replaced
 * on its ETag or created, then each entry's item), and `settle`, to call with the batch's outcome (and
 * where the head went in it, when not first).
 * The head goes first because it is the chain's guard: two writers appending after the same head
 * cannot both commit (one gets 412, or 409 on a new head), so the chain never forks; and losing that
 * race fails the batch at its first operation, which writes nothing even on cosmosdb-server, which does
 * not roll a batch back. The batch's other guards follow it.
 */
export function chainAppend(
  ctx: CosmosContext,
  head: ChainHead,
  pk: string,
  entries: readonly AuditEntry[],
  nextSeq: () => string = ctx.nextSeq,
): { head: BatchOp[]; entries: BatchOp[]; settle: (outcome: BatchOutcome, headIndex?: number) => void } {
  if (entries.length === 0) return { head: [], entries: [], settle: () => undefined };
  // JSON has no undefined: an absent before/after (nothing existed, nothing remains) is kept, and hashed, as null.
  const stored = entries.map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null }));
  const links = chainEntries(head.hash, stored);
  const items: Item[] = links.map(({ entry, prev, hash }, i) => {
    const seq = nextSeq();
    return {
      id: ITEM_IDS.audit(seq),
      pk,
      type: 'audit',
      seq,
      subject: entry.subject,
      position: head.position + i + 1,
      prev,
      hash,
      body: entry,
    };
  });
  const next = { position: head.position + links.length, hash: links[links.length - 1]?.hash ?? head.hash };
  const signature = ctx.checkpoints.sign({ chain: pk, ...next });
  const headItem: Item = {
    id: ITEM_IDS.auditHead,
    pk,
    type: AUDIT_HEAD_TYPE,
    ...next,
    ...(signature ? { signature } : {}),
  };
  return {
    head: [
      head.etag === null ? { op: 'create', item: headItem } : { op: 'replace', item: headItem, ifMatch: head.etag },
    ],
    entries: items.map((item) => ({ op: 'create' as const, item })),
    settle(outcome, headIndex = 0) {
      const etag = outcome.ok ? outcome.etags[headIndex] : undefined;
      // A failed batch leaves the head as it was on the service, but maybe not on cosmosdb-server: read it next time.
      if (etag) remember(ctx.chainHeads, pk, { ...next, etag });
      else ctx.chainHeads.delete(pk);
    },
  };
}
