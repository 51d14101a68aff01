import { z } from 'zod';
import type { AuditEntry } from '../../app/records/audit';
import type { AuditTrail } from '../../app/ports/store';
import { auditEntrySchema } from '../schemas/audit-schema';
import { parseDocument } from '../schemas/stored-document';
import { chainAppend, chainHead } from './audit-chain-heads';
import { auditPage } from './audit-pages';
import { signAuditCheckpoints, verifyAuditChains } from './audit-verify';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import { subjectPartition } from './item-keys';

const auditItemSchema = z.object({ id: z.string(), seq: z.string(), body: auditEntrySchema });

/**
 * The audit trail. Entries are kept in the partition of the write they record (an application's
 * entries with it), chained there (audit-chain-heads.ts), so `about` is a query across partitions on
 * the indexed subject: an auditor's read, never on the approval path. Nothing in PlanDesk replaces or
 * deletes an audit item.
 */
export function cosmosAuditTrail(ctx: CosmosContext): AuditTrail {
  /** Up to 99 entries after the partition's chain head, in one batch (a batch holds 100 operations). */
  const appendTo = (pk: string, entries: readonly AuditEntry[]) =>
    retryOnConflict(`appending audit entries in ${pk}`, async () => {
      const appended = chainAppend(ctx, await chainHead(ctx, 'audit.append', pk), pk, entries);
      const outcome = await ctx.io.batch('audit.append', pk, [...appended.head, ...appended.entries]);
      appended.settle(outcome);
      if (outcome.ok) return true;
      // Another entry took the head first: chain after it.
      if (outcome.index === 0 && (outcome.status === 409 || outcome.status === 412)) return undefined;
      throw new Error(`Cosmos DB: appending audit entries failed with status ${outcome.status}`);
    });

  return {
    async append(entries) {
      // Entries about one subject are appended in one batch; about several, one batch per subject's partition.
      const byPartition = new Map<string, AuditEntry[]>();
      for (const entry of entries) {
        const pk = subjectPartition(entry.subject);
        byPartition.set(pk, [...(byPartition.get(pk) ?? []), entry]);
      }
      for (const [pk, group] of byPartition) {
        for (let i = 0; i < group.length; i += 99) await appendTo(pk, group.slice(i, i + 99));
      }
    },
    async about(subject, actions) {
      if (actions?.length === 0) return [];
      const items = await ctx.io.all('audit.about', {
        query: `SELECT c.id, c.seq, c.body FROM c WHERE c.type = "audit" AND c.subject = @subject${actions ? ' AND ARRAY_CONTAINS(@actions, c.body.action)' : ''}`,
        parameters: [
          { name: '@subject', value: subject },
          ...(actions ? [{ name: '@actions', value: [...actions] }] : []),
        ],
      });
      return items
        .map((raw, i) => parseDocument(auditItemSchema, 'audit', `${subject} #${i}`, raw))
        .sort((a, b) => a.seq.localeCompare(b.seq))
        .map((item) => item.body);
    },
    async aboutEach(subjects, actions) {
      if (subjects.length === 0 || actions.length === 0) return [];
      const items = await ctx.io.all('audit.aboutEach', {
        query:
          'SELECT c.id, c.seq, c.body FROM c WHERE c.type = "audit" AND ARRAY_CONTAINS(@subjects, c.subject) AND ARRAY_CONTAINS(@actions, c.body.action)',
        parameters: [
          { name: '@subjects', value: [...subjects] },
          { name: '@actions', value: [...actions] },
        ],
      });
      return items
        .map((raw, i) => parseDocument(auditItemSchema, 'audit', `aboutEach #${i}`, raw))
        .sort((a, b) => a.seq.localeCompare(b.seq))
        .map((item) => item.body);
    },
    verify: () => verifyAuditChains(ctx),
    signCheckpoints: () => signAuditCheckpoints(ctx),
    page: (query, limit, cursor) => auditPage(ctx, query, limit, cursor),
  };
}
