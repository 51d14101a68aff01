import type { ListModel, SearchFilter, SearchPage } from '../../app/use-cases';
import { t, type Lang } from '../../i18n';
import { joined } from '../views/card-data';
import type { ApplicationListView } from '../views/view-models';
import { describeSearch } from './search-words';
import { waitingOn } from './application-view';
import { formatWhen } from './formatting';

/** The lists a person asks for: what they filed, and what waits on them. */
export const LISTS = {
  mine: { title: 'bot.mine.title', empty: 'bot.mine.empty' },
  pending: { title: 'bot.pending.title', empty: 'bot.pending.empty' },
} as const;
export type ListName = keyof typeof LISTS;

/** The lines saying a list shows only some of its rows: how many in all, and where the others are. */
function shownLines(list: ListModel, name: ListName, lang: Lang): Pick<ApplicationListView, 'intro'> {
  const more = list.total === null || list.total > list.records.length;
  const intro = [
    ...(more ? [t(lang, `list.shown.${name}`, { total: list.total ?? 0, shown: list.records.length })] : []),
    ...(list.queueTotal > list.queue.length
      ? [t(lang, 'list.shown.queue', { total: list.queueTotal, shown: list.queue.length })]
      : []),
  ];
  return intro.length > 0 ? { intro } : {};
}

/** A list in the reader's words: each row its status, what it waits on (with its deadline) and when it last changed. */
export function listView(
  list: ListModel,
  name: ListName,
  lang: Lang,
  notice?: ApplicationListView['notice'],
): ApplicationListView {
  return {
    lang,
    list: name,
    title: t(lang, LISTS[name].title),
    empty: t(lang, LISTS[name].empty),
    ...(notice ? { notice } : {}),
    ...shownLines(list, name, lang),
    queue: list.queue.flatMap((r) => {
      const index = r.steps.findIndex((s) => s.status === 'pending');
      const step = r.steps[index];
      if (!step) return [];
      return [
        {
          id: r.id,
          unitName: list.unitNames[r.input.unit] ?? r.input.unit,
          waitingOn: waitingOn(r, list.names, lang, list.asOf),
          step: { applicationId: r.id, revision: r.revision, stepIndex: index, assignee: step.assignee },
          canTakeOver: list.roles.includes(step.role),
          handTo: (list.handTo[step.role] ?? [])
            .filter((p) => p.id !== step.assignee && p.id !== r.input.applicant)
            .map((p) => ({ value: p.id, title: p.name })),
        },
      ];
    }),
    items: list.records.map((r) => ({
      id: r.id,
      customer: r.input.customer.name,
      stateLabel: t(lang, `state.${r.state}`),
      waitingOn: waitingOn(r, list.names, lang, list.asOf),
      updated: t(lang, 'list.updated', { when: formatWhen(r.updatedAt, lang, list.asOf) }),
    })),
  };
}

/**
 * A page of `列表` in the reader's words: what the words were taken for, whose plans, how to narrow
 * them, the rows, and 更多 while there is more.
 */
export function searchView(
  page: SearchPage,
  filter: SearchFilter,
  search: { words: string; at: string | null },
  lang: Lang,
  notice?: ApplicationListView['notice'],
): ApplicationListView {
  const described = describeSearch(filter, page.terms, lang);
  return {
    lang,
    list: 'search',
    title:
      described.length > 0
        ? t(lang, 'search.titleFiltered', { filter: described.join(' · ') })
        : t(lang, 'search.title'),
    intro: [
      t(lang, page.scope === 'all' ? 'search.scope.all' : 'search.scope.involved'),
      ...(search.at === null && page.next !== null ? [t(lang, 'search.hint')] : []),
      ...(page.next === null && page.records.length > 0 && search.at !== null ? [t(lang, 'search.end')] : []),
    ],
    empty: t(lang, 'search.empty'),
    ...(notice ? { notice } : {}),
    search: { ...search, next: page.next },
    queue: [],
    items: page.records.map((r) => ({
      id: r.id,
      customer: r.input.customer.name,
      stateLabel: joined(t(lang, `state.${r.state}`), page.unitNames[r.input.unit] ?? r.input.unit),
      waitingOn: waitingOn(r, page.names, lang, page.asOf),
      updated: t(lang, 'list.updated', { when: formatWhen(r.updatedAt, lang, page.asOf) }),
    })),
  };
}
