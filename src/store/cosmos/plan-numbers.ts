import { z } from 'zod';
import { formatPlanNumber } from '../../domain/plan-number';
import { parseDocument } from '../schemas/stored-document';
import type { CosmosContext } from './cosmos-context';
import { retryOnConflict } from './cosmos-context';
import { ITEM_IDS, PARTITIONS } from './item-keys';

const counterSchema = z.object({ last: z.number().int().positive() });

/**
 * Plan numbers from one counter item per year. The increment is one atomic patch (`incr`), so
 * concurrent instances never get the same number and never retry; a year's first number creates the item.
 */
export function planNumbers(ctx: CosmosContext): (year: number) => Promise<string> {
  return async (year) => {
    formatPlanNumber(year, 1); // a year that cannot be numbered is refused before the counter moves
    const id = ITEM_IDS.planNumber(year);
    const last = await retryOnConflict(`the ${year} plan number`, async () => {
      const raw = await ctx.io.increment('applications.nextNumber', PARTITIONS.counters, id, '/last', 1);
      if (raw !== null) return parseDocument(counterSchema, 'counters', year, raw).last;
      // No counter yet: the first to create it has number 1; whoever loses the race increments.
      return (await ctx.io.create('applications.nextNumber', { id, pk: PARTITIONS.counters, type: 'counter', last: 1 }))
        ? 1
        : undefined;
    });
    return formatPlanNumber(year, last);
  };
}
