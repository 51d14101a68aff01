import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;
export type Statement<Params extends unknown[] | object, Row> = Database.Statement<Params, Row>;

export interface SqliteConnectionOptions {
  /** How long a writer waits for another connection's lock before failing; default 5000 ms. */
  busyTimeoutMs?: number;
}

/**
 * Opens a database file with the settings PlanDesk relies on: WAL so readers never block the
 * writer, a busy timeout so two processes queue instead of failing, and foreign keys enforced.
 */
export function openDatabase(file: string, options: SqliteConnectionOptions = {}): SqliteDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    // The timeout comes first, so that switching to WAL also waits for a concurrent opener.
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses no committed transaction on a crash of the process, only on power loss.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
