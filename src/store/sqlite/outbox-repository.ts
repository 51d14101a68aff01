import { channelKey, personKey } from '../../app/ports/conversation-keys';
import type { ClaimedMessage, DeliveryEffects, OutboxMessage, OutboxRepository } from '../../app/ports/store';
import { sqliteCardCopyWriter, sqliteConversationDeactivator } from './conversation-repository';
import { outboxMessageSchema } from '../schemas/messaging-schemas';
import { readDocument, writeDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';
import { CONVERSATION_READY } from './outbox-held';
import type { ChangeStamp } from './change-stamp';

/** Writes outbox rows; called inside the transaction of the change that decided them. */
export type OutboxWriter = (messages: readonly OutboxMessage[]) => void;

/** The conversation a message goes to; a refresh goes to every copy of its card, so to none in particular. */
const conversationKeyOf = (m: OutboxMessage): string | null =>
  m.kind === 'refresh' ? null : m.to.kind === 'person' ? personKey(m.to.id) : channelKey(m.to.channel);

/** The statement that adds outbox rows, for use inside other repositories' transactions. */
export function sqliteOutboxWriter(db: SqliteDatabase): OutboxWriter {
  // An id already there is the same message decided twice (a retried invoke): keep the first.
  const insert = db.prepare<[string, string, string | null, string | null, string]>(
    'INSERT INTO outbox (id, created_at, not_before, conversation_key, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  return (messages) => {
    for (const m of messages) {
      // Instants are compared as text in SQL, so the column holds them in one form (UTC, milliseconds).
      const notBefore = m.notBefore ? new Date(m.notBefore).toISOString() : null;
      insert.run(
        m.id,
        m.createdAt,
        notBefore,
        conversationKeyOf(m),
        writeDocument(outboxMessageSchema, `outbox ${m.id}`, m),
      );
    }
  };
}

interface ClaimRow {
  seq: number;
  id: string;
  doc: string;
  attempts: number;
  conversation_key: string | null;
}

interface EntryRow {
  id: string;
  doc: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  next_attempt_at: string | null;
}

/**
 * The outbox under leases. Pending rows are claimed in order with one conditional UPDATE (like jobs),
 * and every later change requires the claimant's lease, so two processes never send the same message.
 */
export function sqliteOutboxRepository(db: SqliteDatabase, changes?: ChangeStamp): OutboxRepository {
  const writeOutbox = sqliteOutboxWriter(db);
  const writeCopies = sqliteCardCopyWriter(db);
  const deactivate = sqliteConversationDeactivator(db);
  const pending = db.prepare<[number], { id: string; doc: string }>(
    "SELECT id, doc FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?",
  );
  // Per conversation, only the run of messages before the first one that is waiting for a retry or
  // leased elsewhere may go, so a conversation's messages arrive in the order they were decided.
  // A message held for quiet hours does not hold back the ones behind it. Read from the index of messages not
  // held (outbox-held.ts), so the many that wait for a chat that cannot take them are not walked past each time;
  // named, as the planner would otherwise take the status index, which holds them all.
  const claim = db.prepare<{ now: string; limit: number; owner: string; leaseUntil: string }, ClaimRow>(
    `UPDATE outbox SET lease_owner = @owner, lease_until = @leaseUntil
     WHERE seq IN (
       SELECT o.seq FROM outbox o INDEXED BY outbox_claimable LEFT JOIN conversations c ON c.key = o.conversation_key
       WHERE o.status = 'pending' AND o.held = 0
         AND (o.not_before IS NULL OR o.not_before <= @now)
         AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
         AND (o.lease_until IS NULL OR o.lease_until <= @now)
         AND ${CONVERSATION_READY}
         AND NOT EXISTS (
           SELECT 1 FROM outbox e
           WHERE e.status = 'pending' AND e.conversation_key = o.conversation_key AND e.seq < o.seq
             AND (e.not_before IS NULL OR e.not_before <= @now)
             AND (e.next_attempt_at > @now OR e.lease_until > @now))
       ORDER BY o.seq LIMIT @limit
     ) RETURNING seq, id, doc, attempts, conversation_key`,
  );
  // A send begins: its try counts from here, whatever becomes of the process.
  const renew = db.prepare<{ id: string; owner: string; now: string; leaseUntil: string; tries: number }>(
    "UPDATE outbox SET lease_until = @leaseUntil, attempts = @tries WHERE id = @id AND lease_owner = @owner AND lease_until > @now AND status = 'pending'",
  );
  const sent = db.prepare<{ id: string; owner: string; at: string }>(
    "UPDATE outbox SET status = 'sent', sent_at = @at, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 'pending'",
  );
  const retry = db.prepare<{ id: string; owner: string; error: string; retryAt: string; tries: number }>(
    "UPDATE outbox SET attempts = @tries, last_error = @error, next_attempt_at = @retryAt, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 'pending'",
  );
  const defer = db.prepare<{ id: string; owner: string; until: string | null; tries: number }>(
    "UPDATE outbox SET attempts = @tries, next_attempt_at = @until, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 'pending'",
  );
  const dead = db.prepare<{ id: string; owner: string; error: string; at: string; tries: number }>(
    "UPDATE outbox SET status = 'dead', attempts = @tries, dead_at = @at, last_error = @error, sent_at = NULL, next_attempt_at = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 'pending'",
  );
  // Over each conversation's first message (the others go after it): when it may go, and no sooner than now.
  const nextDue = db.prepare<{ now: string }, { at: string | null }>(
    `SELECT MIN(MAX(@now, COALESCE(o.not_before, @now), COALESCE(o.next_attempt_at, @now), COALESCE(o.lease_until, @now))) AS at
     FROM outbox o INDEXED BY outbox_claimable LEFT JOIN conversations c ON c.key = o.conversation_key
     WHERE o.status = 'pending' AND o.held = 0 AND ${CONVERSATION_READY}
       AND NOT EXISTS (
         SELECT 1 FROM outbox e
         WHERE e.status = 'pending' AND e.conversation_key = o.conversation_key AND e.seq < o.seq
           AND (e.not_before IS NULL OR e.not_before <= @now))`,
  );
  // Kept by migration 22's triggers.
  const countPending = db.prepare<[], { n: number }>('SELECT n FROM outbox_pending_count');
  const oldestPending = db.prepare<[], { created_at: string }>(
    "SELECT created_at FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 1",
  );
  // Dead letters are few (each one is a message ops was told of), so the status index and a scan of them do.
  const deadSince = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM outbox WHERE status = 'dead' AND dead_at >= ?",
  );
  const entry = db.prepare<[string], EntryRow>(
    'SELECT id, doc, status, attempts, last_error, sent_at, next_attempt_at FROM outbox WHERE id = ?',
  );

  /** Applies an outcome's state change and its effects in one commit, only for the lease owner. */
  const settle = (change: () => number, effects: DeliveryEffects = {}): boolean =>
    db
      .transaction(() => {
        if (change() === 0) return false;
        writeCopies(effects.copies ?? []);
        deactivate(effects.inactivate ?? []);
        writeOutbox(effects.outbox ?? []);
        return true;
      })
      .immediate();

  const toMessage = (row: { id: string; doc: string }) => readDocument(outboxMessageSchema, 'outbox', row.id, row.doc);
  const toClaimed = (row: ClaimRow): ClaimedMessage => ({
    message: toMessage(row),
    conversationKey: row.conversation_key,
    attempts: row.attempts,
  });

  return {
    async pending(limit) {
      return pending.all(limit).map(toMessage);
    },
    async claim(now, limit, owner, leaseUntil) {
      // A lease changes no card (nor does a try's count, below): delivery runs leave cards kept as they are.
      const args = { now: now.toISOString(), limit, owner, leaseUntil: leaseUntil.toISOString() };
      const rows = changes ? changes.unshown(() => claim.all(args)) : claim.all(args);
      return rows.sort((a, b) => a.seq - b.seq).map(toClaimed);
    },
    async renew(id, owner, now, leaseUntil, tries) {
      const args = { id, owner, now: now.toISOString(), leaseUntil: leaseUntil.toISOString(), tries };
      return (changes ? changes.unshown(() => renew.run(args)) : renew.run(args)).changes > 0;
    },
    async markSent(id, owner, at, effects) {
      return settle(() => sent.run({ id, owner, at: at.toISOString() }).changes, effects);
    },
    async retry(id, owner, { error, retryAt, tries }, effects) {
      return settle(() => retry.run({ id, owner, error, retryAt: retryAt.toISOString(), tries }).changes, effects);
    },
    async defer(id, owner, { until, tries }, effects) {
      return settle(() => defer.run({ id, owner, until: until?.toISOString() ?? null, tries }).changes, effects);
    },
    async markDead(id, owner, { error, at, tries }, effects) {
      return settle(() => dead.run({ id, owner, error, at: at.toISOString(), tries }).changes, effects);
    },
    async replace(id, owner, at, messages) {
      return settle(() => sent.run({ id, owner, at: at.toISOString() }).changes, { outbox: messages });
    },
    async backlog(now) {
      const at = nextDue.get({ now: now.toISOString() })?.at;
      return { pending: countPending.get()?.n ?? 0, nextDue: at ? new Date(at) : null };
    },
    async waiting() {
      return { count: countPending.get()?.n ?? 0, oldestCreatedAt: oldestPending.get()?.created_at ?? null };
    },
    async deadSince(since) {
      return deadSince.get(since.toISOString())?.n ?? 0;
    },
    async get(id) {
      const row = entry.get(id);
      if (!row) return null;
      return {
        message: toMessage(row),
        status: row.status,
        attempts: row.attempts,
        lastError: row.last_error,
        sentAt: row.sent_at,
        nextAttemptAt: row.next_attempt_at,
      };
    },
  };
}
