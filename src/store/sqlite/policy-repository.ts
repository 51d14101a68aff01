import { auditEntry } from '../../app/records/audit';
import type { PolicyRepository } from '../../app/ports/store';
import type { AuditWriter } from './audit-trail';
import { isLocalDate, type LocalDate } from '../../domain/local-date';
import type { Policy, PolicyContent } from '../../domain/policy';
import { policyContentSchema } from '../schemas/reference-schemas';
import { readDocument, writeDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';
import { versionedReads } from '../parsed-cache';

interface PolicyRow {
  version: number;
  effective_from: string;
  imported_at: string;
  imported_by: string;
  doc: string;
}

const COLUMNS = 'version, effective_from, imported_at, imported_by, doc';

const toPolicy = (row: PolicyRow): Policy => ({
  ...readDocument(policyContentSchema, 'policies', row.version, row.doc),
  version: row.version,
  effectiveFrom: row.effective_from,
  importedAt: row.imported_at,
  importedBy: row.imported_by,
});

// Dates are compared as text in SQL, which is only right for well-formed YYYY-MM-DD.
function assertDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new RangeError(`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** Tier policy versions with the date each takes effect; new versions are added, the past is never edited. */
export function sqlitePolicyRepository(db: SqliteDatabase, writeAudit: AuditWriter): PolicyRepository {
  const insert = db.prepare<[string, string, string, string], PolicyRow>(
    `INSERT INTO policies (effective_from, imported_at, imported_by, doc) VALUES (?, ?, ?, ?) RETURNING ${COLUMNS}`,
  );
  // The SQL form of the domain's policyInForce(): latest effective date on or before the day, later version on a tie.
  const inForceVersion = db.prepare<[string], { version: number }>(
    'SELECT version FROM policies WHERE effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1',
  );
  const byVersion = db.prepare<[number], PolicyRow>(`SELECT ${COLUMNS} FROM policies WHERE version = ?`);
  // Read whenever a plan is judged or shown; each version is parsed once (issue 13).
  const versions = versionedReads((version) => {
    const row = byVersion.get(version);
    return row ? toPolicy(row) : null;
  });
  const all = db.prepare<[], PolicyRow>(`SELECT ${COLUMNS} FROM policies ORDER BY version`);
  // The new version and its audit row commit together.
  const add = db.transaction((content: PolicyContent, effectiveFrom: LocalDate, by: string, at: Date): Policy => {
    const row = insert.get(effectiveFrom, at.toISOString(), by, writeDocument(policyContentSchema, 'policy', content));
    if (!row) throw new Error('policies: the insert returned no row');
    const policy = toPolicy(row);
    writeAudit([auditEntry(at, by, 'policy.import', 'policy', null, policy)]);
    return policy;
  });
  return {
    async add(content, effectiveFrom, by, at) {
      assertDate(effectiveFrom);
      return add.immediate(content, effectiveFrom, by, at);
    },
    async inForceOn(date) {
      assertDate(date);
      const row = inForceVersion.get(date);
      return row ? versions.byVersion(row.version) : null;
    },
    async get(version) {
      return versions.byVersion(version);
    },
    async list() {
      return all.all().map(toPolicy);
    },
  };
}
