import type { AuditEntry } from '../records/audit';

/**
 * What can be wrong at one place in an audit chain:
 * - `altered`: the entry no longer hashes to the hash written with it (changed after it was written);
 * - `unlinked`: it is not chained to the entry before it (an entry before it was removed, or it was put there);
 * - `unchained`: it carries no hash although its chain had begun (written behind the store's back);
 * - `truncated`: the chain ends before the last entry the store recorded (entries removed from its end);
 * - `forged`: the chain's checkpoint (where the store recorded its end) carries a signature no configured
 *   key made: it was rewritten with the entries before it, or rolled back to cover entries removed;
 * - `unsigned`: the chain's checkpoint carries no signature although a key is configured.
 */
export type AuditChainProblem = 'altered' | 'unlinked' | 'unchained' | 'truncated' | 'forged' | 'unsigned';

/** The first place where a chain does not hold. */
export interface AuditChainBreak {
  /** Which chain: the store's one (`""`), or on a partitioned store the partition. */
  chain: string;
  /**
   * The entry's place: its row number on SQLite, its 1-based place in its partition's chain on Cosmos DB;
   * null for an entry with no place in a chain (`unchained`); for a checkpoint (`forged`, `unsigned`), the
   * place it records as the chain's end.
   */
  position: number | null;
  /** The entry there; for `truncated`, the last one that is still there (null if none is); null for a checkpoint. */
  entry: Pick<AuditEntry, 'at' | 'action' | 'subject'> | null;
  problem: AuditChainProblem;
}

/** The outcome of walking every chain of a store's audit trail. */
export interface AuditChainReport {
  /** Chained entries walked (up to the break, if there is one). */
  entries: number;
  /** Chains walked: one on SQLite, one per partition with audit entries on Cosmos DB. */
  chains: number;
  /** Entries written before this store chained its trail, which no chain covers (see the store's README). */
  unchained: number;
  /**
   * `signed`: every checkpoint walked was checked against the configured key (PLANDESK_AUDIT_KEY);
   * `unsigned`: no key is configured, so no checkpoint was checked, and a chain's tail rewritten or
   * removed together with its checkpoint cannot be told from one the store wrote.
   */
  checkpoints: 'signed' | 'unsigned';
  /** Checkpoints that carry the previous key's signature (PLANDESK_AUDIT_PREVIOUS_KEY, while rotating). */
  previousKey: number;
  broken: AuditChainBreak | null;
}

/** The outcome of signing the checkpoints: the walk, as verify reports it, and how many were signed anew. */
export interface AuditSigningReport extends AuditChainReport {
  /** Checkpoints that were unsigned or carried the previous key's signature, now signed with the current key. */
  signed: number;
}

/** What a page of the audit trail is narrowed to; every field left out matches everything. */
export interface AuditQuery {
  /** Entries at or after this instant (ISO), by the time the entry itself records. */
  from?: string;
  /** Entries before this instant (ISO). */
  before?: string;
  /** Entries about a subject that starts with this text, e.g. `spotcheck:` for every month's spot check. */
  subjectPrefix?: string;
}

/** An audit entry as the store keeps it: its chain, its place there and the hashes written with it. */
export interface StoredAuditEntry {
  entry: AuditEntry;
  /** The store's one chain (`""`), or on a partitioned store the partition. */
  chain: string;
  /** Its row number on SQLite, its 1-based place in its partition's chain on Cosmos DB; null outside any chain. */
  position: number | null;
  /** The hash before it and its own; null on an entry written before the store chained its trail. */
  prev: string | null;
  hash: string | null;
}

/** One page of the audit trail and where the next one starts (null: none left). */
export interface AuditPage {
  entries: StoredAuditEntry[];
  next: string | null;
}
