import type { SqlParameter } from '@azure/cosmos';
import type { ApplicationRepository, CountedPage } from '../../app/ports/store';
import { applicationItem, LIST_FIELDS, parseApplicationItem, type ApplicationItem } from './application-items';
import { itemKey, type CosmosContext } from './cosmos-context';
import type { Item } from './cosmos-io';
import { ITEM_IDS, PARTITIONS } from './item-keys';

const UPKEEP = 'applications.lists upkeep';

/**
 * Gives every application item written before the list fields existed (applicationItem) its own, once
 * per container: each application is read, and replaced on its ETag when its list fields are not those
 * of its record (one that changed meanwhile was written by a version that writes them); then ~upkeep
 * notes it done. An instance of an earlier version still running writes applications without them:
 * upgrade every instance together.
 */
async function fillListFields(ctx: CosmosContext): Promise<void> {
  if ((await ctx.io.read(UPKEEP, PARTITIONS.upkeep, ITEM_IDS.listFieldsFilled)) !== null) return;
  const pages = ctx.io.pages(UPKEEP, { query: 'SELECT * FROM c WHERE c.type = "application"' }, { pageSize: 100 });
  for await (const page of pages)
    for (const [i, raw] of page.entries()) {
      const item = parseApplicationItem(raw, itemKey(raw, `upkeep #${i}`));
      const fresh = applicationItem(item.body, item.seq);
      const stored = raw as Record<string, unknown>;
      if (LIST_FIELDS.every((field) => stored[field] === fresh[field])) continue;
      await ctx.io.replace(UPKEEP, fresh, item._etag);
    }
  await ctx.io.upsert(UPKEEP, listFieldsFilled());
}

/** The note in ~upkeep that every application of the container has its list fields. */
export const listFieldsFilled = (): Item => ({
  id: ITEM_IDS.listFieldsFilled,
  pk: PARTITIONS.upkeep,
  type: 'upkeep',
  at: new Date().toISOString(),
});

/** Runs fillListFields once per process, before the first read that needs the list fields (again if it failed). */
export function listFieldsReady(ctx: CosmosContext): () => Promise<void> {
  let filled: Promise<void> | null = null;
  return () =>
    (filled ??= fillListFields(ctx).catch((error: unknown) => {
      filled = null;
      throw error;
    }));
}

/** One source of a list: the state its plans are in, and what else it asks of them, with its parameters. */
interface Source {
  state: 'in_review' | 'in_fulfillment';
  where?: string;
  parameters?: SqlParameter[];
}

/** The condition a source puts on application items. */
const whereOf = (source: Source) =>
  `c.type = "application" AND c.state = "${source.state}"${source.where ? ` AND ${source.where}` : ''}`;

/**
 * `待办`'s two lists (ApplicationRepository.waitingOn and queue), oldest first. Each source is one query
 * across partitions on the composite index (state, submission time, write order), `TOP` one more than the
 * page, so it reads the plans of one state (the work in hand), as far as the page; the sources are merged
 * here. A list that fits its page is counted as it is; only a longer one costs a COUNT.
 */
export function cosmosWaitingLists(
  ctx: CosmosContext,
  ready: () => Promise<void>,
): Pick<ApplicationRepository, 'waitingOn' | 'queue'> {
  const counted = async (operation: string, sources: Source[], limit: number): Promise<CountedPage> => {
    const lists = await Promise.all(
      sources.map(async (source) => {
        const raw = await ctx.io.all(operation, {
          query: `SELECT TOP @n * FROM c WHERE ${whereOf(source)} ORDER BY c.state ASC, c.submittedAt ASC, c.seq ASC`,
          parameters: [...(source.parameters ?? []), { name: '@n', value: limit + 1 }],
        });
        return raw.map((item, i) => parseApplicationItem(item, itemKey(item, `${operation} #${i}`)));
      }),
    );
    const seen = new Set<string>();
    const merged = lists
      .flat()
      .sort((a, b) => a.body.submittedAt.localeCompare(b.body.submittedAt) || a.seq.localeCompare(b.seq))
      .filter((item: ApplicationItem) => !seen.has(item.pk) && seen.add(item.pk));
    const records = merged.slice(0, limit).map((item) => item.body);
    if (lists.every((list) => list.length <= limit)) return { records, total: merged.length };
    // The sources' states differ, so their counts add up.
    const totals = await Promise.all(
      sources.map(async (source) => {
        const [n] = await ctx.io.all(`${operation} count`, {
          query: `SELECT VALUE COUNT(1) FROM c WHERE ${whereOf(source)}`,
          parameters: source.parameters ?? [],
        });
        return Number(n ?? 0);
      }),
    );
    return { records, total: totals.reduce((a, b) => a + b, 0) };
  };

  return {
    async waitingOn(person, fulfillment, limit) {
      await ready();
      const sources: Source[] = [
        {
          state: 'in_review',
          where: '(c.awaitedAssignee = @person OR c.awaitedDelegate = @person)',
          parameters: [{ name: '@person', value: person }],
        },
        ...(fulfillment ? [{ state: 'in_fulfillment' as const }] : []),
      ];
      return counted('applications.waitingOn', sources, limit);
    },
    async queue(query, limit) {
      if (query.roles?.length === 0) return { records: [], total: 0 };
      await ready();
      // Another's steps, not on their own plans; with `withoutDelegated`, not those they stand in for either.
      const where = [
        query.roles === null ? 'IS_DEFINED(c.awaitedRole)' : 'ARRAY_CONTAINS(@roles, c.awaitedRole)',
        'c.awaitedAssignee != @of',
        'c.applicant != @of',
        ...(query.withoutDelegated ? ['(NOT IS_DEFINED(c.awaitedDelegate) OR c.awaitedDelegate != @of)'] : []),
      ].join(' AND ');
      const parameters: SqlParameter[] = [
        { name: '@of', value: query.of },
        ...(query.roles === null ? [] : [{ name: '@roles', value: [...query.roles] }]),
      ];
      return counted('applications.queue', [{ state: 'in_review', where, parameters }], limit);
    },
  };
}
