import type { AuditEntry } from '../records/audit';

/**
 * What can be wrong at one place in an audit chain:
 * - `altered`: the entry no longer hashes to the hash written with it (changed after it was written);
 * - `unlinked`: it is not chained to the entry before it (an entry before it was removed, or it was put there);
 * - `unchained`: it carries no hash although its chain had begun (written behind the store's back);
 * - `truncated`: the chain ends before the last entry the store recorded (entries removed from its end).
 */
export type AuditChainProblem = 'altered' | 'unlinked' | 'unchained' | 'truncated';

/** The first place where a chain does not hold. */
export interface AuditChainBreak {
  /** Which chain: the store's one (`""`), or on a partitioned store the partition. */
  chain: string;
  /**
   * The entry's place: its row number on SQLite, its 1-based place in its partition's chain on Cosmos DB;
   * null for an entry with no place in a chain (`unchained`).
   */
  position: number | null;
  /** The entry there; for `truncated`, the last one that is still there (null if none is). */
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
  broken: AuditChainBreak | null;
}
