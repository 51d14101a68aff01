import { z } from 'zod';
import type { AuditChainBreak, AuditChainReport } from '../../app/ports/store';
import { chainWalker } from '../audit-chain';
import { auditEntrySchema } from '../schemas/audit-schema';
import { parseDocument } from '../schemas/stored-document';
import { AUDIT_HEAD_TYPE, chainHeadSchema } from './audit-chain-heads';
import { itemKey, type CosmosContext } from './cosmos-context';

const auditItemSchema = z.object({
  seq: z.string(),
  position: z.number().int().optional(),
  prev: z.string().optional(),
  hash: z.string().optional(),
  body: auditEntrySchema,
});
type AuditItem = z.infer<typeof auditItemSchema>;

const partitionOf = z.object({ pk: z.string() });

/**
 * Walks every partition's audit chain, partition by partition (one partition's items in memory at a
 * time): from position 1 to the end its head records. Items with no chain fields that sort (by their
 * write-order key) before the partition's first chained entry were written before the store chained its
 * trail: counted as `unchained`, covered by no chain. One after it was written behind the store's back.
 */
export async function verifyAuditChains(ctx: CosmosContext): Promise<AuditChainReport> {
  const where = await ctx.io.all('audit.verify', {
    query: `SELECT c.pk FROM c WHERE c.type = "audit" OR c.type = "${AUDIT_HEAD_TYPE}"`,
  });
  const partitions = [...new Set(where.map((r, i) => parseDocument(partitionOf, 'audit', `#${i}`, r).pk))].sort();
  const report: AuditChainReport = { entries: 0, chains: 0, unchained: 0, broken: null };
  for (const pk of partitions) {
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
    report.unchained += legacy.length;
    if (chained.length > 0 || head) report.chains += 1;

    const walker = chainWalker(pk, head && { position: head.position, hash: head.hash });
    let broken: AuditChainBreak | null = null;
    for (const item of chained) {
      broken = walker.next({
        position: item.position ?? 0,
        entry: item.body,
        prev: item.prev ?? null,
        hash: item.hash ?? null,
      });
      if (broken) break;
    }
    broken ??= walker.end();
    report.entries += walker.entries;
    const late = loose[legacy.length];
    if (!broken && late)
      broken = {
        chain: pk,
        position: null,
        entry: { at: late.body.at, action: late.body.action, subject: late.body.subject },
        problem: 'unchained',
      };
    if (broken) return { ...report, broken };
  }
  return report;
}
