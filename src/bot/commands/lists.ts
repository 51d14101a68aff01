import type { ListModel } from '../../app/use-cases';
import { t, type Lang, type StringKey } from '../../i18n';
import type { Command } from '../command';
import { waitingOn } from '../present/application-view';
import { formatWhen } from '../present/formatting';
import type { BotServices } from '../services';
import { applicationListCard } from '../views/application-list-card';

function listCard(list: ListModel, lang: Lang, title: StringKey, empty: StringKey) {
  return applicationListCard({
    lang,
    title: t(lang, title),
    empty: t(lang, empty),
    items: list.records.map((r) => ({
      id: r.id,
      customer: r.input.customer.name,
      stateLabel: t(lang, `state.${r.state}`),
      waitingOn: waitingOn(r, list.names, lang),
      updated: formatWhen(r.updatedAt, lang),
    })),
  });
}

const NOBODY: ListModel = { records: [], names: {} };

/** `我的` / `mine`: the applicant's applications with their status and the step they wait on. */
export const mineCommand = (services: BotServices): Command => ({
  names: ['mine', '我的'],
  personalOnly: true,
  async handle({ lang, user }) {
    const list = user.aadObjectId ? await services.useCases.mine(user.aadObjectId) : NOBODY;
    return listCard(list, lang, 'bot.mine.title', 'bot.mine.empty');
  },
});

/** `待办` / `pending`: what waits on this person's decision or handling, oldest first. */
export const pendingCommand = (services: BotServices): Command => ({
  names: ['pending', '待办'],
  personalOnly: true,
  async handle({ lang, user }) {
    const list = user.aadObjectId ? await services.useCases.pending(user.aadObjectId) : NOBODY;
    return listCard(list, lang, 'bot.pending.title', 'bot.pending.empty');
  },
});
