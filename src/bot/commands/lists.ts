import type { Command } from '../command';
import { listView } from '../present/list-view';
import { searchCard } from '../present/search-card';
import type { BotServices } from '../services';
import { applicationListCard } from '../views/application-list-card';

/** `我的` / `mine`: the applicant's applications with their status and the step they wait on. */
export const mineCommand = (services: BotServices): Command => ({
  names: ['mine', '我的'],
  personalOnly: true,
  async handle({ lang, user }) {
    const list = await services.useCases.mine(user.aadObjectId ?? '');
    return applicationListCard(listView(list, 'mine', lang));
  },
});

/** `待办` / `pending`: what waits on this person's decision or handling, oldest first. */
export const pendingCommand = (services: BotServices): Command => ({
  names: ['pending', '待办'],
  personalOnly: true,
  async handle({ lang, user }) {
    const list = await services.useCases.pending(user.aadObjectId ?? '');
    return applicationListCard(listView(list, 'pending', lang));
  },
});

/**
 * `列表 [words]` / `list [words]`: the plans this person may see that match the words, newest first,
 * 10 a page with 更多 (see searchFilterOf for the words it knows).
 */
export const searchCommand = (services: BotServices): Command => ({
  names: ['list', '列表'],
  personalOnly: true,
  async handle({ lang, user, args }) {
    return searchCard(services, user.aadObjectId ?? '', args, null, lang);
  },
});
