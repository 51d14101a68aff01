import { z } from 'zod';
import { searchCard } from '../present/search-card';
import { cardAction } from './card-action';

/** What 更多 and a search row's 查看 carry: the words of the search and where a page starts. */
export const searchData = z.object({
  words: z.string().max(500),
  cursor: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9_-]*$/)
    .nullable(),
});

/** `list.more` (更多): the next page of a `列表` search, in place of the card. */
export const listMore = cardAction({
  verb: 'list.more',
  sharedChat: 'refuse',
  schema: searchData,
  handle: (data, ctx) => searchCard(ctx.services, ctx.user.aadObjectId, data.words, data.cursor, ctx.lang),
});
