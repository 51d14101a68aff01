import type { Directory } from '../../app/records/directory';
import type { DirectoryRepository } from '../../app/ports/store';
import { auditEntry } from '../../app/records/audit';
import type { AuditWriter } from './audit-trail';
import { directorySchema } from '../schemas/reference-schemas';
import { readDocument, writeDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';

interface DirectoryRow {
  version: number;
  doc: string;
}

const toDirectory = (row: DirectoryRow): Directory => readDocument(directorySchema, 'directory', row.version, row.doc);

/**
 * The directory: each replacement is a new row (older ones are kept for the record) and an audit
 * row with the directory before and after, committed together.
 */
export function sqliteDirectoryRepository(db: SqliteDatabase, writeAudit: AuditWriter): DirectoryRepository {
  const latest = db.prepare<[], DirectoryRow>('SELECT version, doc FROM directory ORDER BY version DESC LIMIT 1');
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO directory (replaced_at, replaced_by, doc) VALUES (?, ?, ?)',
  );
  const replace = db.transaction((directory: Directory, by: string, at: Date) => {
    const before = latest.get();
    insert.run(at.toISOString(), by, writeDocument(directorySchema, 'directory', directory));
    writeAudit([auditEntry(at, by, 'directory.replace', 'directory', before ? toDirectory(before) : null, directory)]);
  });
  return {
    async replace(directory, by, at) {
      replace.immediate(directory, by, at);
    },
    async get() {
      const row = latest.get();
      return row ? toDirectory(row) : null;
    },
  };
}
