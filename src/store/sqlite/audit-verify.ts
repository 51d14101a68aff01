import type { AuditChainBreak, AuditChainReport, AuditSigningReport } from '../../app/ports/store';
import { chainWalker, type RecordedEnd } from '../audit-chain';
import { sealBreak, type Checkpoint, type CheckpointSigner } from '../audit-checkpoint';
import { AUDIT_COLUMNS, auditHead, entryOf, type AuditHeadRow, type AuditRow } from './audit-rows';
import type { SqliteDatabase } from './sqlite-connection';

/**
 * Where the store recorded the chain's end: its checkpoint, unless SQLite handed out a higher row
 * number (`sqlite_sequence`), so rows removed from the end with an old checkpoint put back are missed
 * too. No checkpoint although rows are there: every row is one too many, as on Cosmos DB.
 */
function recordedEnd(head: AuditHeadRow | undefined, sequence: number | undefined, hasRows: boolean) {
  if (head) return sequence !== undefined && sequence > head.position ? { position: sequence } : head;
  if (hasRows || sequence === undefined) return null;
  return { position: sequence } satisfies RecordedEnd;
}

/** A walk's report, and the checkpoint to sign when signing found an intact chain whose checkpoint needs it. */
interface Walked {
  report: AuditChainReport;
  toSign: Checkpoint | null;
}

/**
 * Walks the file's one chain in row order, reading row by row inside one read transaction (a
 * consistent snapshot while writers go on): its checkpoint against the key first, since the walk
 * trusts the end it records; then every row up to it. When `signing`, an unsigned checkpoint is no
 * break but the one to sign, as is one that carries the previous key's signature.
 */
function walk(db: SqliteDatabase, signer: CheckpointSigner, signing: boolean): Walked {
  const head = auditHead(db);
  const sequence = db.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").pluck();
  const anyRow = db.prepare<[], number>('SELECT 1 FROM audit LIMIT 1').pluck();
  const rows = db.prepare<[], AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit ORDER BY id`);
  const read = db.transaction((): Walked => {
    const checkpoint = head.get();
    const last = sequence.get();
    const report: AuditChainReport = {
      entries: 0,
      chains: last === undefined && !checkpoint ? 0 : 1,
      unchained: 0,
      checkpoints: signer.keyed ? 'signed' : 'unsigned',
      previousKey: 0,
      broken: null,
    };
    const place = checkpoint && { chain: '', position: checkpoint.position, hash: checkpoint.hash };
    const seal = place ? signer.seal(place, checkpoint.signature) : 'unkeyed';
    const sealed = place && !(signing && seal === 'unsigned') ? sealBreak(place, seal) : null;
    if (sealed) return { report: { ...report, broken: sealed }, toSign: null };
    const walker = chainWalker('', recordedEnd(checkpoint, last, anyRow.get() !== undefined));
    let broken: AuditChainBreak | null = null;
    for (const row of rows.iterate()) {
      broken = walker.next({ position: row.id, entry: entryOf(row), prev: row.prev_hash, hash: row.hash });
      if (broken) break;
    }
    report.entries = walker.entries;
    report.broken = broken ?? walker.end();
    if (seal === 'previous') report.previousKey = 1;
    const needsSigning = signing && !report.broken && (seal === 'unsigned' || seal === 'previous');
    return { report, toSign: needsSigning && place ? place : null };
  });
  return read.deferred();
}

/** Walks the chain and checks its checkpoint (see `walk`). */
export function verifySqliteChain(db: SqliteDatabase, signer: CheckpointSigner): AuditChainReport {
  return walk(db, signer, false).report;
}

/**
 * Signs the checkpoint of the intact chain when it is unsigned or carries the previous key's
 * signature: in a write transaction of its own, only if the checkpoint is still the one walked (an
 * append may have moved it meanwhile; then the chain is walked again).
 */
export function signSqliteCheckpoint(db: SqliteDatabase, signer: CheckpointSigner): AuditSigningReport {
  const resign = db.prepare<[string, number, string]>(
    'UPDATE audit_head SET signature = ? WHERE id = 1 AND position = ? AND hash = ?',
  );
  // Without a key there is nothing to sign with: say so before walking anything.
  if (!signer.keyed)
    return { entries: 0, chains: 0, unchained: 0, checkpoints: 'unsigned', previousKey: 0, broken: null, signed: 0 };
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const { report, toSign } = walk(db, signer, true);
    const signature = toSign && signer.sign(toSign);
    if (!toSign || !signature) return { ...report, signed: 0 };
    const changed = db.transaction(() => resign.run(signature, toSign.position, toSign.hash).changes).immediate();
    if (changed === 1) return { ...report, previousKey: 0, signed: 1 };
  }
  throw new Error('SQLite: the audit checkpoint kept moving while it was being signed (10 attempts)');
}
