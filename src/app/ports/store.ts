import type { ApplicationState } from '../../domain/application-state';
import type { ApplicationRecord } from '../records/application-record';
import type { AuditAction, AuditEntry } from '../records/audit';
import type { ReportFacts } from '../records/report-facts';
import type { AuditChainReport, AuditPage, AuditQuery, AuditSigningReport } from './audit-chain';
import type { Catalog, CatalogContent } from '../../domain/catalog';
import type { Policy, PolicyContent } from '../../domain/policy';
import type { LocalDate } from '../../domain/local-date';
import type { Directory, DirectoryVersion } from '../records/directory';
import type { Result } from '../../domain/result';
import type { StaleVersion } from '../records/refusal';
import type { ApproverRole, StepId } from '../../domain/route';

export type { StaleVersion };
import type { Job, JobRepository } from './jobs';
import type { CardCopyRepository, ConversationRepository } from './conversations';
import type { OutboxMessage, OutboxRepository } from './outbox';
import type { StoreTransfer } from './store-transfer';
import type { ConversationPace } from './conversation-pace';

export type * from './conversations';
export type * from './outbox';
export type * from './audit-chain';
export type * from './conversation-pace';

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
  create(
    record: ApplicationRecord,
    audit: AuditEntry[],
    outbox: OutboxMessage[],
    jobs: Job[],
  ): Promise<Result<ApplicationRecord, StaleVersion | DuplicateDraft>>;
  /**
   * Saves the record if it is still at `expectedVersion` (the saved record has version + 1), with its
   * audit rows and outbox messages in the same commit, and the application's pending jobs replaced by
   * `jobs`: a decision, its notifications and its follow-up work stand or fall together (a decided
   * step's nudges vanish with the decision).
   */
  update(
    record: ApplicationRecord,
    expectedVersion: number,
    audit: AuditEntry[],
    outbox: OutboxMessage[],
    jobs: Job[],
  ): Promise<Result<ApplicationRecord, StaleVersion>>;
  get(id: string): Promise<ApplicationRecord | null>;
  /** The application an applicant filed from a draft, if any. */
  findByDraft(applicant: string, draftId: string): Promise<ApplicationRecord | null>;
  /** Every application, oldest first (for simulations and lists). */
  list(filter?: { applicant?: string; unit?: string }): Promise<ApplicationRecord[]>;
  /**
   * Applications newest first (submission time, then filing order), `limit` at a time: the filters the
   * store indexes are applied by the store; `next` continues after the last one returned (null: none
   * left). A cursor is opaque, and good for the same query only.
   */
  page(query: ApplicationQuery, limit: number, cursor?: string | null): Promise<ApplicationPage>;
  /** The next plan number of a year, e.g. PP-2027-000123; never handed out twice. */
  nextNumber(year: number): Promise<string>;
  /**
   * Each person's open steps, as `openStepsOf` counts them over the applications in review (their
   * pending and still-to-come steps, by assignee), without reading or parsing every one of those records:
   * every submission, decision and preview asks it, to send a step to the least loaded approver of a pool.
   */
  openSteps(): Promise<Map<string, number>>;
  /**
   * Hands `visit` the report facts of each application that can count in a span of time: those whose
   * `since` is before `before` and whose `until` is open or at or after `from`, read by an index on
   * the two, in no particular order. The store keeps each application's facts equal to
   * `reportFactsOf(record)` with every create and update, in the same commit.
   */
  reportFacts(span: { from: string; before: string }, visit: (facts: ReportFacts) => void): Promise<void>;
  /**
   * What waits on a person (`待办`), oldest first (submission time, then filing order): applications in
   * review whose awaited step (awaitedStepOf) they approve or stand in for, and with `fulfillment` every
   * plan in fulfillment too (a support handler's). The first `limit` and how many in all, read by index:
   * the cost follows the page and the person's work, not the store.
   */
  waitingOn(person: string, fulfillment: boolean, limit: number): Promise<CountedPage>;
  /**
   * A team's queue (`待办`), oldest first as `waitingOn`: applications in review whose awaited step is of
   * one of `roles` (every role: null), leaving out the plans `of` filed and the steps awaited from them —
   * as the approver, and as the delegate too when `withoutDelegated`. The first `limit` and how many in all.
   */
  queue(query: QueueQuery, limit: number): Promise<CountedPage>;
}

/** Which awaited steps a team's queue holds (ApplicationRepository.queue). */
export interface QueueQuery {
  roles: readonly ApproverRole[] | null;
  /** Whose queue it is. */
  of: string;
  withoutDelegated: boolean;
}

/** The first rows of a list, and how many it holds in all. */
export interface CountedPage {
  records: ApplicationRecord[];
  total: number;
}

/** What a page of applications is narrowed to; every field left out matches everything. */
export interface ApplicationQuery {
  states?: readonly ApplicationState[];
  units?: readonly string[];
  applicants?: readonly string[];
  /** Group customers, by group id (a customer's track record; plans that overlap a new one). */
  customers?: readonly string[];
  /** Activities, by code (how plans on the same activity fared). */
  activities?: readonly string[];
  /** Submitted at or after this instant (ISO). */
  submittedFrom?: string;
  /** Submitted before this instant (ISO). */
  submittedBefore?: string;
  /** When true, only plans an evaluation flagged (isFlagged). */
  flagged?: boolean;
  /** In review, with the awaited step (awaitedStepOf) due before this instant (ISO): overdue. */
  awaitedDueBefore?: string;
  /** In review, awaiting one of these steps. */
  awaitedSteps?: readonly StepId[];
}

/** One page of applications and where the next one starts. */
export interface ApplicationPage {
  records: ApplicationRecord[];
  next: string | null;
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
  /**
   * Stores a new directory version (the admin's YAML) with its audit row — the version before and
   * this one — in one commit; earlier versions stay as they were.
   */
  add(directory: Directory, by: string, at: Date): Promise<DirectoryVersion>;
  /** The newest version: who is who now; null before the first import. */
  get(): Promise<DirectoryVersion | null>;
  getVersion(version: number): Promise<DirectoryVersion | null>;
  /** Every version, oldest first. */
  list(): Promise<DirectoryVersion[]>;
}

export interface AuditTrail {
  /** Appends entries that belong to no stored record (e.g. a refused action); records' entries come with their writes. */
  append(entries: AuditEntry[]): Promise<void>;
  /** Entries about one subject, oldest first; only those of the given actions when they are given. */
  about(subject: string, actions?: readonly AuditAction[]): Promise<AuditEntry[]>;
  /**
   * Entries of the given actions about any of `subjects`, in one read (a track record's findings about
   * its plans: one query, not one a plan); each subject's oldest first.
   */
  aboutEach(subjects: readonly string[], actions: readonly AuditAction[]): Promise<AuditEntry[]>;
  /**
   * Walks the hash chain(s) of the whole trail, each entry against the hash written with it and the
   * entry before it, and each chain's checkpoint against the configured key: reports the first place
   * it does not hold, or how many entries it covers.
   */
  verify(): Promise<AuditChainReport>;
  /**
   * Walks the chains as `verify` does and signs with the current key each checkpoint of an intact chain
   * that is unsigned (written before a key was configured) or signed with the previous key; stops at
   * the first break. A checkpoint signed by no configured key stays a break: it is never signed over.
   */
  signCheckpoints(): Promise<AuditSigningReport>;
  /**
   * The trail in the order it was written (SQLite: row order; Cosmos DB: the write-order key, across
   * partitions), `limit` entries at a time with their hashes, for exports: `next` continues after the
   * last one returned (null: none left). A cursor is opaque, and good for the same query only.
   */
  page(query: AuditQuery, limit: number, cursor?: string | null): Promise<AuditPage>;
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
  /**
   * Each conversation's recent sends, shared by every instance on the store (Cosmos DB). A store only one
   * process delivers from (SQLite: one instance per file) has none: that process's own pacer sees every send.
   */
  pace?: ConversationPace;
  /**
   * A value that is the same on two reads only if nothing a card shows was written in between, by this
   * process or another: a view's own audit entry and an outbox lease do not count. A card built after one
   * read may be shown again while it holds. Absent where the store cannot tell cheaply (Cosmos DB, where
   * other instances write unseen); then nothing is kept.
   */
  changeStamp?(): string;
  close(): Promise<void>;
}
