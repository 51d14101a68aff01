import { z } from 'zod';
import type { ApplicationRepository } from '../../app/ports/store';
import { reportFactsSchema } from '../schemas/report-facts-schema';
import { parseDocument } from '../schemas/stored-document';
import { parseApplicationItem, reportFactsItems } from './application-items';
import type { CosmosContext } from './cosmos-context';
import type { Item } from './cosmos-io';
import { ITEM_IDS, PARTITIONS } from './item-keys';

const factsItemSchema = z.object({ pk: z.string(), facts: reportFactsSchema });
const OPERATION = 'applications.reportFacts';

/**
 * Gives every application stored before report facts existed its own, once per container: the
 * applications without a case piece are found (two queries across partitions, projecting only the
 * partition key), each is read and its pieces created — a piece already there (a save got there
 * first) is left, being as new or newer — and then ~upkeep notes it done. An instance of an earlier
 * version still running writes applications without facts: upgrade every instance together.
 */
async function fillMissing(ctx: CosmosContext): Promise<void> {
  if ((await ctx.io.read(`${OPERATION} upkeep`, PARTITIONS.upkeep, ITEM_IDS.reportFactsFilled)) !== null) return;
  const keysOf = async (where: string) => {
    const keys = new Set<string>();
    const pages = ctx.io.pages(
      `${OPERATION} upkeep`,
      {
        query: `SELECT VALUE c.pk FROM c WHERE ${where}`,
        parameters: [{ name: '@case', value: ITEM_IDS.reportFacts('case') }],
      },
      { pageSize: 1000 },
    );
    for await (const page of pages) for (const pk of page) keys.add(String(pk));
    return keys;
  };
  const having = await keysOf('c.type = "report-facts" AND c.id = @case');
  for (const pk of await keysOf('c.type = "application"')) {
    if (having.has(pk)) continue;
    const raw = await ctx.io.read(`${OPERATION} upkeep`, pk, ITEM_IDS.application);
    if (raw === null) continue;
    for (const item of reportFactsItems(parseApplicationItem(raw, pk).body))
      await ctx.io.create(`${OPERATION} upkeep`, item);
  }
  await ctx.io.upsert(`${OPERATION} upkeep`, reportFactsFilled());
}

/** The note in ~upkeep that every application of the container has its report facts. */
export const reportFactsFilled = (): Item => ({
  id: ITEM_IDS.reportFactsFilled,
  pk: PARTITIONS.upkeep,
  type: 'upkeep',
  at: new Date().toISOString(),
});

/**
 * The report facts of the applications whose span overlaps [from, before): one query across
 * partitions on the indexed `reportSince` and `reportUntil`, projecting the facts alone, a thousand a
 * page. The first call of a process first makes sure older applications have theirs (fillMissing).
 */
export function cosmosReportFacts(ctx: CosmosContext): ApplicationRepository['reportFacts'] {
  let filled: Promise<void> | null = null;
  return async (span, visit) => {
    filled ??= fillMissing(ctx).catch((error: unknown) => {
      filled = null;
      throw error;
    });
    await filled;
    const pages = ctx.io.pages(
      OPERATION,
      {
        query:
          'SELECT c.pk, c.facts FROM c WHERE c.type = "report-facts" AND c.reportSince < @before ' +
          'AND (c.reportUntil = null OR c.reportUntil >= @from)',
        parameters: [
          { name: '@from', value: span.from },
          { name: '@before', value: span.before },
        ],
      },
      { pageSize: 1000 },
    );
    for await (const page of pages)
      for (const [i, raw] of page.entries()) {
        const key = typeof raw === 'object' && raw && 'pk' in raw ? String(raw.pk) : `#${i}`;
        visit(parseDocument(factsItemSchema, 'report facts', key, raw).facts);
      }
  };
}
