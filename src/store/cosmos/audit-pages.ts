import { z } from 'zod';
import type { AuditPage, AuditQuery, StoredAuditEntry } from '../../app/ports/store';
import { auditEntrySchema } from '../schemas/audit-schema';
import { parseDocument } from '../schemas/stored-document';
import { itemKey, type CosmosContext } from './cosmos-context';

const pagedItemSchema = z.object({
  pk: z.string(),
  seq: z.string(),
  position: z.number().int().optional(),
  prev: z.string().optional(),
  hash: z.string().optional(),
  body: auditEntrySchema,
});

/** A page's cursor: the write-order key of the last entry read, as opaque text. */
const writeCursor = (seq: string): string => Buffer.from(JSON.stringify([seq])).toString('base64url');

/** The key a cursor names, or null for text this store never gave as one. */
function readCursor(cursor: string): string | null {
  try {
    const place: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(place) && typeof place[0] === 'string' ? place[0] : null;
  } catch {
    return null;
  }
}

/**
 * The audit trail across partitions in write order (the indexed `seq`), one TOP query at a time. The
 * subject prefix is matched by the index; the entry's time is in its body, which is not indexed (a
 * filter on it would need a scan the service refuses), so time is matched here, reading on until the
 * page is full or the trail ends.
 */
export async function auditPage(
  ctx: CosmosContext,
  query: AuditQuery,
  limit: number,
  cursor: string | null | undefined,
): Promise<AuditPage> {
  let after = cursor ? readCursor(cursor) : '';
  // A cursor this store never gave continues nowhere: the page after it is empty.
  if (after === null) return { entries: [], next: null };
  const inTime = (at: string) =>
    (query.from === undefined || at >= query.from) && (query.before === undefined || at < query.before);
  const entries: StoredAuditEntry[] = [];
  for (;;) {
    const where = ['c.type = "audit"', 'c.seq > @after'];
    const parameters = [
      { name: '@n', value: limit + 1 },
      { name: '@after', value: after },
    ];
    if (query.subjectPrefix !== undefined) {
      where.push('STARTSWITH(c.subject, @prefix)');
      parameters.push({ name: '@prefix', value: query.subjectPrefix });
    }
    const raw = await ctx.io.all('audit.page', {
      query: `SELECT TOP @n c.id, c.pk, c.seq, c.position, c.prev, c.hash, c.body FROM c WHERE ${where.join(' AND ')} ORDER BY c.seq`,
      parameters,
    });
    const items = raw.map((item, i) => parseDocument(pagedItemSchema, 'audit', itemKey(item, `page #${i}`), item));
    for (const [i, item] of items.entries()) {
      if (i === limit) break;
      after = item.seq;
      if (!inTime(item.body.at)) continue;
      entries.push({
        entry: item.body,
        chain: item.pk,
        position: item.position ?? null,
        prev: item.prev ?? null,
        hash: item.hash ?? null,
      });
      if (entries.length === limit) {
        const more = i + 1 < items.length;
        return { entries, next: more ? writeCursor(item.seq) : null };
      }
    }
    if (items.length <= limit) return { entries, next: null };
  }
}
