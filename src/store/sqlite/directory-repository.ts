import type { Directory, DirectoryVersion } from '../../app/records/directory';
import type { DirectoryRepository } from '../../app/ports/store';
import { auditEntry } from '../../app/records/audit';
import type { AuditWriter } from './audit-trail';
import { directorySchema } from '../schemas/reference-schemas';
import { readDocument, writeDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';
import { versionedReads } from '../parsed-cache';

// The table predates versioned imports: a version's import time and importer are its replaced_at and replaced_by.
interface DirectoryRow {
  version: number;
  replaced_at: string;
  replaced_by: string;
  doc: string;
}

const COLUMNS = 'version, replaced_at, replaced_by, doc';

const toVersion = (row: DirectoryRow): DirectoryVersion => ({
  ...readDocument(directorySchema, 'directory', row.version, row.doc),
  version: row.version,
  importedAt: row.replaced_at,
  importedBy: row.replaced_by,
});

/**
 * Directory versions, one row per import, each audited with the version before it; rows are only
 * ever added, so the directory an application was routed on stays readable.
 */
export function sqliteDirectoryRepository(db: SqliteDatabase, writeAudit: AuditWriter): DirectoryRepository {
  const latest = db.prepare<[], DirectoryRow>(`SELECT ${COLUMNS} FROM directory ORDER BY version DESC LIMIT 1`);
  const latestVersion = db.prepare<[], { version: number }>('SELECT max(version) AS version FROM directory');
  const byVersion = db.prepare<[number], DirectoryRow>(`SELECT ${COLUMNS} FROM directory WHERE version = ?`);
  const all = db.prepare<[], DirectoryRow>(`SELECT ${COLUMNS} FROM directory ORDER BY version`);
  const insert = db.prepare<[string, string, string], DirectoryRow>(
    `INSERT INTO directory (replaced_at, replaced_by, doc) VALUES (?, ?, ?) RETURNING ${COLUMNS}`,
  );
  // The new version and its audit row commit together.
  const add = db.transaction((directory: Directory, by: string, at: Date): DirectoryVersion => {
    const before = latest.get();
    const row = insert.get(at.toISOString(), by, writeDocument(directorySchema, 'directory', directory));
    if (!row) throw new Error('directory: the insert returned no row');
    const added = toVersion(row);
    writeAudit([auditEntry(at, by, 'directory.import', 'directory', before ? toVersion(before) : null, added)]);
    return added;
  });
  // Read on every turn; each version is parsed once (issue 13).
  const versions = versionedReads((version) => {
    const row = byVersion.get(version);
    return row ? toVersion(row) : null;
  });
  return {
    async add(directory, by, at) {
      return add.immediate(directory, by, at);
    },
    async get() {
      const version = latestVersion.get()?.version;
      return typeof version === 'number' ? versions.byVersion(version) : null;
    },
    async getVersion(version) {
      return versions.byVersion(version);
    },
    async list() {
      return all.all().map(toVersion);
    },
  };
}
