import type { TransferItem, TransferKind } from '../../app/ports/store-transfer';
import { applicationItem, parseApplicationItem, reportFactsItems } from './application-items';
import { chainAppend, chainHead, headRead, type ChainHead } from './audit-chain-heads';
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
 *   written) for a plan's entries to go in one batch, not one each. The partitions' heads and last
 *   entries are read CHUNK at a time first. When its last entry is there already, an earlier run wrote
 *   them all; when its first is there but not its last, they go one at a time, each looked for first.
 * - Nothing here queries, but once (below): on cosmosdb-server every query copies the whole container, in
 *   time that grows with the square of its size (a minute at 40,000 items), so a query per partition or
 *   per chunk made the copy of 10,000 plans run for hours.
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
  /*
   * Whether the target held no audit trail when the import began: then a partition with no head holds no
   * entries and is not looked into (chainHead's query). Asked once, and before any audit entry is written,
   * or else only ever answered "there was one" (which costs a look into each partition without a head,
   * never a wrong chain). It is asked before the first write when the target does not hold the import's
   * first application (a first run: the target is still small, so the query is cheap on cosmosdb-server
   * too), and otherwise when a partition without a head is met (a run again finds heads and never asks).
   */
  let trailAsked: Promise<boolean> | null = null;
  let firstChunk = true;
  const noTrailAtStart = (): Promise<boolean> =>
    (trailAsked ??= ctx.io
      .all(op, { query: 'SELECT TOP 1 c.id FROM c WHERE c.type = "audit"' })
      .then((found) => found.length === 0));

  async function applications(items: Extract<TransferItem, { kind: 'application' }>[]): Promise<void> {
    const [one] = items;
    if (firstChunk && one) {
      firstChunk = false;
      if ((await ctx.io.read(op, one.record.id, ITEM_IDS.application)) === null) await noTrailAtStart();
    }
    const statuses = await ctx.io.bulk(
      op,
      items.map((t) => ({ op: 'create' as const, item: applicationItem(t.record, deps.seqFor(t.order)) })),
    );
    const created = items.filter((_, i) => statuses[i] === 201);
    // One already there from an earlier run at the same version or a later one is left; an older one is
    // replaced the one-at-a-time way. Its facts and claim are written again either way (the same items).
    const there = items.filter((_, i) => statuses[i] === 409);
    const versions = (
      await ctx.io.readMany(
        op,
        there.map((t) => ({ pk: t.record.id, id: ITEM_IDS.application })),
      )
    ).map((raw, i) =>
      raw === null || there[i] === undefined ? null : parseApplicationItem(raw, there[i].record.id).version,
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

  /** A partition's chain head (null: it has none) and whether its last entry to import is there already. */
  interface Found {
    head: ChainHead | null;
    lastThere: boolean;
  }

  /** What auditOf needs to know of each partition, read CHUNK items a request (not two requests a partition). */
  async function lookUp(partitions: readonly (readonly [string, AuditItem[]])[]): Promise<Found[]> {
    const keys: { pk: string; id: string }[] = [];
    const slots = partitions.map(([pk, items]) => {
      const known = ctx.chainHeads.get(pk);
      const last = items.at(-1)?.order;
      return {
        pk,
        known,
        headAt: known ? -1 : keys.push({ pk, id: ITEM_IDS.auditHead }) - 1,
        lastAt: last === undefined ? -1 : keys.push({ pk, id: ITEM_IDS.audit(deps.seqFor(last)) }) - 1,
      };
    });
    const raws: unknown[] = [];
    for (let start = 0; start < keys.length; start += CHUNK)
      raws.push(...(await ctx.io.readMany(op, keys.slice(start, start + CHUNK))));
    const found = (at: number): unknown => (at < 0 ? null : (raws[at] ?? null));
    return slots.map(({ pk, known, headAt, lastAt }) => {
      const head = found(headAt);
      return {
        head: known ?? (head === null ? null : headRead(ctx, pk, head)),
        lastThere: found(lastAt) !== null,
      };
    });
  }

  async function auditOf(pk: string, items: AuditItem[], found: Found): Promise<void> {
    // Without an order an entry has no fixed place to look for: those go one at a time.
    if (items.some((t) => t.order === undefined)) {
      for (const t of items) await deps.importOne(t);
      return;
    }
    const seqs = items.map((t) => deps.seqFor(t.order));
    const there = async (seq: string | undefined) =>
      seq !== undefined && (await ctx.io.read(op, pk, ITEM_IDS.audit(seq))) !== null;
    // A partition with no head holds no entries when the target had no audit trail at all when the import
    // began (any partition written since has a head); otherwise chainHead reads it again and looks.
    const first = found.head ?? (await chainHead(ctx, op, pk, await noTrailAtStart()));
    const fresh = first.etag === null;
    if (!fresh && found.lastThere) {
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
    const found = await lookUp(partitions);
    // Taken by index: shift() on an array of thousands moves all the others each time.
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let i = next++; i < partitions.length; i = next++) {
          const [pk, items] = partitions[i] ?? [];
          const partition = found[i];
          if (pk !== undefined && items && partition) await auditOf(pk, items, partition);
        }
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
