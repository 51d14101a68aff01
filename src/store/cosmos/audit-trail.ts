import { z } from 'zod';
import type { AuditEntry } from '../../app/records/audit';
import type { AuditTrail } from '../../app/ports/store';
import { auditEntrySchema } from '../schemas/audit-schema';
import { parseDocument } from '../schemas/stored-document';
import type { CosmosContext } from './cosmos-context';
import type { Item } from './cosmos-io';
import { ITEM_IDS, subjectPartition } from './item-keys';

const auditItemSchema = z.object({ id: z.string(), seq: z.string(), body: auditEntrySchema });

/** Audit items for entries written in partition `pk`, in their order; they go into the batch of the change they record. */
export function auditItems(entries: readonly AuditEntry[], pk: string, nextSeq: () => string): Item[] {
  return entries.map((entry) => {
    const seq = nextSeq();
    // JSON has no undefined: an absent before/after (nothing existed, nothing remains) is kept as null.
    return {
      id: ITEM_IDS.audit(seq),
      pk,
      type: 'audit',
      seq,
      subject: entry.subject,
      body: { ...entry, before: entry.before ?? null, after: entry.after ?? null },
    };
  });
}

/**
 * The audit trail. Entries are kept in the partition of the write they record (an application's
 * entries with it), so `about` is a query across partitions on the indexed subject: an auditor's read,
 * never on the approval path. Nothing in PlanDesk replaces or deletes an audit item.
 */
export function cosmosAuditTrail(ctx: CosmosContext): AuditTrail {
  return {
    async append(entries) {
      // Entries about one subject are appended in one batch; about several, one batch per subject's partition.
      const byPartition = new Map<string, AuditEntry[]>();
      for (const entry of entries) {
        const pk = subjectPartition(entry.subject);
        byPartition.set(pk, [...(byPartition.get(pk) ?? []), entry]);
      }
      for (const [pk, group] of byPartition) {
        for (let i = 0; i < group.length; i += 100) {
          const items = auditItems(group.slice(i, i + 100), pk, ctx.nextSeq);
          const outcome = await ctx.io.batch(
            'audit.append',
            pk,
            items.map((item) => ({ op: 'create' as const, item })),
          );
          if (!outcome.ok) throw new Error(`Cosmos DB: appending audit entries failed with status ${outcome.status}`);
        }
      }
    },
    async about(subject) {
      const items = await ctx.io.all('audit.about', {
        query: 'SELECT c.id, c.seq, c.body FROM c WHERE c.type = "audit" AND c.subject = @subject',
        parameters: [{ name: '@subject', value: subject }],
      });
      return items
        .map((raw, i) => parseDocument(auditItemSchema, 'audit', `${subject} #${i}`, raw))
        .sort((a, b) => a.seq.localeCompare(b.seq))
        .map((item) => item.body);
    },
  };
}
