import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ConversationPace, PaceSlot } from '../../app/ports/store';
import { EMPTY_PACE, releaseIn, reserveIn, type PaceRecord, type RateWindow } from '../../app/records/pace-record';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import type { Item } from './cosmos-io';
import { conversationPartition, ITEM_IDS } from './item-keys';

const ms = z.number().nonnegative();
const paceSchema = z
  .object({
    done: z.array(ms),
    open: z.array(z.object({ slot: z.string().min(1), until: ms }).strict()),
    heldUntil: ms,
  })
  .strict();
const paceItemSchema = z.object({ body: paceSchema, _etag: z.string() });

/**
 * Instances' clocks are kept by NTP within milliseconds of each other; each window is widened by this
 * much, so a clock that runs a little ahead cannot let its instance send early by the difference.
 */
export const CLOCK_MARGIN_MS = 100;

const widened = (windows: readonly RateWindow[]): RateWindow[] =>
  windows.map((w) => ({ limit: w.limit, ms: w.ms + CLOCK_MARGIN_MS }));

/**
 * Each conversation's pace as one small item (`pace`) in the conversation's own partition, beside its
 * reference: read, changed and replaced on its ETag, so two instances never both take the last slot of
 * a window — the one whose replace fails (412; 409 when both create the first) reads it again and
 * decides anew, after a short random wait when it keeps losing (retryOnConflict). Times are this
 * process's wall clock in milliseconds; the item keeps only what a window can still count.
 */
export function cosmosConversationPace(ctx: CosmosContext, now: () => number = Date.now): ConversationPace {
  async function change<T>(
    operation: string,
    key: string,
    decide: (record: PaceRecord, at: number) => { record: PaceRecord; value: T } | { value: T; unchanged: true },
  ): Promise<T> {
    const pk = conversationPartition(key);
    return retryOnConflict(`${operation} ${key}`, async () => {
      const raw = await ctx.io.read(operation, pk, ITEM_IDS.pace);
      const item = raw === null ? null : parseDocument(paceItemSchema, 'pace', key, raw);
      const decided = decide(item?.body ?? EMPTY_PACE, now());
      if ('unchanged' in decided) return { value: decided.value };
      const next: Item = {
        id: ITEM_IDS.pace,
        pk,
        type: 'pace',
        body: checkDocument(paceSchema, `pace of ${key}`, decided.record),
      };
      const written = item ? await ctx.io.replace(operation, next, item._etag) : await ctx.io.create(operation, next);
      return written ? { value: decided.value } : undefined;
    }).then((settled) => settled.value);
  }

  return {
    reserve(key, windows, holdMs) {
      const slot = randomUUID();
      return change<PaceSlot | { waitMs: number }>('pace.reserve', key, (record, at) => {
        const reserved = reserveIn(record, widened(windows), at, slot, holdMs);
        return 'waitMs' in reserved
          ? { value: { waitMs: reserved.waitMs }, unchanged: true }
          : { record: reserved.record, value: { slot } };
      });
    },
    release(key, { slot }, windows, outcome) {
      return change('pace.release', key, (record, at) => ({
        record: releaseIn(record, widened(windows), at, slot, outcome),
        value: undefined,
      }));
    },
  };
}
