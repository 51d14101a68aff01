import type { SqlParameter } from '@azure/cosmos';
import type { ApplicationRepository, CountedPage } from '../../app/ports/store';
import { APPROVER_ROLES } from '../../domain/route';
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

/** One source of a list: its condition on application items with its parameters, and the field its composite index leads with. */
interface Source {
  where: string;
  parameters: SqlParameter[];
  leading: string;
}

/**
 * `待办`'s two lists (ApplicationRepository.waitingOn and queue), oldest first: each source a query across
 * partitions on its composite index (the field it filters on, submission time, write order), TOP as many
 * as the page, merged here; the totals one COUNT each.
 */
export function cosmosWaitingLists(
  ctx: CosmosContext,
  ready: () => Promise<void>,
): Pick<ApplicationRepository, 'waitingOn' | 'queue'> {
  const first = async (operation: string, sources: Source[], limit: number) => {
    const lists = await Promise.all(
      sources.map(async ({ where, parameters, leading }) => {
        const raw = await ctx.io.all(operation, {
          query: `SELECT TOP @n * FROM c WHERE c.type = "application" AND ${where} ORDER BY c.${leading} ASC, c.submittedAt ASC, c.seq ASC`,
          parameters: [...parameters, { name: '@n', value: limit }],
        });
        return raw.map((item, i) => parseApplicationItem(item, itemKey(item, `${operation} #${i}`)));
      }),
    );
    const seen = new Set<string>();
    return lists
      .flat()
      .sort((a, b) => a.body.submittedAt.localeCompare(b.body.submittedAt) || a.seq.localeCompare(b.seq))
      .filter((item: ApplicationItem) => !seen.has(item.pk) && seen.add(item.pk))
      .slice(0, limit)
      .map((item) => item.body);
  };
  const count = async (operation: string, where: string, parameters: SqlParameter[]) => {
    const [n] = await ctx.io.all(operation, {
      query: `SELECT VALUE COUNT(1) FROM c WHERE c.type = "application" AND ${where}`,
      parameters,
    });
    return Number(n ?? 0);
  };

  return {
    async waitingOn(person, fulfillment, limit): Promise<CountedPage> {
      await ready();
      const operation = 'applications.waitingOn';
      const parameters = [{ name: '@person', value: person }];
      const fulfilling = 'c.state = "in_fulfillment"';
      const sources: Source[] = [
        { where: 'c.awaitedAssignee = @person', parameters, leading: 'awaitedAssignee' },
        { where: 'c.awaitedDelegate = @person', parameters, leading: 'awaitedDelegate' },
        ...(fulfillment ? [{ where: fulfilling, parameters: [], leading: 'state' }] : []),
      ];
      const [records, waiting, fulfilled] = await Promise.all([
        first(operation, sources, limit),
        count(operation, '(c.awaitedAssignee = @person OR c.awaitedDelegate = @person)', parameters),
        fulfillment ? count(operation, fulfilling, []) : 0,
      ]);
      return { records, total: waiting + fulfilled };
    },
    async queue(query, limit): Promise<CountedPage> {
      const roles = query.roles ?? APPROVER_ROLES;
      if (roles.length === 0) return { records: [], total: 0 };
      await ready();
      const operation = 'applications.queue';
      // Another's steps, not on their own plans; with `withoutDelegated`, not those they stand in for either.
      const others =
        'c.awaitedAssignee != @of AND c.applicant != @of' +
        (query.withoutDelegated ? ' AND (NOT IS_DEFINED(c.awaitedDelegate) OR c.awaitedDelegate != @of)' : '');
      const of = { name: '@of', value: query.of };
      const sources = roles.map((role): Source => ({
        where: `c.awaitedRole = @role AND ${others}`,
        parameters: [of, { name: '@role', value: role }],
        leading: 'awaitedRole',
      }));
      const [records, total] = await Promise.all([
        first(operation, sources, limit),
        count(operation, `ARRAY_CONTAINS(@roles, c.awaitedRole) AND ${others}`, [
          of,
          { name: '@roles', value: [...roles] },
        ]),
      ]);
      return { records, total };
    },
  };
}
