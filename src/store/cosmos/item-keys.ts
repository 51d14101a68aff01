import { randomBytes } from 'node:crypto';

/**
 * Logical partitions. An application's partition is its id; it holds the application and everything
 * its writes commit with it. What belongs to no application has a named partition, starting with "~"
 * (no application id does).
 */
export const PARTITIONS = {
  /** Jobs of no application (the recurring ones) and what their runs write. */
  recurring: '~recurring',
  catalog: '~catalog',
  policy: '~policy',
  directory: '~directory',
  /** Plan-number counters, one item per year. */
  counters: '~counters',
  /** What the store notes about its own upkeep: upgrades of the data already done. */
  upkeep: '~upkeep',
} as const;

export const conversationPartition = (key: string): string => `~conversation:${key}`;

/** An applicant's draft claims (which application each filling of the form became). */
export const draftPartition = (applicant: string): string => `~drafts:${applicant}`;

/** Where appended audit entries about a subject go: the application's partition, or the reference data's own. */
export function subjectPartition(subject: string): string {
  if (subject === 'catalog' || subject === 'policy' || subject === 'directory') return PARTITIONS[subject];
  return subject;
}

/** Refuses an application id that could be taken for a named partition; PlanDesk's ids are PP-YYYY-NNNNNN. */
export function assertApplicationId(id: string): void {
  if (id.length === 0 || id.startsWith('~'))
    throw new RangeError(`an application id must not be empty or start with "~": ${JSON.stringify(id)}`);
}

// Cosmos DB refuses / \ ? # in an id; % is escaped so the escaping can be undone, | so parts can be joined.
const escapePart = (part: string): string =>
  part.replace(/[%/\\?#|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** Item ids within a partition, prefixed by kind so that kinds never collide. */
export const ITEM_IDS = {
  application: 'application',
  audit: (seq: string) => `audit:${seq}`,
  /** Where the partition's audit chain ends (audit-chain-heads.ts). */
  auditHead: 'audit-head',
  outbox: (messageId: string) => `outbox:${escapePart(messageId)}`,
  job: (jobId: string) => `job:${escapePart(jobId)}`,
  copy: (conversationKey: string, activityId: string) =>
    `copy:${escapePart(conversationKey)}|${escapePart(activityId)}`,
  conversation: 'conversation',
  /** In a conversation's partition: its recent sends by every instance (pace-repository.ts). */
  pace: 'pace',
  current: (kind: 'catalog' | 'directory') => `${kind}:current`,
  policyIndex: 'policy:index',
  version: (kind: 'catalog' | 'policy' | 'directory', version: number) => `${kind}:v${version}`,
  planNumber: (year: number) => `plan-number:${year}`,
  draft: (draftId: string) => `draft:${escapePart(draftId)}`,
  /** In an application's partition: written first by the batch that files it from a draft, or by whoever took that draft over. */
  filing: 'filing',
  /** In an application's partition: a piece of its report facts, written in every batch that writes the application. */
  reportFacts: (kind: 'case' | 'plan') => `report-facts:${kind}`,
  /** In ~upkeep: every application stored before report facts existed has been given its own. */
  reportFactsFilled: 'report-facts-filled',
  /** In ~upkeep: every application stored before the list fields existed has been given them (waiting-lists.ts). */
  listFieldsFilled: 'list-fields-filled',
} as const;

/**
 * Keys that sort in the order items were written: microseconds of this process's monotonic clock
 * (anchored to wall time, so roughly in order across processes too), a counter, and an instance tag
 * that keeps two processes' keys apart. Used for the audit trail's and the outbox's order.
 */
export function writeSequence(): () => string {
  const instance = randomBytes(4).toString('hex');
  let last = 0;
  let counter = 0;
  return () => {
    last = Math.max(last, Math.floor((performance.timeOrigin + performance.now()) * 1000));
    counter += 1;
    return `${String(last).padStart(17, '0')}.${counter.toString(36).padStart(8, '0')}.${instance}`;
  };
}
