import type { AuditExportRow } from '../app/export/export-audit';
import type { Column } from './columns';

// JSON has no undefined: an absent before/after reads as null, as the store keeps and hashes it.
const json = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * The columns of `plandesk export audit`: each entry as stored (its time exactly as written, since the
 * hash covers it), with the hash before it and its own, so the chain can be checked from the file.
 */
export const AUDIT_COLUMNS: readonly Column<AuditExportRow>[] = [
  { key: 'chain', header: 'cli.export.audit.chain', kind: 'text', value: (r) => r.chain },
  { key: 'position', header: 'cli.export.audit.position', kind: 'integer', value: (r) => r.position },
  { key: 'at', header: 'cli.export.audit.at', kind: 'text', value: (r) => r.entry.at },
  { key: 'actor', header: 'cli.export.audit.actor', kind: 'text', value: (r) => r.entry.actor },
  { key: 'actor_name', header: 'cli.export.audit.actor_name', kind: 'text', value: (r) => r.actorName },
  { key: 'action', header: 'cli.export.audit.action', kind: 'text', value: (r) => r.entry.action },
  { key: 'subject', header: 'cli.export.audit.subject', kind: 'text', value: (r) => r.entry.subject },
  { key: 'before', header: 'cli.export.audit.before', kind: 'text', value: (r) => json(r.entry.before) },
  { key: 'after', header: 'cli.export.audit.after', kind: 'text', value: (r) => json(r.entry.after) },
  { key: 'prev_hash', header: 'cli.export.audit.prev_hash', kind: 'text', value: (r) => r.prev },
  { key: 'hash', header: 'cli.export.audit.hash', kind: 'text', value: (r) => r.hash },
];
