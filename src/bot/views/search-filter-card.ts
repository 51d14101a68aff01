import type { Attachment } from 'botbuilder';
import type { Lang } from '../../i18n';
import { renderCard } from '../cards';
import type { FilterFields } from '../present/search-filter';
import { escapeStrings, finishCard } from './card-data';
import { labelTree } from './labels';

type Choice = { title: string; value: string };

/** The `列表` filter card (`cards/search-filter.json`): every filter as a field, 查找 (`list.search`) and 清空 (`list.filter`). */
export function searchFilterCard(view: {
  lang: Lang;
  choices: Record<'states' | 'steps' | 'units' | 'tiers' | 'products' | 'activities', Choice[]>;
  fields: FilterFields;
  notice: string | null;
}): Attachment {
  return finishCard(
    renderCard('search-filter', {
      ...labelTree(view.lang),
      notice: view.notice === null ? null : escapeStrings(view.notice),
      // Choice titles and input values are shown as they are, never as Markdown.
      choices: view.choices,
      fields: view.fields,
    }),
  );
}
