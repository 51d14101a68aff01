import { z } from 'zod';
import type { Policy } from '../../domain/policy';
import type {
  ImportOptions,
  ImportReport,
  StoreTransfer,
  TransferCounts,
  TransferItem,
  TransferKind,
} from '../../app/ports/store-transfer';
import { auditEntrySchema } from '../schemas/audit-schema';
import { conversationSchema } from '../schemas/messaging-schemas';
import { catalogContentSchema, directorySchema, policyContentSchema } from '../schemas/reference-schemas';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { localDate } from '../schemas/value-schemas';
import { cardCopyKey, sqliteAuditKey } from '../transfer-keys';
import { applicationItem, parseApplicationItem, reportFactsItems } from './application-items';
import { bulkWriter } from './transfer-bulk';
import { chainAppend, chainHead } from './audit-chain-heads';
import { copyItem } from './conversation-repository';
import { itemKey, retryOnConflict, type CosmosContext } from './cosmos-context';
import type { BatchOp, Item } from './cosmos-io';
import { draftClaimOf } from './draft-claims';
import { conversationPartition, ITEM_IDS, PARTITIONS, subjectPartition } from './item-keys';
import { jobPartition, jobWrite, newJobItem, parseJobItem, type JobItem } from './job-items';
import { newOutboxItem, outboxWrite, parseOutboxItem, type OutboxItem } from './outbox-items';

/**
 * A migrated item's place in write order: its source row number behind seventeen zeros, so migrated
 * items sort in their source order and before anything this store writes later (writeSequence()).
 */
const MIGRATED = /^0{17}\.(\d{12})\.sqlite$/;
const migratedSeq = (order: number): string => `${'0'.repeat(17)}.${String(order).padStart(12, '0')}.sqlite`;
const orderOf = (seq: string): number | undefined => {
  const m = MIGRATED.exec(seq);
  return m ? Number(m[1]) : undefined;
};

const versionItem = z.object({ id: z.string(), version: z.number().int().positive() });
const catalogItemSchema = versionItem.extend({
  importedAt: z.string(),
  importedBy: z.string(),
  body: catalogContentSchema,
});
const policyItemSchema = versionItem.extend({
  effectiveFrom: localDate,
  importedAt: z.string(),
  importedBy: z.string(),
  body: policyContentSchema,
});
const directoryItemSchema = versionItem.extend({
  replacedAt: z.string(),
  replacedBy: z.string(),
  body: directorySchema,
});
const policyIndexSchema = z.object({
  versions: z.array(z.object({ version: z.number().int().positive(), effectiveFrom: localDate })),
  _etag: z.string(),
});
const counterSchema = z.object({ id: z.string(), last: z.number().int().positive(), _etag: z.string() });
const conversationItemSchema = z.object({ body: conversationSchema });
const auditItemSchema = z.object({ seq: z.string(), body: auditEntrySchema });
const copyItemSchema = z.object({
  seq: z.string(),
  body: z.object({
    applicationId: z.string(),
    conversationKey: z.string(),
    activityId: z.string(),
    viewer: z.string().nullable(),
  }),
});

const bump = (counts: TransferCounts, kind: TransferKind) => {
  counts[kind] = (counts[kind] ?? 0) + 1;
};

/**
 * Export and import for the Cosmos store. An import writes each item in the shape and partition the
 * repositories use, under an id fixed by the source (an audit entry's or message's order comes from
 * its source row), so running it again replaces or skips what is there and never duplicates it.
 * Version items of reference data are created once; the head items (current catalog and directory,
 * the policy index) are brought up to the latest version; a year's plan-number counter only moves
 * forward; an application the target holds at a later version is left as it is.
 */
export function cosmosTransfer(ctx: CosmosContext): StoreTransfer {
  const ofType = (type: string) =>
    ctx.io.all('transfer.export', {
      query: 'SELECT * FROM c WHERE c.type = @type',
      parameters: [{ name: '@type', value: type }],
    });
  const seqFor = (order: number | undefined) => (order === undefined ? ctx.nextSeq() : migratedSeq(order));

  async function* exportAll(): AsyncIterable<TransferItem> {
    const byVersion = <T extends { version: number }>(items: T[]) => items.sort((a, b) => a.version - b.version);
    for (const raw of byVersion(
      (await ofType('catalog')).map((r, i) => parseDocument(catalogItemSchema, 'catalogs', itemKey(r, `#${i}`), r)),
    )) {
      if (raw.id !== ITEM_IDS.version('catalog', raw.version)) continue;
      yield {
        kind: 'catalog',
        key: String(raw.version),
        catalog: { ...raw.body, version: raw.version, importedAt: raw.importedAt, importedBy: raw.importedBy },
      };
    }
    for (const raw of byVersion(
      (await ofType('policy')).map((r, i) => parseDocument(policyItemSchema, 'policies', itemKey(r, `#${i}`), r)),
    )) {
      const policy: Policy = {
        ...raw.body,
        version: raw.version,
        effectiveFrom: raw.effectiveFrom,
        importedAt: raw.importedAt,
        importedBy: raw.importedBy,
      };
      yield { kind: 'policy', key: String(raw.version), policy };
    }
    for (const raw of byVersion(
      (await ofType('directory')).map((r, i) =>
        parseDocument(directoryItemSchema, 'directory', itemKey(r, `#${i}`), r),
      ),
    )) {
      if (raw.id !== ITEM_IDS.version('directory', raw.version)) continue;
      yield {
        kind: 'directory',
        key: String(raw.version),
        version: raw.version,
        replacedAt: raw.replacedAt,
        replacedBy: raw.replacedBy,
        directory: raw.body,
      };
    }
    const counters = (await ofType('counter')).map((r, i) =>
      parseDocument(counterSchema, 'counters', itemKey(r, `#${i}`), r),
    );
    for (const c of counters
      .map((c) => ({ year: Number(c.id.slice('plan-number:'.length)), last: c.last }))
      .sort((a, b) => a.year - b.year)) {
      yield { kind: 'counter', key: String(c.year), year: c.year, last: c.last };
    }
    const conversations = (await ofType('conversation')).map(
      (r, i) => parseDocument(conversationItemSchema, 'conversations', itemKey(r, `#${i}`), r).body,
    );
    for (const conversation of conversations.sort((a, b) => a.key.localeCompare(b.key)))
      yield { kind: 'conversation', key: conversation.key, conversation };
    const applications = (await ofType('application'))
      .map((r, i) => parseApplicationItem(r, itemKey(r, `#${i}`)))
      .sort((a, b) => a.seq.localeCompare(b.seq));
    for (const a of applications) yield { kind: 'application', key: a.pk, ...ordered(a.seq), record: a.body };
    const audit = (await ofType('audit'))
      .map((r, i) => parseDocument(auditItemSchema, 'audit', itemKey(r, `#${i}`), r))
      .sort((a, b) => a.seq.localeCompare(b.seq));
    for (const a of audit) {
      const order = orderOf(a.seq);
      yield {
        kind: 'audit',
        key: order === undefined ? `cosmos:${a.seq}` : sqliteAuditKey(order),
        ...(order === undefined ? {} : { order }),
        entry: a.body,
      };
    }
    const copies = (await ofType('copy'))
      .map((r, i) => parseDocument(copyItemSchema, 'card_copies', itemKey(r, `#${i}`), r))
      .sort((a, b) => a.seq.localeCompare(b.seq));
    for (const c of copies) yield { kind: 'cardCopy', key: cardCopyKey(c.body), ...ordered(c.seq), copy: c.body };
    const jobs = (await ofType('job'))
      .map((r, i) => parseJobItem(r, `#${i}`))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.jobId.localeCompare(b.jobId));
    for (const j of jobs) {
      yield {
        kind: 'job',
        key: j.jobId,
        job: j.body,
        state: { status: j.status, dueAt: j.dueAt, attempts: j.attempts, lastError: j.lastError, doneAt: j.doneAt },
      };
    }
    const messages = (await ofType('outbox'))
      .map((r, i) => parseOutboxItem(r, `#${i}`))
      .sort((a, b) => a.seq.localeCompare(b.seq));
    for (const m of messages) {
      const state = {
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        sentAt: m.sentAt,
        deadAt: m.deadAt,
        nextAttemptAt: m.nextAttemptAt,
      };
      yield { kind: 'outbox', key: m.messageId, ...ordered(m.seq), message: m.body, state };
    }
  }
  const ordered = (seq: string) => {
    const order = orderOf(seq);
    return order === undefined ? {} : { order };
  };

  /**
   * The item a conversation, card copy, job or outbox message is written as (a card copy created once, the
   * others upserted: their state moves with them); null for the other kinds.
   */
  function simpleWrite(t: TransferItem): { op: 'create' | 'upsert'; item: Item } | null {
    switch (t.kind) {
      case 'conversation':
        return {
          op: 'upsert',
          item: {
            id: ITEM_IDS.conversation,
            pk: conversationPartition(t.conversation.key),
            type: 'conversation',
            body: checkDocument(conversationSchema, `conversation ${t.key}`, t.conversation),
          },
        };
      case 'cardCopy':
        return { op: 'create', item: copyItem(t.copy, seqFor(t.order)) };
      case 'job': {
        const fresh = newJobItem(t.job) as Item & JobItem;
        const { status, dueAt, attempts, lastError, doneAt } = t.state;
        const item = jobWrite({ ...fresh, _etag: '' }, { status, dueAt, attempts, lastError, doneAt });
        return { op: 'upsert', item: { ...item, pk: jobPartition(t.job) } };
      }
      case 'outbox': {
        const pk = t.message.applicationId ?? PARTITIONS.recurring;
        const fresh = newOutboxItem(t.message, pk, seqFor(t.order)) as Item & OutboxItem;
        return { op: 'upsert', item: outboxWrite({ ...fresh, _etag: '' }, { ...t.state }) };
      }
      default:
        return null;
    }
  }

  async function importAll(items: AsyncIterable<TransferItem>, options: ImportOptions = {}): Promise<ImportReport> {
    const written: TransferCounts = {};
    const skipped: TransferCounts = {};
    const op = 'transfer.import';
    const latestCatalog: { item?: Item } = {};
    const latestDirectory: { item?: Item } = {};
    const policyVersions = new Map<number, string>();
    const createOnce = async (kind: TransferKind, item: Item) =>
      bump((await ctx.io.create(op, item)) ? written : skipped, kind);
    const upsert = async (kind: TransferKind, item: Item) => {
      await ctx.io.upsert(op, item);
      bump(written, kind);
    };

    const importOne = async (t: TransferItem): Promise<void> => {
      switch (t.kind) {
        case 'catalog': {
          const { version, importedAt, importedBy, ...content } = t.catalog;
          const fields = {
            pk: PARTITIONS.catalog,
            type: 'catalog',
            version,
            importedAt,
            importedBy,
            body: checkDocument(catalogContentSchema, `catalog v${version}`, content),
          };
          await createOnce('catalog', { id: ITEM_IDS.version('catalog', version), ...fields });
          if (Number(latestCatalog.item?.version ?? 0) < version)
            latestCatalog.item = { id: ITEM_IDS.current('catalog'), ...fields };
          break;
        }
        case 'policy': {
          const { version, effectiveFrom, importedAt, importedBy, ...content } = t.policy;
          const body = checkDocument(policyContentSchema, `policy v${version}`, content);
          await createOnce('policy', {
            id: ITEM_IDS.version('policy', version),
            pk: PARTITIONS.policy,
            type: 'policy',
            version,
            effectiveFrom,
            importedAt,
            importedBy,
            body,
          });
          policyVersions.set(version, effectiveFrom);
          break;
        }
        case 'directory': {
          const fields = {
            pk: PARTITIONS.directory,
            type: 'directory',
            version: t.version,
            replacedAt: t.replacedAt,
            replacedBy: t.replacedBy,
            body: checkDocument(directorySchema, `directory v${t.version}`, t.directory),
          };
          await createOnce('directory', { id: ITEM_IDS.version('directory', t.version), ...fields });
          if (Number(latestDirectory.item?.version ?? 0) < t.version)
            latestDirectory.item = { id: ITEM_IDS.current('directory'), ...fields };
          break;
        }
        case 'counter':
          bump((await raiseCounter(t.year, t.last)) ? written : skipped, 'counter');
          break;
        case 'conversation':
        case 'job':
        case 'outbox': {
          const write = simpleWrite(t);
          if (write) await upsert(t.kind, write.item);
          break;
        }
        case 'application': {
          const raw = await ctx.io.read(op, t.record.id, ITEM_IDS.application);
          const existing = raw === null ? null : parseApplicationItem(raw, t.record.id);
          if (existing && existing.version > t.record.version) bump(skipped, 'application');
          else {
            // With its report facts, in one batch, as the repository writes them.
            const seq = existing && t.order === undefined ? existing.seq : seqFor(t.order);
            const outcome = await ctx.io.batch(op, t.record.id, [
              { op: 'upsert', item: applicationItem(t.record, seq) },
              ...reportFactsItems(t.record).map((item): BatchOp => ({ op: 'upsert', item })),
            ]);
            if (!outcome.ok)
              throw new Error(`Cosmos DB: importing application ${t.key} failed with status ${outcome.status}`);
            bump(written, 'application');
          }
          // Its draft's claim, so a repeated submit of that form finds it here too (the same item again is harmless).
          if (t.record.draftId) await ctx.io.upsert(op, draftClaimOf({ ...t.record, draftId: t.record.draftId }));
          break;
        }
        case 'audit': {
          const seq = seqFor(t.order);
          const pk = subjectPartition(t.entry.subject);
          // An audit item is never rewritten: one already there from an earlier run stays as it is, where it is in
          // its chain. Looking first (rather than letting the create fail) keeps the chain's head from moving alone
          // on cosmosdb-server, which does not roll a batch back.
          if ((await ctx.io.read(op, pk, ITEM_IDS.audit(seq))) !== null) {
            bump(skipped, 'audit');
            break;
          }
          // Chained after the partition's head as the repositories chain a new entry: the target's chains are its own.
          await retryOnConflict(`chaining migrated audit entry ${t.key}`, async () => {
            const appended = chainAppend(ctx, await chainHead(ctx, op, pk), pk, [t.entry], () => seq);
            const outcome = await ctx.io.batch(op, pk, [...appended.head, ...appended.entries]);
            appended.settle(outcome);
            if (outcome.ok) return true;
            if (outcome.index === 0 && (outcome.status === 409 || outcome.status === 412)) return undefined;
            throw new Error(`Cosmos DB: importing audit entry ${t.key} failed with status ${outcome.status}`);
          });
          bump(written, 'audit');
          break;
        }
        case 'cardCopy': {
          const write = simpleWrite(t);
          if (write) await createOnce('cardCopy', write.item);
          break;
        }
      }
    };
    // Applications, audit entries and what goes with them, many to a request (transfer-bulk.ts); one at a
    // time when asked (the benchmark's baseline) or where a bulk write finds an earlier run's item there.
    const bulk = options.oneByOne
      ? null
      : bulkWriter({
          ctx,
          op,
          seqFor,
          simpleWrite,
          importOne,
          counted: (to, kind) => bump(to ? written : skipped, kind),
        });
    for await (const t of items) {
      if (bulk?.takes(t)) await bulk.add(t);
      else await importOne(t);
    }
    await bulk?.flush();
    if (latestCatalog.item) await raiseHead(latestCatalog.item);
    if (latestDirectory.item) await raiseHead(latestDirectory.item);
    if (policyVersions.size > 0) await mergePolicyIndex(policyVersions);
    return { written, skipped };
  }

  /** Sets a year's counter to at least `last`; true when it wrote. */
  const raiseCounter = (year: number, last: number) =>
    retryOnConflict(`the ${year} counter`, async () => {
      const id = ITEM_IDS.planNumber(year);
      const raw = await ctx.io.read('transfer.import', PARTITIONS.counters, id);
      const item = { id, pk: PARTITIONS.counters, type: 'counter', last };
      if (raw === null) return (await ctx.io.create('transfer.import', item)) ? true : undefined;
      const existing = parseDocument(counterSchema, 'counters', year, raw);
      if (existing.last >= last) return false;
      return (await ctx.io.replace('transfer.import', item, existing._etag)) ? true : undefined;
    });

  /** Makes a head item (current catalog or directory) the given version, unless it already names that one or a later one. */
  const raiseHead = (head: Item) =>
    retryOnConflict(`the head ${head.id}`, async () => {
      const raw = await ctx.io.read('transfer.import', head.pk, head.id);
      if (raw === null) return (await ctx.io.create('transfer.import', head)) ? true : undefined;
      const existing = parseDocument(z.object({ version: z.number(), _etag: z.string() }), head.pk, head.id, raw);
      if (existing.version >= Number(head.version)) return true;
      return (await ctx.io.replace('transfer.import', head, existing._etag)) ? true : undefined;
    });

  /** Adds the migrated versions to the policy index (the one the policy in force is read from). */
  const mergePolicyIndex = (versions: Map<number, string>) =>
    retryOnConflict('the policy index', async () => {
      const raw = await ctx.io.read('transfer.import', PARTITIONS.policy, ITEM_IDS.policyIndex);
      const index = raw === null ? null : parseDocument(policyIndexSchema, 'policies', ITEM_IDS.policyIndex, raw);
      const merged = new Map((index?.versions ?? []).map((v) => [v.version, v.effectiveFrom]));
      let changed = index === null;
      for (const [version, effectiveFrom] of versions) {
        if (merged.get(version) !== effectiveFrom) changed = true;
        merged.set(version, effectiveFrom);
      }
      if (!changed) return true;
      const item = {
        id: ITEM_IDS.policyIndex,
        pk: PARTITIONS.policy,
        type: 'policy-index',
        versions: [...merged].sort(([a], [b]) => a - b).map(([version, effectiveFrom]) => ({ version, effectiveFrom })),
      };
      const done =
        index === null
          ? await ctx.io.create('transfer.import', item)
          : await ctx.io.replace('transfer.import', item, index._etag);
      return done ? true : undefined;
    });

  return { exportAll, importAll };
}
