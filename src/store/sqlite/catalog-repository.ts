import { auditEntry } from '../../app/records/audit';
import type { CatalogRepository } from '../../app/ports/store';
import type { AuditWriter } from './audit-trail';
import type { Catalog, CatalogContent } from '../../domain/catalog';
import { catalogContentSchema } from '../schemas/reference-schemas';
import { readDocument, writeDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';
import { versionedReads } from '../parsed-cache';

interface CatalogRow {
  version: number;
  imported_at: string;
  imported_by: string;
  doc: string;
}

const toCatalog = (row: CatalogRow): Catalog => ({
  ...readDocument(catalogContentSchema, 'catalogs', row.version, row.doc),
  version: row.version,
  importedAt: row.imported_at,
  importedBy: row.imported_by,
});

/** Catalog versions, one row per monthly import, each audited; rows are only ever added, so old versions stay readable. */
export function sqliteCatalogRepository(db: SqliteDatabase, writeAudit: AuditWriter): CatalogRepository {
  const insert = db.prepare<[string, string, string], CatalogRow>(
    'INSERT INTO catalogs (imported_at, imported_by, doc) VALUES (?, ?, ?) RETURNING version, imported_at, imported_by, doc',
  );
  const byVersion = db.prepare<[number], CatalogRow>(
    'SELECT version, imported_at, imported_by, doc FROM catalogs WHERE version = ?',
  );
  // The new version and its audit row commit together.
  const add = db.transaction((content: CatalogContent, by: string, at: Date): Catalog => {
    const row = insert.get(at.toISOString(), by, writeDocument(catalogContentSchema, 'catalog', content));
    if (!row) throw new Error('catalogs: the insert returned no row');
    const catalog = toCatalog(row);
    writeAudit([auditEntry(at, by, 'catalog.import', 'catalog', null, catalog)]);
    return catalog;
  });
  const latestVersion = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM catalogs');
  // Read whenever a plan is judged or shown; each version is parsed once (issue 13).
  const versions = versionedReads((version) => {
    const row = byVersion.get(version);
    return row ? toCatalog(row) : null;
  });
  return {
    async add(content, by, at) {
      return add.immediate(content, by, at);
    },
    async current() {
      const version = latestVersion.get()?.version;
      return typeof version === 'number' ? versions.byVersion(version) : null;
    },
    async get(version) {
      return versions.byVersion(version);
    },
  };
}
