import { chainHash, GENESIS } from '../audit-chain';
import type { SqliteDatabase } from './sqlite-connection';

/**
 * Chains the audit rows written before the trail was a hash chain, once, in row order, inside the
 * migration's transaction; then the database itself keeps every later row chained: a row must carry
 * both hashes, and no two rows may follow the same one. The append-only trigger is lifted for that
 * one UPDATE and put back before the transaction commits.
 *
 * Why chain the old rows rather than start the chain after them: the database already refused to
 * change or remove them (the triggers of migration 1), so their state now is the best evidence there
 * is of their state before, and chaining them makes any later change to them as visible as to a new one.
 */
export function chainAuditRows(db: SqliteDatabase): void {
  db.exec('DROP TRIGGER audit_no_update');
  const rows = db.prepare<
    [],
    { id: number; at: string; actor: string; action: string; subject: string; before: string; after: string }
  >('SELECT id, at, actor, action, subject, before, after FROM audit ORDER BY id');
  const chain = db.prepare<[string, string, number]>('UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?');
  let prev = GENESIS;
  for (const row of rows.all()) {
    const hash = chainHash(prev, { ...row, before: JSON.parse(row.before), after: JSON.parse(row.after) });
    chain.run(prev, hash, row.id);
    prev = hash;
  }
  db.exec(`
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
    CREATE TRIGGER audit_chained BEFORE INSERT ON audit
      WHEN NEW.prev_hash IS NULL OR NEW.hash IS NULL OR length(NEW.hash) != 64
      BEGIN SELECT RAISE(ABORT, 'an audit row must carry its chain hashes'); END;
    CREATE UNIQUE INDEX audit_chain ON audit (prev_hash);
  `);
}
