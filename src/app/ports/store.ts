import type { ApplicationRecord } from '../records/application-record';
import type { AuditEntry } from '../records/audit';
import type { Catalog, CatalogContent } from '../../domain/catalog';
import type { Policy, PolicyContent } from '../../domain/policy';
import type { LocalDate } from '../../domain/local-date';
import type { Directory } from '../records/directory';
import type { Result } from '../../domain/result';
import type { StaleVersion } from '../records/refusal';

export type { StaleVersion };
import type { Job, JobRepository } from './jobs';
import type { NoticeKey } from './notice-keys';
import type { StoreTransfer } from './store-transfer';


/**
 * Applications are the aggregate: each write carries the record and the audit rows it causes,
 * committed together or not at all. This is the shape a partitioned store (Cosmos DB, one
 * application per partition, a transactional batch per write) can also keep.
 */
/** A second filing of the same form: the applicant already filed an application from this draft. */
export interface DuplicateDraft {
  code: 'duplicate_draft';
  /** The application filed from it. */
  existing: ApplicationRecord;
}

export interface ApplicationRepository {
  /**
   * Files a new application at version 1, with its audit rows, the messages it causes and its jobs
   * (nudges, deadlines, expiry); fails if the id exists (`stale_version`), or if the record has a
   * `draftId` its applicant already filed an application from (`duplicate_draft`, with that one),
   * whichever instance filed it.
   */
  create(record: ApplicationRecord, audit: AuditEntry[], outbox: OutboxMessage[], jobs: Job[]): Promise<Result<ApplicationRecord, StaleVersion | DuplicateDraft>>;
  /**
   * Saves the record if it is still at `expectedVersion` (the saved record has version + 1), with its
   * audit rows and outbox messages in the same commit, and the application's pending jobs replaced by
   * `jobs`: a decision, its notifications and its follow-up work stand or fall together (a decided
   * step's nudges vanish with the decision).
   */
  update(record: ApplicationRecord, expectedVersion: number, audit: AuditEntry[], outbox: OutboxMessage[], jobs: Job[]): Promise<Result<ApplicationRecord, StaleVersion>>;
  get(id: string): Promise<ApplicationRecord | null>;
  /** The application an applicant filed from a draft, if any. */
  findByDraft(applicant: string, draftId: string): Promise<ApplicationRecord | null>;
  /** Every application, oldest first (for simulations and lists). */
  list(filter?: { applicant?: string; unit?: string }): Promise<ApplicationRecord[]>;
  /** The next plan number of a year, e.g. PP-2027-000123; never handed out twice. */
  nextNumber(year: number): Promise<string>;
}

export interface CatalogRepository {
  /** Stores a new catalog version with its audit row, in one commit; earlier versions stay as they were. */
  add(content: CatalogContent, by: string, at: Date): Promise<Catalog>;
  current(): Promise<Catalog | null>;
  get(version: number): Promise<Catalog | null>;
}

export interface PolicyRepository {
  /** Stores a new policy version taking effect on a date, with its audit row, in one commit; earlier versions stay. */
  add(content: PolicyContent, effectiveFrom: LocalDate, by: string, at: Date): Promise<Policy>;
  /** The version in force on a date: latest effectiveFrom on or before it. */
  inForceOn(date: LocalDate): Promise<Policy | null>;
  get(version: number): Promise<Policy | null>;
  list(): Promise<Policy[]>;
}

export interface DirectoryRepository {
  /** Replaces the directory with a new one (the admin's YAML), audited. */
  replace(directory: Directory, by: string, at: Date): Promise<void>;
  get(): Promise<Directory | null>;
}

export interface AuditTrail {
  /** Appends entries that belong to no stored record (e.g. a refused action); records' entries come with their writes. */
  append(entries: AuditEntry[]): Promise<void>;
  /** Entries about one subject, oldest first. */
  about(subject: string): Promise<AuditEntry[]>;
}

/** Who a message goes to: a person (their 1:1 chat with the bot) or a bound channel ("ops", "support", "unit:<id>"). */
export type Recipient = { kind: 'person'; id: string } | { kind: 'channel'; channel: string };

/**
 * A message decided by a use case, written in the same commit as the decision and delivered after it.
 * Cards are rendered at delivery from the application as it then is, so a late delivery is never stale.
 */
export type OutboxMessage = CardMessage | RefreshMessage | TextMessage;

/** Post the application's card to someone (a person sees it as their role allows, a channel the notice). */
export interface CardMessage extends OutboxHeader {
  kind: 'card';
  applicationId: string;
  to: Recipient;
}

/** Update every copy of the application's card already posted. */
export interface RefreshMessage extends OutboxHeader {
  kind: 'refresh';
  applicationId: string;
}

/** A short notice in words: a key of the string table and its parameters. */
export interface TextMessage extends OutboxHeader {
  kind: 'text';
  applicationId: string | null;
  to: Recipient;
  key: NoticeKey;
  params: Record<string, string | number>;
}

export interface OutboxHeader {
  /** The idempotency key: the same message decided twice is written once and sent once. */
  id: string;
  createdAt: string;
  /** A reminder meant for people is held until working hours (nothing nudges at night or on holidays). */
  notBefore?: string;
}

/** A message claimed for delivery under a lease; `attempts` counts this try. */
export interface ClaimedMessage {
  message: OutboxMessage;
  /** The conversation it goes to ("person:…" / "channel:…"); null for a refresh, which goes to every copy. */
  conversationKey: string | null;
  attempts: number;
}

/** Teams refused a conversation for good: it is marked inactive, unless a fresher reference was saved since `seenUpdatedAt`. */
export interface ConversationGone {
  key: string;
  seenUpdatedAt: string;
  /** Teams' word for it, e.g. MessageWritesBlocked, BotNotInConversationRoster, NotFound. */
  reason: string;
  since: string;
}

/** What a delivery outcome writes in the same commit as the message's new state. */
export interface DeliveryEffects {
  /** Copies a card post created (kept with the message marked sent, so a sent card is never posted again). */
  copies?: CardCopy[];
  /** Messages it causes, e.g. telling ops about a dead letter. */
  outbox?: OutboxMessage[];
  inactivate?: ConversationGone[];
}

/** One outbox row as ops would read it. */
export interface OutboxEntry {
  message: OutboxMessage;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

/**
 * The outbox as the delivery worker uses it. Claims are leases taken with one conditional write, so
 * two processes never hold the same message, and every later change is made only by the lease owner
 * (it returns false when the lease was lost).
 */
export interface OutboxRepository {
  /** Messages not yet delivered (nor dead), oldest first. */
  pending(limit: number): Promise<OutboxMessage[]>;
  /**
   * Claims up to `limit` messages that may go now, oldest first, leased to `owner` until `leaseUntil`.
   * A message may go when its `notBefore` and retry time have passed, its conversation exists and is
   * active (a card to a channel excepted: unbound, it goes to support's handlers or to nobody), and no
   * earlier message to the same conversation is waiting for a retry or leased by someone else.
   */
  claim(now: Date, limit: number, owner: string, leaseUntil: Date): Promise<ClaimedMessage[]>;
  /** Extends a lease just before a send; false when it was lost, and then the message must not be sent. */
  renew(id: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  markSent(id: string, owner: string, at: Date, effects?: DeliveryEffects): Promise<boolean>;
  /** A failed try that counts: the message stays pending and is tried again from `retryAt`. */
  retry(id: string, owner: string, error: string, retryAt: Date, effects?: DeliveryEffects): Promise<boolean>;
  /** Not tried (the conversation's rate limit, nobody to send to yet): released, again from `until` (null: at once); the try does not count. */
  defer(id: string, owner: string, until: Date | null, effects?: DeliveryEffects): Promise<boolean>;
  /** Gives up on a message for good at `at`: it stays as a dead letter with its error; never silently dropped. */
  markDead(id: string, owner: string, error: string, at: Date, effects?: DeliveryEffects): Promise<boolean>;
  /** Replaces a claimed message by others (support's card, one per handler), closing it as sent. */
  replace(id: string, owner: string, at: Date, messages: OutboxMessage[]): Promise<boolean>;
  /**
   * How many messages are still to go, and the earliest moment, `now` at the soonest, at which one of
   * them may go (after a retry delay, a quiet-hours hold, a lease; never for a chat not yet opened);
   * null when none can go until something else happens.
   */
  backlog(now: Date): Promise<{ pending: number; nextDue: Date | null }>;
  get(id: string): Promise<OutboxEntry | null>;
}

/** A conversation PlanDesk may write to later: a person's 1:1 chat, or a channel bound to notices. */
export interface StoredConversation {
  /** "person:<aadObjectId>" or "channel:<target>". */
  key: string;
  /** The Bot Framework conversation reference, kept as the channel gave it. */
  reference: Record<string, unknown>;
  /** The person's Teams id (MRI), for Universal Actions' refresh.userIds. */
  userMri: string | null;
  locale: string | null;
  updatedAt: string;
  /**
   * When Teams refused to take messages here for good (bot removed or blocked, app uninstalled); null
   * or absent while PlanDesk may write. Messages to an inactive conversation wait; a reference saved
   * from a new turn (absent here) makes it active again.
   */
  inactiveSince?: string | null;
  /** Teams' reason, e.g. MessageWritesBlocked or BotNotInConversationRoster. */
  inactiveReason?: string | null;
}

export interface ConversationRepository {
  /** Keeps the reference (the latest wins); saving one without `inactiveSince` makes the conversation active. */
  save(conversation: StoredConversation): Promise<void>;
  get(key: string): Promise<StoredConversation | null>;
}

/** One posted copy of an application's card, so every copy can be updated when the application changes. */
export interface CardCopy {
  applicationId: string;
  conversationKey: string;
  activityId: string;
  /** The person it was rendered for; null for a channel, which sees the notice only. */
  viewer: string | null;
}

export interface CardCopyRepository {
  add(copy: CardCopy): Promise<void>;
  list(applicationId: string): Promise<CardCopy[]>;
}

export interface Store {
  jobs: JobRepository;
  outbox: OutboxRepository;
  conversations: ConversationRepository;
  cardCopies: CardCopyRepository;
  applications: ApplicationRepository;
  catalogs: CatalogRepository;
  policies: PolicyRepository;
  directory: DirectoryRepository;
  audit: AuditTrail;
  /** Export (and, where the store can be a migration's target, import) of everything it holds. */
  transfer?: StoreTransfer;
  close(): Promise<void>;
}
