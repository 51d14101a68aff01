import type { ApplicationRecord } from '../../app/records/application-record';
import { myApplications, pendingFor } from '../../app/approval/queries';
import type { Directory } from '../../app/records/directory';
import { t, type Lang } from '../../i18n';
import type { Command } from '../command';
import { formatWhen } from '../present/formatting';
import { waitingOn } from '../present/application-view';
import type { BotServices } from '../services';
import { applicationListCard } from '../views/application-list-card';

function listItems(records: ApplicationRecord[], directory: Directory | null, lang: Lang) {
  return records.map((r) => ({
    id: r.id,
    customer: r.input.customer.name,
    stateLabel: t(lang, `state.${r.state}`),
    waitingOn: directory ? waitingOn(r, directory, lang) : '',
    updated: formatWhen(r.updatedAt, lang),
  }));
}

/** `我的` / `mine`: the applicant's applications with their status and the step they wait on. */
export const mineCommand = (services: BotServices): Command => ({
  names: ['mine', '我的'],
  personalOnly: true,
  async handle({ lang, user }) {
    const deps = services.approval;
    const records = user.aadObjectId ? await myApplications(deps, user.aadObjectId) : [];
    return applicationListCard({ lang, title: t(lang, 'bot.mine.title'), empty: t(lang, 'bot.mine.empty'), items: listItems(records, await deps.store.directory.get(), lang) });
  },
});

/** `待办` / `pending`: what waits on this person's decision or handling, oldest first. */
export const pendingCommand = (services: BotServices): Command => ({
  names: ['pending', '待办'],
  personalOnly: true,
  async handle({ lang, user }) {
    const deps = services.approval;
    const records = user.aadObjectId ? await pendingFor(deps, user.aadObjectId) : [];
    return applicationListCard({ lang, title: t(lang, 'bot.pending.title'), empty: t(lang, 'bot.pending.empty'), items: listItems(records, await deps.store.directory.get(), lang) });
  },
});
