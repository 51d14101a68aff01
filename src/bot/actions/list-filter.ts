import { z } from 'zod';
import type { Lang } from '../../i18n';
import type { BotServices } from '../services';
import {
  fieldsOfWords,
  filterChoices,
  filterProblem,
  wordsOfFields,
  type FilterFields,
} from '../present/search-filter';
import { searchCard } from '../present/search-card';
import { searchFilterCard } from '../views/search-filter-card';
import { cardAction } from './card-action';

/** The filter card for these fields, with what is wrong with them (or null). */
async function filterCard(services: BotServices, fields: FilterFields, lang: Lang, notice: string | null) {
  const choices = filterChoices(await services.useCases.searchChoices(), lang);
  return searchFilterCard({ lang, choices, fields, notice });
}

/** `list.filter` (筛选 on a `列表` card, 清空 on the filter card): the filter card, filled from the list's words. */
export const listFilter = cardAction({
  verb: 'list.filter',
  sharedChat: 'refuse',
  schema: z.object({ words: z.string().max(500) }),
  handle: (data, ctx) => filterCard(ctx.services, fieldsOfWords(data.words), ctx.lang, null),
});

const text = (max: number) => z.string().trim().max(max).optional().default('');

/** `list.search` (查找): the list for the card's fields, in place of the filter card; a wrong period, the card again saying so. */
export const listSearch = cardAction({
  verb: 'list.search',
  sharedChat: 'refuse',
  schema: z.object({
    states: text(300),
    unit: text(64),
    step: text(32),
    tier: text(32),
    applicant: text(64),
    customer: text(64),
    product: text(64),
    activity: text(64),
    submittedFrom: text(32),
    submittedTo: text(32),
    activeFrom: text(32),
    activeTo: text(32),
    overdue: text(8),
    flagged: text(8),
    words: text(200),
  }),
  async handle(fields, ctx) {
    const problem = filterProblem(fields, ctx.lang);
    if (problem) return filterCard(ctx.services, fields, ctx.lang, problem);
    return searchCard(ctx.services, ctx.user.aadObjectId, wordsOfFields(fields), null, ctx.lang);
  },
});
