import type { AuditQuery, Store, StoredAuditEntry } from '../ports/store';
import { nameBook } from './export-names';
import { DEFAULT_PAGE_SIZE, progressCounter, type ExportOptions, type RowSink } from './row-sink';

/** One audit entry as an export row: the entry with its chain, place and hashes, and who its actor is. */
export interface AuditExportRow extends StoredAuditEntry {
  actorName: string | null;
}

/**
 * Exports the audit trail in the order it was written, one row per entry with its hashes, read a page
 * at a time; `query` narrows it by the entries' time. Returns how many rows it wrote.
 */
export async function exportAudit(
  store: Pick<Store, 'audit' | 'directory'>,
  query: Pick<AuditQuery, 'from' | 'before'>,
  sink: RowSink<AuditExportRow>,
  options: ExportOptions = {},
): Promise<{ rows: number }> {
  const names = await nameBook(store);
  const progress = progressCounter(options);
  let cursor: string | null = null;
  do {
    const page = await store.audit.page(query, options.pageSize ?? DEFAULT_PAGE_SIZE, cursor);
    for (const stored of page.entries) {
      await sink.write({ ...stored, actorName: names.person(stored.entry.actor) });
      progress.add();
    }
    cursor = page.next;
  } while (cursor);
  return { rows: progress.count() };
}
