import type { Migration } from './migrations';

/**
 * Whether an outbox row's conversation can take it now, as SQL over the row `o` and its conversation `c`
 * (LEFT JOINed): a refresh has no one conversation; a conversation must be known and active; a card or
 * notice to a channel nobody bound is let through too (the worker sends support's to its handlers and drops
 * any other, as nobody is there to tell).
 */
export const CONVERSATION_READY = `(o.conversation_key IS NULL
  OR (c.key IS NOT NULL AND json_extract(c.doc, '$.inactiveSince') IS NULL)
  OR (c.key IS NULL AND o.conversation_key LIKE 'channel:%'))`;

/** CONVERSATION_READY for the rows of one conversation, `key`, whose row (or none) is `doc`. */
const readyFor = (key: string, doc: string) => `(${key} LIKE 'channel:%' AND ${doc} IS NULL)
  OR (${doc} IS NOT NULL AND json_extract(${doc}, '$.inactiveSince') IS NULL)`;

/** The document of an outbox row's conversation, or NULL when it has none. */
const CONVERSATION_DOC = '(SELECT doc FROM conversations WHERE key = outbox.conversation_key)';

/**
 * Migration 17: messages to a conversation that cannot take them are held out of the delivery's index
 * (issue 13). A notice to someone who has never written to PlanDesk waits until they do, and one to a chat
 * that removed the app waits for ever; every delivery run used to walk past all of them to find what may go,
 * after every turn, so each turn's delivery cost grew with them. `held` mirrors CONVERSATION_READY, kept by
 * triggers whichever statement writes a message or a conversation (a turn, a send's outcome, a store copied
 * in); the claim reads the partial index of rows not held and still checks readiness itself.
 */
export const OUTBOX_HELD: Migration = {
  version: 17,
  name: 'outbox messages whose conversation cannot take them are held out of the index deliveries read',
  sql: `
    ALTER TABLE outbox ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
    UPDATE outbox SET held = NOT (${readyFor('conversation_key', CONVERSATION_DOC)})
      WHERE status = 'pending' AND conversation_key IS NOT NULL;
    CREATE INDEX outbox_claimable ON outbox (seq) WHERE status = 'pending' AND held = 0;
    CREATE TRIGGER outbox_held_on_insert AFTER INSERT ON outbox WHEN NEW.conversation_key IS NOT NULL BEGIN
      UPDATE outbox SET held = NOT (${readyFor('conversation_key', CONVERSATION_DOC)}) WHERE seq = NEW.seq;
    END;
    -- A conversation's messages are walked only when its readiness changes: written on every turn, it rarely does.
    CREATE TRIGGER outbox_held_on_conversation_insert AFTER INSERT ON conversations
    WHEN (${readyFor('NEW.key', 'NULL')}) IS NOT (${readyFor('NEW.key', 'NEW.doc')}) BEGIN
      UPDATE outbox SET held = NOT (${readyFor('NEW.key', 'NEW.doc')})
        WHERE conversation_key = NEW.key AND status = 'pending';
    END;
    CREATE TRIGGER outbox_held_on_conversation_update AFTER UPDATE OF doc ON conversations
    WHEN (${readyFor('OLD.key', 'OLD.doc')}) IS NOT (${readyFor('NEW.key', 'NEW.doc')}) BEGIN
      UPDATE outbox SET held = NOT (${readyFor('NEW.key', 'NEW.doc')})
        WHERE conversation_key = NEW.key AND status = 'pending';
    END;
    CREATE TRIGGER outbox_held_on_conversation_delete AFTER DELETE ON conversations
    WHEN (${readyFor('OLD.key', 'OLD.doc')}) IS NOT (${readyFor('OLD.key', 'NULL')}) BEGIN
      UPDATE outbox SET held = NOT (${readyFor('OLD.key', 'NULL')})
        WHERE conversation_key = OLD.key AND status = 'pending';
    END;
  `,
};

/**
 * Migration 22: how many messages wait, counted as they come and go (issue 13). Every delivery run, after every
 * turn, reports how many wait, and the readiness probe asks too; counting them walked every pending row, held
 * ones included: the 10,000 cards waiting for someone who never wrote to PlanDesk were counted at each decision.
 * Triggers keep one row in step with the outbox, whichever statement writes it.
 */
export const OUTBOX_PENDING_COUNT: Migration = {
  version: 22,
  name: 'how many outbox messages wait, counted as they are written',
  sql: `
    CREATE TABLE outbox_pending_count (
      one INTEGER PRIMARY KEY CHECK (one = 1),
      n INTEGER NOT NULL CHECK (n >= 0)
    ) STRICT;
    INSERT INTO outbox_pending_count (one, n) SELECT 1, count(*) FROM outbox WHERE status = 'pending';
    CREATE TRIGGER outbox_pending_counted AFTER INSERT ON outbox WHEN NEW.status = 'pending' BEGIN
      UPDATE outbox_pending_count SET n = n + 1;
    END;
    CREATE TRIGGER outbox_pending_uncounted AFTER DELETE ON outbox WHEN OLD.status = 'pending' BEGIN
      UPDATE outbox_pending_count SET n = n - 1;
    END;
    CREATE TRIGGER outbox_pending_recounted AFTER UPDATE OF status ON outbox
    WHEN (OLD.status = 'pending') IS NOT (NEW.status = 'pending') BEGIN
      UPDATE outbox_pending_count SET n = n + (NEW.status = 'pending') - (OLD.status = 'pending');
    END;
  `,
};
