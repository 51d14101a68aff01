import Database from 'better-sqlite3';

/** An outbox row as the store holds it, with the message's fields a test needs. */
export interface OutboxRow {
  seq: number;
  id: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: string | null;
  conversationKey: string | null;
  notBefore: string | null;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
  kind: 'card' | 'text' | 'refresh';
  applicationId: string | null;
  key: string | null;
  params: Record<string, unknown> | null;
}

export interface CardCopyRow {
  applicationId: string;
  conversationKey: string;
  activityId: string;
  viewer: string | null;
}

export interface JobRow {
  id: string;
  kind: string;
  applicationId: string | null;
  dueAt: string;
  status: 'pending' | 'done' | 'cancelled';
  attempts: number;
  leaseOwner: string | null;
  doneAt: string | null;
}

/** What the SQLite file holds at one moment: outbox, card copies, jobs and the audit trail's size. */
export interface StoreSnapshot {
  outbox: OutboxRow[];
  cardCopies: CardCopyRow[];
  jobs: JobRow[];
  auditEntries: number;
}

interface RawOutbox {
  seq: number;
  id: string;
  status: OutboxRow['status'];
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  conversation_key: string | null;
  not_before: string | null;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  doc: string;
}

/** Reads the store through its own read-only connection (the bot may be writing, or may have been killed mid-write). */
export function snapshotStore(dbPath: string): StoreSnapshot {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.transaction(() => {
      const outbox = (db.prepare('SELECT * FROM outbox ORDER BY seq').all() as RawOutbox[]).map((r): OutboxRow => {
        const doc = JSON.parse(r.doc) as {
          kind: OutboxRow['kind'];
          applicationId?: string | null;
          key?: string;
          params?: Record<string, unknown>;
        };
        return {
          seq: r.seq,
          id: r.id,
          status: r.status,
          attempts: r.attempts,
          leaseOwner: r.lease_owner,
          leaseUntil: r.lease_until,
          conversationKey: r.conversation_key,
          notBefore: r.not_before,
          createdAt: r.created_at,
          sentAt: r.sent_at,
          lastError: r.last_error,
          kind: doc.kind,
          applicationId: doc.applicationId ?? null,
          key: doc.key ?? null,
          params: doc.params ?? null,
        };
      });
      const cardCopies = (
        db
          .prepare('SELECT application_id, conversation_key, activity_id, viewer FROM card_copies ORDER BY rowid')
          .all() as { application_id: string; conversation_key: string; activity_id: string; viewer: string | null }[]
      ).map((r) => ({
        applicationId: r.application_id,
        conversationKey: r.conversation_key,
        activityId: r.activity_id,
        viewer: r.viewer,
      }));
      const jobs = (
        db
          .prepare(
            'SELECT id, kind, application_id, due_at, status, attempts, lease_owner, done_at FROM jobs ORDER BY due_at, id',
          )
          .all() as {
          id: string;
          kind: string;
          application_id: string | null;
          due_at: string;
          status: JobRow['status'];
          attempts: number;
          lease_owner: string | null;
          done_at: string | null;
        }[]
      ).map((r) => ({
        id: r.id,
        kind: r.kind,
        applicationId: r.application_id,
        dueAt: r.due_at,
        status: r.status,
        attempts: r.attempts,
        leaseOwner: r.lease_owner,
        doneAt: r.done_at,
      }));
      const auditEntries = (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
      return { outbox, cardCopies, jobs, auditEntries };
    })();
  } finally {
    db.close();
  }
}

/** A consistent copy of the store (SQLite's online backup), e.g. to replay the same ticks on. */
export async function copyStore(dbPath: string, to: string): Promise<void> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
}

/** The number of outbox rows still to be delivered. */
export function pendingCount(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
