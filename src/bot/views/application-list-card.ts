import type { Attachment } from 'botbuilder';
import { renderCard } from '../cards';
import { escapeStrings, joined } from './card-data';
import { labelTree } from './labels';
import type { ApplicationListView } from './view-models';

/**
 * A list of applications (`cards/application-list.json`), one compact row each with a `查看` button:
 * Action.Execute verb `plan.show`, data `{ applicationId, list }`: the plan opens as a new card below,
 * and the list stays (shown again as it now stands), so the next row is one tap away.
 */
export function applicationListCard(view: ApplicationListView): Attachment {
  return renderCard('application-list', {
    ...labelTree(view.lang),
    title: escapeStrings(view.title),
    intro: escapeStrings(view.intro ?? []),
    empty: escapeStrings(view.empty),
    more: view.search?.next ? { words: view.search.words, cursor: view.search.next } : null,
    filter: view.search ? { words: view.search.words } : null,
    notice: view.notice ? escapeStrings(view.notice) : null,
    list: view.list,
    queue: view.queue.map((row) => ({
      ...escapeStrings({ id: row.id, unitName: row.unitName, waitingOn: row.waitingOn }),
      step: { ...row.step },
      canTakeOver: row.canTakeOver,
      canHandOver: row.handTo.length > 0,
      handTo: escapeStrings(row.handTo),
    })),
    items: view.items.map((item) => {
      const shown = escapeStrings(item);
      // The id goes back as the bot issued it; only the shown copy is escaped.
      const search = view.search ? { search: { words: view.search.words, cursor: view.search.at } } : {};
      return {
        ...shown,
        show: { applicationId: item.id, list: view.list, ...search },
        stateLine: joined(shown.stateLabel, shown.waitingOn, shown.updated),
      };
    }),
  });
}
