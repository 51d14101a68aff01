import type { Store } from '../ports/store';
import type {
  ImportOptions,
  ImportReport,
  StoreTransfer,
  TransferCounts,
  TransferItem,
  TransferKind,
} from '../ports/store-transfer';

/** A store that cannot take part in a migration in the role asked of it. */
export class TransferUnsupported extends Error {
  constructor(readonly role: 'source' | 'target') {
    super(`this store cannot be a migration's ${role}`);
  }
}

export interface MigrationReport extends ImportReport {
  /** Items read from the source, per kind. */
  exported: TransferCounts;
}

/**
 * Copies everything the source holds into the target: applications with their records, the audit
 * trail, catalog, policy and directory versions, plan-number counters, conversations, card copies, jobs
 * and outbox messages with their state. Safe to run again (the target's import is idempotent).
 * `progress` hears the number of items to copy (when the source knows it cheaply) and each item read.
 */
export async function migrateStore(
  source: Store,
  target: Store,
  progress?: { start?: (total: number | undefined) => void; item?: () => void },
  options: ImportOptions = {},
): Promise<MigrationReport> {
  const from = exporter(source, 'source');
  const importAll = target.transfer?.importAll?.bind(target.transfer);
  if (!importAll) throw new TransferUnsupported('target');
  const exported: TransferCounts = {};
  progress?.start?.(await from.countAll?.());
  async function* counted(): AsyncIterable<TransferItem> {
    for await (const item of from.exportAll()) {
      exported[item.kind] = (exported[item.kind] ?? 0) + 1;
      progress?.item?.();
      yield item;
    }
  }
  const report = await importAll(counted(), options);
  return { exported, ...report };
}

/** One item that is not the same on both sides. */
export interface TransferDifference {
  kind: TransferKind;
  key: string;
  problem: 'missing_in_target' | 'only_in_target' | 'different';
  /** For `different`: the fields that differ. */
  fields?: string[];
}

export interface VerifyReport {
  source: TransferCounts;
  target: TransferCounts;
  differences: TransferDifference[];
}

/** Compares two stores item by item (each item's content, not where or in what order it is kept). */
export async function verifyStores(source: Store, target: Store): Promise<VerifyReport> {
  const [left, right] = [await collect(exporter(source, 'source')), await collect(exporter(target, 'target'))];
  const differences: TransferDifference[] = [];
  for (const [id, item] of left.items) {
    const other = right.items.get(id);
    if (!other) differences.push({ kind: item.kind, key: item.key, problem: 'missing_in_target' });
    else {
      const fields = differingFields(item, other);
      if (fields.length > 0) differences.push({ kind: item.kind, key: item.key, problem: 'different', fields });
    }
  }
  for (const [id, item] of right.items) {
    if (!left.items.has(id)) differences.push({ kind: item.kind, key: item.key, problem: 'only_in_target' });
  }
  return { source: left.counts, target: right.counts, differences };
}

function exporter(store: Store, role: 'source' | 'target'): StoreTransfer {
  if (!store.transfer) throw new TransferUnsupported(role);
  return store.transfer;
}

async function collect(transfer: StoreTransfer) {
  const items = new Map<string, TransferItem>();
  const counts: TransferCounts = {};
  for await (const item of transfer.exportAll()) {
    items.set(`${item.kind}\u0000${item.key}`, item);
    counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  }
  return { items, counts };
}

/** The top-level fields (past the kind, key and source order) whose values differ. */
function differingFields(a: TransferItem, b: TransferItem): string[] {
  const { kind: _k, key: _key, order: _o, ...left } = a as TransferItem & { order?: number };
  const { kind: _k2, key: _key2, order: _o2, ...right } = b as TransferItem & { order?: number };
  const fields = new Set([...Object.keys(left), ...Object.keys(right)]);
  const l = left as Record<string, unknown>;
  const r = right as Record<string, unknown>;
  return [...fields].filter((f) => canonical(l[f]) !== canonical(r[f])).flatMap((f) => nested(f, l[f], r[f]));
}

/** Names the differing fields one level down too (e.g. `state.status`), which says more than `state`. */
function nested(field: string, a: unknown, b: unknown): string[] {
  if (!isObject(a) || !isObject(b)) return [field];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const inner = [...keys].filter((k) => canonical(a[k]) !== canonical(b[k])).map((k) => `${field}.${k}`);
  return inner.length > 0 ? inner : [field];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with object keys sorted and absent (undefined) fields left out, so equal content compares equal. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .filter((k) => v[k] !== undefined)
              .map((k) => [k, v[k]]),
          )
        : v,
    ) ?? 'undefined'
  );
}
