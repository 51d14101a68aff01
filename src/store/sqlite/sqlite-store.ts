import type { Store } from '../../app/ports/store';
import { checkpointSigner, type AuditKeys } from '../audit-checkpoint';
import { sqliteApplicationRepository } from './application-repository';
import { sqliteAuditTrail, sqliteAuditWriter } from './audit-trail';
import { sqliteCatalogRepository } from './catalog-repository';
import { sqliteCardCopyRepository, sqliteConversationRepository } from './conversation-repository';
import { sqliteOutboxRepository, sqliteOutboxWriter } from './outbox-repository';
import { sqliteJobReplacer, sqliteJobRepository } from './job-repository';
import { sqliteDirectoryRepository } from './directory-repository';
import { migrate } from './migrations';
import { sqlitePolicyRepository } from './policy-repository';
import { sqliteTransfer } from './transfer';
import { openDatabase, type SqliteConnectionOptions } from './sqlite-connection';
import { changeStamp } from './change-stamp';

export interface SqliteStoreOptions extends SqliteConnectionOptions {
  /** The keys the audit trail's checkpoint is signed and checked with; none: written unsigned, never checked. */
  auditKeys?: AuditKeys;
}

/**
 * Opens (creating if need be, with its folder) the embedded SQLite store at `file` and brings its
 * schema up to date. Several stores, in one process or many, may share a file: writes queue on
 * SQLite's lock and stale ones are refused by version.
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const db = openDatabase(file, options);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const signer = checkpointSigner(options.auditKeys);
  const writeAudit = sqliteAuditWriter(db, signer);
  const changes = changeStamp(db);
  return {
    applications: sqliteApplicationRepository(db, writeAudit, sqliteOutboxWriter(db), sqliteJobReplacer(db)),
    jobs: sqliteJobRepository(db, writeAudit, sqliteOutboxWriter(db)),
    outbox: sqliteOutboxRepository(db, changes),
    conversations: sqliteConversationRepository(db),
    cardCopies: sqliteCardCopyRepository(db),
    catalogs: sqliteCatalogRepository(db, writeAudit),
    policies: sqlitePolicyRepository(db, writeAudit),
    directory: sqliteDirectoryRepository(db, writeAudit),
    audit: sqliteAuditTrail(db, writeAudit, signer, changes),
    transfer: sqliteTransfer(db),
    changeStamp: () => changes.stamp(),
    async close() {
      // Closing twice is harmless, so a test's cleanup need not know whether the test closed it.
      if (db.open) db.close();
    },
  };
}
