import type { ApplicationRecord } from '../records/application-record';
import type { AuditEntry } from '../records/audit';
import type { Directory } from '../records/directory';
import type { Catalog } from '../../domain/catalog';
import type { Policy } from '../../domain/policy';
import type { Job } from './jobs';
import type { CardCopy, StoredConversation } from './conversations';
import type { OutboxMessage } from './outbox';

/**
 * Everything a store holds, one item at a time, in a form every store can write: what moving a pilot
 * from SQLite to Cosmos DB copies, and what `--verify` compares. `key` names an item the same way in
 * both stores (kind + key is its identity); `order` is its place in the source's write order (audit,
 * outbox, applications, card copies), which the target keeps, and is not compared.
 */
export type TransferItem =
  | { kind: 'application'; key: string; order?: number; record: ApplicationRecord }
  | { kind: 'audit'; key: string; order?: number; entry: AuditEntry }
  | { kind: 'catalog'; key: string; catalog: Catalog }
  | { kind: 'policy'; key: string; policy: Policy }
  | { kind: 'directory'; key: string; version: number; replacedAt: string; replacedBy: string; directory: Directory }
  | { kind: 'counter'; key: string; year: number; last: number }
  | { kind: 'conversation'; key: string; conversation: StoredConversation }
  | { kind: 'cardCopy'; key: string; order?: number; copy: CardCopy }
  | { kind: 'job'; key: string; job: Job; state: TransferredJobState }
  | { kind: 'outbox'; key: string; order?: number; message: OutboxMessage; state: TransferredMessageState };

export type TransferKind = TransferItem['kind'];

export const TRANSFER_KINDS: readonly TransferKind[] = [
  'catalog',
  'policy',
  'directory',
  'counter',
  'conversation',
  'application',
  'audit',
  'cardCopy',
  'job',
  'outbox',
];

/** A job's state as it moves (leases are not moved: nothing runs during a migration). */
export interface TransferredJobState {
  status: 'pending' | 'done' | 'cancelled';
  /** When it is due now: a failed run's retry time, else the job's own due time. */
  dueAt: string;
  attempts: number;
  lastError: string | null;
  doneAt: string | null;
}

/** A message's delivery state as it moves. */
export interface TransferredMessageState {
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  deadAt: string | null;
  nextAttemptAt: string | null;
}

/** Items per kind. */
export type TransferCounts = Partial<Record<TransferKind, number>>;

/** What an import did: items written (created or replaced) and items left as the target had them. */
export interface ImportReport {
  written: TransferCounts;
  skipped: TransferCounts;
}

/**
 * Export (every store) and import (a store that can be a migration's target). Importing is idempotent:
 * each item has the same id in the target every time, so a second run replaces or skips it, never
 * duplicates it; a plan-number counter only ever moves forward; an application the target already
 * holds at a later version is left alone.
 */
export interface StoreTransfer {
  exportAll(): AsyncIterable<TransferItem>;
  /** How many items exportAll would yield, where that is cheap to know (for a migration's estimate). */
  countAll?(): Promise<number>;
  importAll?(items: AsyncIterable<TransferItem>, options?: ImportOptions): Promise<ImportReport>;
}

/** How an import writes. */
export interface ImportOptions {
  /**
   * One request per item, as before bulk writes (the migration benchmark's baseline); the default writes
   * many items a request where the store can.
   */
  oneByOne?: boolean;
}
