import { z } from 'zod';
import type { AuditChainBreak, AuditChainReport, AuditSigningReport } from '../../app/ports/store';
import { chainWalker } from '../audit-chain';
import { sealBreak, type Checkpoint } from '../audit-checkpoint';
import { auditEntrySchema } from '../schemas/audit-schema';
import { parseDocument } from '../schemas/stored-document';
import { AUDIT_HEAD_TYPE, chainHeadSchema } from './audit-chain-heads';
import { itemKey, retryOnConflict, type CosmosContext } from './cosmos-context';
import { ITEM_IDS } from './item-keys';

const auditItemSchema = z.object({
  seq: z.string(),
  position: z.number().int().optional(),
  prev: z.string().optional(),
  hash: z.string().optional(),
  body: auditEntrySchema,
});
type AuditItem = z.infer<typeof auditItemSchema>;

const partitionOf = z.object({ pk: z.string() });

/** What walking one partition found; `resign` is set when its intact chain's checkpoint is to be signed anew. */
interface PartitionWalk {
  entries: number;
  chains: number;
  unchained: number;
  previousKey: number;
  broken: AuditChainBreak | null;
  resign: { checkpoint: Checkpoint; etag: string } | null;
}

/**
 * Walks one partition's chain (its items in memory, one partition at a time): its checkpoint (the head
 * item) against the key first, since the walk trusts the end it records; then from position 1 to that
 * end. Items with no chain fields that sort (by their write-order key) before the partition's first
 * chained entry were written before the store chained its trail: counted as `unchained`, covered by no
 * chain. One after it was written behind the store's back. When `signing`, an unsigned checkpoint is
 * no break: it is what is to be signed.
 */
async function walkPartition(ctx: CosmosContext, pk: string, signing: boolean): Promise<PartitionWalk> {
  const raw = await ctx.io.inPartition('audit.verify', pk, `c.type = "audit" OR c.type = "${AUDIT_HEAD_TYPE}"`);
  const headRaw = raw.find((r) => (r as { type?: unknown }).type === AUDIT_HEAD_TYPE);
  const head = headRaw === undefined ? null : parseDocument(chainHeadSchema, 'audit chain heads', pk, headRaw);
  const items = raw
    .filter((r) => r !== headRaw)
    .map((r, i) => parseDocument(auditItemSchema, 'audit', itemKey(r, `${pk} #${i}`), r));
  const isLoose = (i: AuditItem) => i.position === undefined && i.prev === undefined && i.hash === undefined;
  const chained = items.filter((i) => !isLoose(i)).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const loose = items.filter(isLoose).sort((a, b) => a.seq.localeCompare(b.seq));
  const firstSeq = chained.reduce<string | null>((min, i) => (min === null || i.seq < min ? i.seq : min), null);
  const legacy = firstSeq === null ? loose : loose.filter((i) => i.seq < firstSeq);
  const walk: PartitionWalk = {
    entries: 0,
    chains: chained.length > 0 || head ? 1 : 0,
    unchained: legacy.length,
    previousKey: 0,
    broken: null,
    resign: null,
  };

  const checkpoint = head && { chain: pk, position: head.position, hash: head.hash };
  const seal = checkpoint ? ctx.checkpoints.seal(checkpoint, head?.signature) : 'unkeyed';
  if (checkpoint && !(signing && seal === 'unsigned')) walk.broken = sealBreak(checkpoint, seal);
  if (walk.broken) return walk;
  if (seal === 'previous') walk.previousKey = 1;

  const walker = chainWalker(pk, head && { position: head.position, hash: head.hash });
  for (const item of chained) {
    walk.broken = walker.next({
      position: item.position ?? 0,
      entry: item.body,
      prev: item.prev ?? null,
      hash: item.hash ?? null,
    });
    if (walk.broken) break;
  }
  walk.broken ??= walker.end();
  walk.entries = walker.entries;
  const late = loose[legacy.length];
  if (!walk.broken && late)
    walk.broken = {
      chain: pk,
      position: null,
      entry: { at: late.body.at, action: late.body.action, subject: late.body.subject },
      problem: 'unchained',
    };
  if (signing && !walk.broken && checkpoint && head && (seal === 'unsigned' || seal === 'previous'))
    walk.resign = { checkpoint, etag: head._etag };
  return walk;
}

/**
 * Walks every partition's chain, partition by partition, and when `signing` signs each intact one's
 * checkpoint that needs it: replaced on its ETag, so a head an append moved meanwhile is walked again.
 */
async function walkAll(ctx: CosmosContext, signing: boolean): Promise<AuditSigningReport> {
  const report: AuditSigningReport = {
    entries: 0,
    chains: 0,
    unchained: 0,
    checkpoints: ctx.checkpoints.keyed ? 'signed' : 'unsigned',
    previousKey: 0,
    broken: null,
    signed: 0,
  };
  // Without a key there is nothing to sign with: say so before walking anything.
  if (signing && !ctx.checkpoints.keyed) return report;
  const where = await ctx.io.all('audit.verify', {
    query: `SELECT c.pk FROM c WHERE c.type = "audit" OR c.type = "${AUDIT_HEAD_TYPE}"`,
  });
  const partitions = [...new Set(where.map((r, i) => parseDocument(partitionOf, 'audit', `#${i}`, r).pk))].sort();
  for (const pk of partitions) {
    const walk = await retryOnConflict(`signing the audit checkpoint of partition ${pk}`, async () => {
      const found = await walkPartition(ctx, pk, signing);
      if (!signing || !found.resign) return found;
      const { checkpoint, etag } = found.resign;
      const signature = ctx.checkpoints.sign(checkpoint);
      const { position, hash } = checkpoint;
      const item = { id: ITEM_IDS.auditHead, pk, type: AUDIT_HEAD_TYPE, position, hash, signature };
      return (await ctx.io.replace('audit.sign', item, etag)) ? found : undefined;
    });
    report.entries += walk.entries;
    report.chains += walk.chains;
    report.unchained += walk.unchained;
    if (walk.resign) report.signed += 1;
    else report.previousKey += walk.previousKey;
    if (walk.broken) return { ...report, broken: walk.broken };
  }
  return report;
}

/** Walks every partition's audit chain and checks its checkpoint (see walkPartition). */
export async function verifyAuditChains(ctx: CosmosContext): Promise<AuditChainReport> {
  const { entries, chains, unchained, checkpoints, previousKey, broken } = await walkAll(ctx, false);
  return { entries, chains, unchained, checkpoints, previousKey, broken };
}

/** Signs the checkpoints of the intact chains that are unsigned or carry the previous key's signature. */
export const signAuditCheckpoints = (ctx: CosmosContext): Promise<AuditSigningReport> => walkAll(ctx, true);
