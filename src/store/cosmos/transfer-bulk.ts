import type { TransferItem, TransferKind } from '../../app/ports/store-transfer';
import { applicationItem, parseApplicationItem, reportFactsItems } from './application-items';
import { chainAppend, chainHead } from './audit-chain-heads';
import type { CosmosContext } from './cosmos-context';
import type { Item } from './cosmos-io';
import { draftClaimOf } from './draft-claims';
import { ITEM_IDS, subjectPartition } from './item-keys';

/*
 * A migration's bulk writes (issue 15): what `plandesk migrate` copies in numbers (applications, their
 * audit entries, card copies, jobs, outbox messages, conversations) is gathered CHUNK items at a time
 * and written many to a request, instead of a read and a write or three per item.
 *
 * - Applications are created with their report facts and draft claims in bulk. One already there (an
 *   earlier run) goes the one-at-a-time way, which compares versions and keeps the later one.
 * - Audit entries are chained per partition (the plan's), as the repositories chain them: a partition's
 *   entries go in transactional batches after its head. They come in the order they were written, a
 *   plan's among everyone else's, so they are held by partition (up to AUDIT_HELD entries, then all
 *   written) for a plan's entries to go in one batch, not one each. When its last entry is there already,
 *   an earlier run wrote them all; when its first is there but not its last, they go one at a time,
 *   each looked for first.
 * - Card copies are created once; jobs, outbox messages and conversations are upserted with their state.
 */

/** Items gathered before they are written: a request of bulk operations and a few batches a partition. */
const CHUNK = 1_000;
/**
 * Audit entries held by partition before they are written; then every partition's go. About 10 MB (an
 * entry is some 200 bytes), and a store's whole trail in most migrations (a view is an entry).
 */
const AUDIT_HELD = 50_000;
/** Partitions whose audit entries are chained at the same time. */
const PARALLEL = 8;
/** Audit entries per transactional batch, with the chain's head (Cosmos takes 100 operations). */
const PER_BATCH = 99;

const BULK_KINDS: ReadonlySet<TransferKind> = new Set([
  'application',
  'audit',
  'cardCopy',
  'job',
  'outbox',
  'conversation',
]);

export interface BulkDeps {
  ctx: CosmosContext;
  op: string;
  seqFor: (order: number | undefined) => string;
  simpleWrite: (t: TransferItem) => { op: 'create' | 'upsert'; item: Item } | null;
  /** The one-at-a-time import of an item. */
  importOne: (t: TransferItem) => Promise<void>;
  /** Counts an item as written (true) or as left as the target had it (false). */
  counted: (written: boolean, kind: TransferKind) => void;
}

type AuditItem = Extract<TransferItem, { kind: 'audit' }>;

export function bulkWriter(deps: BulkDeps) {
  const { ctx, op } = deps;
  let gathered: TransferItem[] = [];
  let held = new Map<string, AuditItem[]>();
  let heldCount = 0;
  // Asked once, when the first audit entries are written.
  let trailAsked: Promise<boolean> | null = null;
  const noTrailAtStart = (): Promise<boolean> =>
    (trailAsked ??= ctx.io
      .all(op, { query: 'SELECT TOP 1 c.id FROM c WHERE c.type = "audit"' })
      .then((found) => found.length === 0));

  async function applications(items: Extract<TransferItem, { kind: 'application' }>[]): Promise<void> {
    const statuses = await ctx.io.bulk(
      op,
      items.map((t) => ({ op: 'create' as const, item: applicationItem(t.record, deps.seqFor(t.order)) })),
    );
    const created = items.filter((_, i) => statuses[i] === 201);
    // One already there from an earlier run at the same version or a later one is left; an older one is
    // replaced the one-at-a-time way. Its facts and claim are written again either way (the same items).
    const there = items.filter((_, i) => statuses[i] === 409);
    const versions = await Promise.all(
      there.map(async (t) => {
        const raw = await ctx.io.read(op, t.record.id, ITEM_IDS.application);
        return raw === null ? null : parseApplicationItem(raw, t.record.id).version;
      }),
    );
    const kept = there.filter((t, i) => (versions[i] ?? 0) >= t.record.version);
    const older = there.filter((t, i) => (versions[i] ?? 0) < t.record.version);
    const along = [...created, ...kept].flatMap((t) => [
      ...reportFactsItems(t.record),
      ...(t.record.draftId ? [draftClaimOf({ ...t.record, draftId: t.record.draftId })] : []),
    ]);
    expectOk(
      'report facts and draft claims',
      await ctx.io.bulk(
        op,
        along.map((item) => ({ op: 'upsert' as const, item })),
      ),
    );
    created.forEach(() => deps.counted(true, 'application'));
    kept.forEach(() => deps.counted(false, 'application'));
    for (const [i, t] of items.entries())
      if (statuses[i] !== 201 && statuses[i] !== 409)
        throw new Error(`Cosmos DB: importing application ${t.key} failed with status ${statuses[i]}`);
    for (const t of older) await deps.importOne(t);
  }

  async function auditOf(pk: string, items: AuditItem[]): Promise<void> {
    // Without an order an entry has no fixed place to look for: those go one at a time.
    if (items.some((t) => t.order === undefined)) {
      for (const t of items) await deps.importOne(t);
      return;
    }
    const seqs = items.map((t) => deps.seqFor(t.order));
    const there = async (seq: string | undefined) =>
      seq !== undefined && (await ctx.io.read(op, pk, ITEM_IDS.audit(seq))) !== null;
    // A partition with no chain yet holds no entries: nothing to look for. Into a target that had no audit
    // trail at all when the import began, every partition not written since is such a one, unread.
    const isNew = (await noTrailAtStart()) && !ctx.chainHeads.has(pk);
    const first = await chainHead(ctx, op, pk, isNew);
    const fresh = first.etag === null;
    if (!fresh && (await there(seqs.at(-1)))) {
      items.forEach(() => deps.counted(false, 'audit'));
      return;
    }
    if (!fresh && items.length > 1 && (await there(seqs[0]))) {
      for (const t of items) await deps.importOne(t);
      return;
    }
    for (let start = 0; start < items.length; start += PER_BATCH) {
      const part = items.slice(start, start + PER_BATCH);
      let next = start;
      const appended = chainAppend(
        ctx,
        // After the first batch, its head is the one that batch wrote (the context keeps it).
        start === 0 ? first : await chainHead(ctx, op, pk),
        pk,
        part.map((t) => t.entry),
        () => seqs[next++] ?? ctx.nextSeq(),
      );
      const outcome = await ctx.io.batch(op, pk, [...appended.head, ...appended.entries]);
      appended.settle(outcome);
      if (!outcome.ok)
        throw new Error(`Cosmos DB: importing the audit entries of ${pk} failed with status ${outcome.status}`);
      part.forEach(() => deps.counted(true, 'audit'));
    }
  }

  async function audits(byPartition: Map<string, AuditItem[]>): Promise<void> {
    const partitions = [...byPartition];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let next = partitions.shift(); next; next = partitions.shift()) await auditOf(...next);
      }),
    );
  }

  async function simple(items: TransferItem[]): Promise<void> {
    const writes = items.map((t) => ({ t, write: deps.simpleWrite(t) }));
    const statuses = await ctx.io.bulk(
      op,
      writes.flatMap(({ write }) => (write ? [write] : [])),
    );
    let i = 0;
    for (const { t, write } of writes) {
      if (!write) continue;
      const status = statuses[i++] ?? 0;
      if (write.op === 'create' && status === 409) deps.counted(false, t.kind);
      else if (status >= 200 && status < 300) deps.counted(true, t.kind);
      else throw new Error(`Cosmos DB: importing ${t.kind} ${t.key} failed with status ${status}`);
    }
  }

  /** Writes what was gathered: applications first, then what goes with them. */
  async function flushGathered(): Promise<void> {
    const chunk = gathered;
    gathered = [];
    await applications(
      chunk.filter((t): t is Extract<TransferItem, { kind: 'application' }> => t.kind === 'application'),
    );
    await simple(chunk.filter((t) => t.kind !== 'application'));
  }

  /** Writes the audit entries held, after the applications they are about (as the one-at-a-time import has them). */
  async function flush(): Promise<void> {
    await flushGathered();
    const partitions = held;
    held = new Map();
    heldCount = 0;
    await audits(partitions);
  }

  return {
    takes: (t: TransferItem): boolean => BULK_KINDS.has(t.kind),
    async add(t: TransferItem): Promise<void> {
      if (t.kind === 'audit') {
        const pk = subjectPartition(t.entry.subject);
        const partition = held.get(pk);
        if (partition) partition.push(t);
        else held.set(pk, [t]);
        heldCount += 1;
        if (heldCount >= AUDIT_HELD) await flush();
      } else {
        gathered.push(t);
        if (gathered.length >= CHUNK) await flushGathered();
      }
    },
    flush,
  };
}

function expectOk(what: string, statuses: number[]): void {
  const failed = statuses.find((s) => s < 200 || s >= 300);
  if (failed !== undefined) throw new Error(`Cosmos DB: importing ${what} failed with status ${failed}`);
}
