import { z } from 'zod';
import type { AuditEntry } from '../../app/records/audit';

// Not bound with exactSchema: zod types a key of `unknown` as optional, while AuditEntry requires it.
const auditEntryShape = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

/** An audit entry as a document store keeps it; before and after are whatever JSON the writer gave, null for none. */
export const auditEntrySchema = auditEntryShape.transform((e): AuditEntry => ({
  ...e,
  before: e.before ?? null,
  after: e.after ?? null,
}));
