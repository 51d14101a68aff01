import type { CosmosContext } from './cosmos-context';

/** Finds the partition of an outbox message or a job from its id alone, as the ports name them. */
export interface ItemLocator {
  remember(key: string, pk: string): void;
  /**
   * The partition of the item: known when this process claimed it (the usual case: the claimant
   * records the outcome), found otherwise with one query across partitions on the indexed id field.
   */
  find(operation: string, key: string): Promise<string | null>;
  /** The item itself, read from its partition and parsed; null when there is none. */
  read<T>(
    operation: string,
    key: string,
    itemId: (key: string) => string,
    parse: (raw: unknown, key: string) => T,
  ): Promise<T | null>;
}

const LIMIT = 10_000;

export function itemLocator(ctx: CosmosContext, type: 'outbox' | 'job', field: 'messageId' | 'jobId'): ItemLocator {
  const known = new Map<string, string>();
  const remember = (key: string, pk: string) => {
    known.delete(key);
    known.set(key, pk);
    if (known.size > LIMIT) known.delete(known.keys().next().value ?? key);
  };
  const find: ItemLocator['find'] = async (operation, key) => {
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    const found = await ctx.io.all(`${operation} locate`, {
      query: `SELECT VALUE c.pk FROM c WHERE c.type = @type AND c.${field} = @key`,
      parameters: [
        { name: '@type', value: type },
        { name: '@key', value: key },
      ],
    });
    const pk = found.find((p): p is string => typeof p === 'string') ?? null;
    if (pk !== null) remember(key, pk);
    return pk;
  };
  return {
    remember,
    find,
    async read(operation, key, itemId, parse) {
      const pk = await find(operation, key);
      const raw = pk === null ? null : await ctx.io.read(operation, pk, itemId(key));
      return raw === null ? null : parse(raw, key);
    },
  };
}
